package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T19: checks on the index range make T18 export. */
class TutorialT19Test {
  @Test
  void programAssertsTheIndexRange() {
    CaseRun r = CaseRun.of(new T19CheckIndexRange());
    assertThat(r.text())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"i64[]\", y: \"f32[60]\"):\n"
                + "            item: \"Sym(u0)\" = torch.ops.aten.item.default(x)\n"
                + "            ge_1: \"Sym(u0 >= 0)\" = item >= 0\n"
                + "            _assert_scalar_default ="
                + " torch.ops.aten._assert_scalar.default(ge_1, \"Runtime assertion failed for"
                + " expression u0 >= 0 on node 'ge_1'\")\n"
                + "            le_1: \"Sym(u0 <= 59)\" = item <= 59\n"
                + "            _assert_scalar_default_1 ="
                + " torch.ops.aten._assert_scalar.default(le_1, \"Runtime assertion failed for"
                + " expression u0 <= 59 on node 'le_1'\")\n"
                + "            lt_1: \"Sym(u0 < 60)\" = item < 60\n"
                + "            _assert_scalar_default_2 ="
                + " torch.ops.aten._assert_scalar.default(lt_1, \"Runtime assertion failed for"
                + " expression u0 < 60 on node 'lt_1'\")\n"
                + "            select: \"f32[]\" = torch.ops.aten.select.int(y, 0, item)\n"
                + "            return (select,)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    select: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {u0: VR[0, 59]}\n"
                + "ep.module()(x: tensor(59), y: [60]) -> f32[]\n"
                + "ep.module()(x: tensor(60), y: [60]) -> RuntimeAssertionException: Runtime"
                + " assertion failed for expression u0 <= 59 on node 'le_1'\n"
                + "ep.module()(x: tensor(-1), y: [60]) -> RuntimeAssertionException: Runtime"
                + " assertion failed for expression u0 >= 0 on node 'ge_1'\n");
    assertThat(r.messages())
        .containsSubsequence(
            "_update_var_to_range u0 = VR[0, int_oo] (update)",
            "runtime_assert u0 >= 0 [guard added]",
            "_update_var_to_range u0 = VR[0, 59] (update)",
            "runtime_assert u0 < 60 [guard added]",
            "eval -u0 > 60 == False [statically known]",
            "eval u0 >= 60 == False [statically known]");
  }
}
