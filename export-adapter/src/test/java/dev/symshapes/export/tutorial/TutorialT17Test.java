package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T17: checks make T16 export; the program asserts them at run time. */
class TutorialT17Test {
  @Test
  void programAssertsTheRangeOfTheItem() {
    CaseRun r = CaseRun.of(new T17CheckExports());
    assertThat(r.text())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"i64[]\", y: \"f32[4]\"):\n"
                + "            item: \"Sym(u0)\" = torch.ops.aten.item.default(x)\n"
                + "            ge_1: \"Sym(u0 >= 10)\" = item >= 10\n"
                + "            _assert_scalar_default ="
                + " torch.ops.aten._assert_scalar.default(ge_1, \"Runtime assertion failed for"
                + " expression u0 >= 10 on node 'ge_1'\")\n"
                + "            le_1: \"Sym(u0 <= 60)\" = item <= 60\n"
                + "            _assert_scalar_default_1 ="
                + " torch.ops.aten._assert_scalar.default(le_1, \"Runtime assertion failed for"
                + " expression u0 <= 60 on node 'le_1'\")\n"
                + "            add: \"f32[4]\" = torch.ops.aten.add.Tensor(y, 2)\n"
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
                + "Range constraints: {u0: VR[10, 60]}\n"
                + "ep.module()(x: tensor(20), y: [4]) -> f32[4]\n"
                + "ep.module()(x: tensor(5), y: [4]) -> RuntimeAssertionException: Runtime"
                + " assertion failed for expression u0 >= 10 on node 'ge_1'\n"
                + "ep.module()(x: tensor(61), y: [4]) -> RuntimeAssertionException: Runtime"
                + " assertion failed for expression u0 <= 60 on node 'le_1'\n");
    assertThat(r.messages())
        .containsSubsequence(
            "create_unbacked_symint u0 [-int_oo, int_oo]",
            "_update_var_to_range u0 = VR[10, int_oo] (update)",
            "runtime_assert u0 >= 10 [guard added]",
            "_update_var_to_range u0 = VR[10, 60] (update)",
            "runtime_assert u0 <= 60 [guard added]",
            "eval ((u0//2)) >= 5 == True [statically known]",
            "produce_guards");
  }
}
