package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * T10: an assertion, a check and a branch on sizes emit guards: the log, the program with {@code
 * s0} replaced by {@code s2 + 2} and {@code s2} in {@code [4, 510]}, and the checks of the module.
 */
class TutorialT10Test {
  @Test
  void logProgramAndChecks() {
    CaseRun run = CaseRun.of(new T10GuardsFromChecks());
    assertThat(run.log())
        .containsExactly(
            "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo] (T10GuardsFromChecks.java:31 in run)",
            "create_symbol s1 = 5 for L['w'].size()[1] [2, int_oo] (T10GuardsFromChecks.java:31 in run)",
            "create_symbol s2 = 4 for L['x'].size()[0] [2, int_oo] (T10GuardsFromChecks.java:31 in run)",
            "create_symbol s3 = 8 for L['y'].size()[0] [2, int_oo] (T10GuardsFromChecks.java:31 in run)",
            "create_symbol s4 = 4 for L['y'].size()[1] [2, int_oo] (T10GuardsFromChecks.java:31 in run)",
            "create_symbol s5 = 32 for L['z'].size()[0] [2, int_oo] (T10GuardsFromChecks.java:31 in run)",
            "_update_var_to_range s0 = VR[2, 512] (update)",
            "runtime_assert s0 <= 512 [guard added] (GuardedDynamicModel.java:20 in forward)",
            "_update_var_to_range s2 = VR[4, int_oo] (update)",
            "runtime_assert s2 >= 4 [guard added] (GuardedDynamicModel.java:21 in forward)",
            "_update_var_to_range s0 = VR[6, 512] (update)",
            "_update_var_to_range s2 = VR[4, 510] (update)",
            "set_replacement s0 = s2 + 2 (solve) VR[6, 512]",
            "eval Eq(s0, s2 + 2) [guard added] (GuardedDynamicModel.java:22 in forward)",
            "eval Eq(s2, 1) == False [statically known]",
            "eval Eq(s4, 1) == False [statically known]",
            "_update_var_to_range s4 = VR[4, 510] (update)",
            "set_replacement s4 = s2 (solve) VR[4, 510]",
            "runtime_assert Eq(s2, s4) [guard added] (GuardedDynamicModel.java:23 in forward)",
            "_update_var_to_range s1 = VR[5, 5] (update)",
            "set_replacement s1 = 5 (range_refined_to_singleton) VR[5, 5]",
            "runtime_assert Eq(s1, 5) [guard added] (GuardedDynamicModel.java:24 in forward)",
            "eval Eq(s0, 1) == False [statically known]",
            "eval Eq(s2*s3, 1) == False [statically known]",
            "eval Eq(s5, 1) == False [statically known]",
            "_update_var_to_range s5 = VR[8, int_oo] (update)",
            "set_replacement s5 = s2*s3 (solve) VR[8, int_oo]",
            "runtime_assert Eq(s2*s3, s5) [guard added] (GuardedDynamicModel.java:26 in forward)",
            "runtime_assert s2 >= 4 == True [statically known]",
            "produce_guards");
    assertThat(run.text())
        .isEqualTo(
            """
            > ep
            ExportedProgram:
                class GraphModule(torch.nn.Module):
                    def forward(self, p_l_weight: "f32[3, 5]", p_l_bias: "f32[3]", w: "f32[s2 + 2, \
            5]", x: "f32[s2]", y: "f32[s3, s2]", z: "f32[s2*s3]"):
                        add: "f32[s3, s2]" = torch.ops.aten.add.Tensor(x, y)
                        linear: "f32[s2 + 2, 3]" = torch.ops.aten.linear.default(w, p_l_weight, \
            p_l_bias)
                        flatten: "f32[s2*s3]" = torch.ops.aten.flatten.using_ints(add)
                        add_1: "f32[s2*s3]" = torch.ops.aten.add.Tensor(flatten, z)
                        return (linear, add_1)
                       \s
            Graph signature:\s
                # inputs
                p_l_weight: PARAMETER target='l.weight'
                p_l_bias: PARAMETER target='l.bias'
                w: USER_INPUT
                x: USER_INPUT
                y: USER_INPUT
                z: USER_INPUT
               \s
                # outputs
                linear: USER_OUTPUT
                add_1: USER_OUTPUT
               \s
            Range constraints: {s2: VR[4, 510], s3: VR[2, int_oo], s2 + 2: VR[6, 512], s2*s3: \
            VR[8, int_oo]}
            > ep.module().call(randn(12, 5), randn(10), randn(3, 10), randn(30))
            (f32[12, 3], f32[30])
            > ep.module().call(randn(5, 5), randn(3), randn(2, 3), randn(6))
            InputCheckException: Expected input at *args[0].shape[0] to be >= 6, but got 5
            > ep.module().call(randn(7, 5), randn(4), randn(2, 4), randn(8))
            InputCheckException: Expected input at *args[1].shape[0] to be equal to 5, but got 4
            > ep.module().call(randn(600, 5), randn(598), randn(2, 598), randn(1196))
            InputCheckException: Expected input at *args[0].shape[0] to be <= 512, but got 600
            """);
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("t10")).containsInstanceOf(T10GuardsFromChecks.class);
  }
}
