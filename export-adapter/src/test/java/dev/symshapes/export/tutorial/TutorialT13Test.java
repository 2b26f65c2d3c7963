package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * T13: every violation in one error, with PyTorch's bullets word for word (each followed by the
 * line naming the guards that caused it), the suggested fixes, and the refine-and-re-export round
 * trip.
 */
class TutorialT13Test {
  @Test
  void violationsSuggestedFixesAndTheRoundTrip() {
    CaseRun r = CaseRun.of(new T13SuggestedFixes());
    String add = CaseRun.line("T13SuggestedFixes.java", "Tensor w = x.add(y);");
    String ones = CaseRun.line("T13SuggestedFixes.java", "return w.add(Torch.ones(4));");
    assertThat(r.text())
        .isEqualTo(
            "Constraints violated (d1, dy)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of d1 = L['x'].size()[1] in the specified range are valid"
                + " because d1 was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s1, 4) (runtime assert added at "
                + ones
                + " in forward)\n"
                + "  - Not all values of d1 = L['y'].size()[1] in the specified range are valid"
                + " because d1 was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s1, s3) (runtime assert added at "
                + add
                + " in forward); Eq(s1, 4) (runtime assert added at "
                + ones
                + " in forward)\n"
                + "  - The values of dy = L['y'].size()[0] and dx = L['x'].size()[0] must always be"
                + " equal.\n"
                + "    Caused by: Eq(s0, s2) (runtime assert added at "
                + add
                + " in forward)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  d1 = 4\n"
                + "  dy = dx\n"
                + "\n"
                + "After applying the suggested fixes: {x=[Dim('dx'), 4], y=[Dim('dx'), 4]}\n"
                + "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"f32[s0, 4]\", y: \"f32[s0, 4]\"):\n"
                + "            add: \"f32[s0, 4]\" = torch.ops.aten.add.Tensor(x, y)\n"
                + "            ones: \"f32[4]\" = torch.ops.aten.ones.default([4])\n"
                + "            add_1: \"f32[s0, 4]\" = torch.ops.aten.add.Tensor(add, ones)\n"
                + "            return (add_1,)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    add_1: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {s0: VR[2, int_oo]}\n");
    assertThat(r.messages())
        .containsSubsequence(
            "set_replacement s3 = s1 (solve) VR[2, int_oo]",
            "set_replacement s2 = s0 (solve) VR[2, int_oo]",
            "set_replacement s1 = 4 (range_refined_to_singleton) VR[4, 4]",
            "set_replacement s3 = 4 (find) VR[4, 4]",
            "produce_guards");
  }
}
