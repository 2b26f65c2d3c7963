package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T08: Dim.DYNAMIC that specializes is an error, with the improved bullet. */
class TutorialT08Test {
  @Test
  void failsNamingTheSourceTheConstantTheGuardAndTheLine() {
    CaseRun r = CaseRun.of(new T08DynamicSpecializes());
    String at = CaseRun.line("T08DynamicSpecializes.java", "Tensor x1 = l.forward(w);");
    assertThat(r.text())
        .isEqualTo(
            "Constraints violated (L['w'].size()[1])! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - You marked L['w'].size()[1] as dynamic but your code specialized it to be a"
                + " constant (5). If you're using Dim.DYNAMIC, replace it with either Dim.STATIC or"
                + " Dim.AUTO.\n"
                + "    Caused by: Eq(s1, 5) (runtime assert added at "
                + at
                + " in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dynamic_shapes['w'][1] = 5\n");
    assertThat(r.text()).doesNotContain("RelaxedUnspecConstraint");
    assertThat(r.messages())
        .containsSubsequence(
            "create_symbol s1 = 5 for L['w'].size()[1] [2, int_oo]",
            "set_replacement s1 = 5 (range_refined_to_singleton) VR[5, 5]",
            "runtime_assert Eq(s1, 5) [guard added]",
            "produce_guards");
  }
}
