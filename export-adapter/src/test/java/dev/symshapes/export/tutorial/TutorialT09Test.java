package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T09: STATIC and DYNAMIC in conflict. */
class TutorialT09Test {
  @Test
  void failsOnYsSecondDimension() {
    CaseRun r = CaseRun.of(new T09StaticDynamicConflict());
    String at = CaseRun.line("T08DynamicSpecializes.java", "Tensor x0 = x.add(y);");
    assertThat(r.text())
        .isEqualTo(
            "Constraints violated (L['y'].size()[1])! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - You marked L['y'].size()[1] as dynamic but your code specialized it to be a"
                + " constant (4). If you're using Dim.DYNAMIC, replace it with either Dim.STATIC or"
                + " Dim.AUTO.\n"
                + "    Caused by: Eq(s3, 4) (runtime assert added at "
                + at
                + " in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  dynamic_shapes['y'][1] = 4\n");
    assertThat(r.messages())
        .containsSubsequence(
            "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo]",
            "create_symbol s1 = 5 for L['w'].size()[1] [2, int_oo]",
            "create_symbol s2 = 8 for L['y'].size()[0] [2, int_oo]",
            "create_symbol s3 = 4 for L['y'].size()[1] [2, int_oo]",
            "create_symbol s4 = 32 for L['z'].size()[0] [2, int_oo]",
            "set_replacement s3 = 4 (range_refined_to_singleton) VR[4, 4]",
            "runtime_assert Eq(s3, 4) [guard added]",
            "_update_var_to_range s4 = VR[8, int_oo] (update)",
            "set_replacement s4 = 4*s2 (solve) VR[8, int_oo]",
            "runtime_assert Eq(4*s2, s4) [guard added]");
    assertThat(r.messages()).noneMatch(l -> l.contains("L['x']"));
  }
}
