package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * T07: {@code Dim.AUTO} everywhere, traced end to end: the log of symbols, guards and replacements
 * in PyTorch's words and order (with the Java lines that caused the guards), the printed program,
 * and the input checks that follow from them.
 */
class TutorialT07Test {
  @Test
  void logProgramAndChecks() {
    CaseRun run = CaseRun.of(new T07AutoDims());
    assertThat(run.log())
        .containsExactly(
            "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo] (T07AutoDims.java:43 in run)",
            "create_symbol s1 = 5 for L['w'].size()[1] [2, int_oo] (T07AutoDims.java:43 in run)",
            "create_symbol s2 = 4 for L['x'].size()[0] [2, int_oo] (T07AutoDims.java:43 in run)",
            "create_symbol s3 = 8 for L['y'].size()[0] [2, int_oo] (T07AutoDims.java:43 in run)",
            "create_symbol s4 = 4 for L['y'].size()[1] [2, int_oo] (T07AutoDims.java:43 in run)",
            "create_symbol s5 = 32 for L['z'].size()[0] [2, int_oo] (T07AutoDims.java:43 in run)",
            "eval Eq(s2, 1) == False [statically known]",
            "eval Eq(s4, 1) == False [statically known]",
            "set_replacement s4 = s2 (solve) VR[2, int_oo]",
            "runtime_assert Eq(s2, s4) [guard added] (DynamicModel.java:19 in forward)",
            "_update_var_to_range s1 = VR[5, 5] (update)",
            "set_replacement s1 = 5 (range_refined_to_singleton) VR[5, 5]",
            "runtime_assert Eq(s1, 5) [guard added] (DynamicModel.java:20 in forward)",
            "eval Eq(s0, 1) == False [statically known]",
            "eval Eq(s2*s3, 1) == False [statically known]",
            "eval Eq(s5, 1) == False [statically known]",
            "_update_var_to_range s5 = VR[4, int_oo] (update)",
            "set_replacement s5 = s2*s3 (solve) VR[4, int_oo]",
            "runtime_assert Eq(s2*s3, s5) [guard added] (DynamicModel.java:22 in forward)",
            "produce_guards");
    assertThat(run.text())
        .isEqualTo(
            """
            > ep
            ExportedProgram:
                class GraphModule(torch.nn.Module):
                    def forward(self, p_l_weight: "f32[3, 5]", p_l_bias: "f32[3]", w: "f32[s0, \
            5]", x: "f32[s2]", y: "f32[s3, s2]", z: "f32[s2*s3]"):
                        add: "f32[s3, s2]" = torch.ops.aten.add.Tensor(x, y)
                        linear: "f32[s0, 3]" = torch.ops.aten.linear.default(w, p_l_weight, \
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
            Range constraints: {s0: VR[2, int_oo], s2: VR[2, int_oo], s3: VR[2, int_oo], s2*s3: \
            VR[4, int_oo]}
            > ep.module().call(randn(7, 5), randn(3), randn(5, 3), randn(15))
            (f32[7, 3], f32[15])
            > ep.module().call(randn(7, 5), randn(3), randn(5, 3), randn(16))
            InputCheckException: Expected input at *args[3].shape[0] to be equal to s2*s3 = 15, but got 16
            """);
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("t07")).containsInstanceOf(T07AutoDims.class);
  }
}
