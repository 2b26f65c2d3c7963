package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T21: an unbacked size through repeat, with size-oblivious reasoning. */
class TutorialT21Test {
  @Test
  void programConstrainsTheSizeAndRuns() {
    CaseRun r = CaseRun.of(new T21RepeatUnbacked());
    assertThat(r.text())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"i64[]\", y: \"f32[60]\"):\n"
                + "            item: \"Sym(u0)\" = torch.ops.aten.item.default(x)\n"
                + "            sym_constrain_range_for_size_default ="
                + " torch.ops.aten.sym_constrain_range_for_size.default(item)\n"
                + "            ge: \"Sym(u0 >= 0)\" = item >= 0\n"
                + "            _assert_scalar_default = torch.ops.aten._assert_scalar.default(ge,"
                + " \"Runtime assertion failed for expression u0 >= 0 on node 'ge'\")\n"
                + "            unsqueeze: \"f32[1, 60]\" = torch.ops.aten.unsqueeze.default(y, 0)\n"
                + "            repeat: \"f32[u0, 60]\" = torch.ops.aten.repeat.default(unsqueeze,"
                + " [item, 1])\n"
                + "            add: \"f32[u0, 60]\" = torch.ops.aten.add.Tensor(repeat, item)\n"
                + "            return (add,)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    add: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {u0: VR[0, int_oo]}\n"
                + "ep.module()(x: tensor(3), y: [60]) -> f32[3, 60]\n"
                + "ep.module()(x: tensor(-1), y: [60]) -> RuntimeAssertionException: Invalid value"
                + " range for -1 between [0, 9223372036854775807].\n");
    assertThat(r.messages())
        .containsSubsequence(
            "_update_var_to_range u0 = VR[0, int_oo] (update)",
            "runtime_assert u0 >= 0 [guard added]",
            "eval Eq(u0, 0) == False [statically known]",
            "eval Eq(u0, 1) == False [statically known]");
  }
}
