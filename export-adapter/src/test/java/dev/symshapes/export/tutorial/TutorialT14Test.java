package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T14: null for an input, null and integers for dimensions. */
class TutorialT14Test {
  @Test
  void specForms() {
    CaseRun r = CaseRun.of(new T14SpecForms());
    assertThat(r.text())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, tensor_0: \"f32[s0, 4]\", tensor_1: \"f32[3, 3]\","
                + " int_val, bool_val):\n"
                + "            add: \"f32[3, 3]\" = torch.ops.aten.add.Tensor(tensor_1, 16)\n"
                + "            return (add,)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    tensor_0: USER_INPUT\n"
                + "    tensor_1: USER_INPUT\n"
                + "    int_val: USER_INPUT\n"
                + "    bool_val: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    add: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {s0: VR[2, int_oo]}\n"
                + "\n"
                + "{tensor_0: [Dim.AUTO, 4]}: tensor_0: f32[s0, 4]\n"
                + "{tensor_0: [Dim.AUTO, 5]}: Static shape constraint of 5 does not match input size"
                + " of 4, for L['tensor_0'].size()[1]\n");
  }
}
