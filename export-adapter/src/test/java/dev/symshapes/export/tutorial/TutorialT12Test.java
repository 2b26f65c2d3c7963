package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T12: named dims, ranges, derived dims, and the rules the exported modules check. */
class TutorialT12Test {
  @Test
  void rangesRelationsAndDivisibility() {
    CaseRun r = CaseRun.of(new T12NamedDims());
    assertThat(r.text())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"f32[s0, 3]\", y: \"f32[2*s0, s2]\"):\n"
                + "            add: \"f32[s0, 3]\" = torch.ops.aten.add.Tensor(x, 1)\n"
                + "            add_1: \"f32[2*s0, s2]\" = torch.ops.aten.add.Tensor(y, 1)\n"
                + "            return (add, add_1)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    add: USER_OUTPUT\n"
                + "    add_1: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {s0: VR[4, 256], s2: VR[2, 512], 2*s0: VR[8, 512]}\n"
                + "ep.module()(x: [10, 3], y: [20, 7]) -> (f32[10, 3], f32[20, 7])\n"
                + "ep.module()(x: [300, 3], y: [600, 5]) -> InputCheckException: Expected input at"
                + " *args[0].shape[0] to be <= 256, but got 300\n"
                + "ep.module()(x: [3, 3], y: [6, 5]) -> InputCheckException: Expected input at"
                + " *args[0].shape[0] to be >= 4, but got 3\n"
                + "ep.module()(x: [10, 3], y: [21, 5]) -> InputCheckException: Expected input at"
                + " *args[1].shape[0] to be equal to 2*s0 = 20, but got 21\n"
                + "ep.module()(x: [10, 3], y: [20, 513]) -> InputCheckException: Expected input at"
                + " *args[1].shape[1] to be <= 512, but got 513\n"
                + "ep.module()(x: [10, 4], y: [20, 5]) -> InputCheckException: Expected input at"
                + " *args[0].shape[1] to be equal to 3, but got 4. If you meant for this dimension"
                + " to be dynamic, please re-export and specify dynamic_shapes (e.g. with"
                + " Dim.DYNAMIC)\n"
                + "\n"
                + "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"f32[4*s1, 3]\", y: \"f32[2, 2]\"):\n"
                + "            add: \"f32[4*s1, 3]\" = torch.ops.aten.add.Tensor(x, 1)\n"
                + "            add_1: \"f32[2, 2]\" = torch.ops.aten.add.Tensor(y, 1)\n"
                + "            return (add, add_1)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    add: USER_OUTPUT\n"
                + "    add_1: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {s1: VR[4, 512], 4*s1: VR[16, 2048]}\n"
                + "ep.module()(x: [36, 3], y: [2, 2]) -> (f32[36, 3], f32[2, 2])\n"
                + "ep.module()(x: [30, 3], y: [2, 2]) -> InputCheckException: Expected input"
                + " *args[0].shape[0] = 30 to be of the form 4*s1, where s1 is an integer\n"
                + "ep.module()(x: [8, 3], y: [2, 2]) -> InputCheckException: Expected input at"
                + " *args[0].shape[0] to be >= 16, but got 8\n"
                + "ep.module()(x: [2052, 3], y: [2, 2]) -> InputCheckException: Expected input at"
                + " *args[0].shape[0] to be <= 2048, but got 2052\n");
    assertThat(r.messages())
        .containsSubsequence(
            "create_symbol s0 = 8 for L['x'].size()[0] [4, 256]",
            "create_symbol s1 = 16 for L['y'].size()[0] [8, 512]",
            "create_symbol s2 = 5 for L['y'].size()[1] [2, 512]",
            "set_replacement s1 = 2*s0 (solve) VR[8, 512]",
            "create_symbol s0 = 32 for L['x'].size()[0] [16, 2048]",
            "create_symbol s1 = 8 for dx [4, 512]",
            "set_replacement s0 = 4*s1 (solve) VR[16, 2048]");
  }
}
