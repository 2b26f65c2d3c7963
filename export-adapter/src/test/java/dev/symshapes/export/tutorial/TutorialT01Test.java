package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * T01: basic export with static shapes, traced end to end: the printed program, and running it on
 * new inputs gives what the model gives.
 */
class TutorialT01Test {
  @Test
  void printsTheProgramAndRunsIt() {
    CaseRun run = CaseRun.of(new T01BasicExport());
    assertThat(run.log()).containsExactly("produce_guards");
    assertThat(run.text())
        .isEqualTo(
            """
            > ep
            ExportedProgram:
                class GraphModule(torch.nn.Module):
                    def forward(self, p_lin_weight: "f32[10, 100]", p_lin_bias: "f32[10]", x: \
            "f32[8, 100]", y: "f32[8, 100]"):
                        add: "f32[8, 100]" = torch.ops.aten.add.Tensor(x, y)
                        linear: "f32[8, 10]" = torch.ops.aten.linear.default(add, p_lin_weight, \
            p_lin_bias)
                        relu_: "f32[8, 10]" = torch.ops.aten.relu_.default(linear)
                        return (relu_,)
                       \s
            Graph signature:\s
                # inputs
                p_lin_weight: PARAMETER target='lin.weight'
                p_lin_bias: PARAMETER target='lin.bias'
                x: USER_INPUT
                y: USER_INPUT
               \s
                # outputs
                relu_: USER_OUTPUT
               \s
            Range constraints: {}
            > ep.module().call(x, y)
            tensor([[1.4429, 0.0000, 0.5086, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0175,
                     0.0000],
                    [1.7701, 0.0000, 0.0000, 0.0000, 0.0000, 0.8934, 0.0000, 0.0000, 0.0000,
                     0.0000],
                    [0.0000, 0.4413, 0.0000, 0.4579, 0.0000, 0.0000, 0.4389, 0.0000, 0.7788,
                     0.0000],
                    [0.0000, 0.0000, 0.0000, 1.0119, 0.4558, 0.0000, 0.0000, 1.8913, 0.0000,
                     0.7231],
                    [0.0000, 0.1476, 0.1394, 0.0000, 1.4659, 0.1246, 0.0000, 0.0000, 0.0000,
                     0.0000],
                    [0.0000, 0.0000, 0.0000, 0.5146, 0.0000, 0.0000, 0.8423, 0.0000, 0.7252,
                     1.4882],
                    [0.5724, 0.0000, 0.0000, 0.0000, 0.5831, 0.0000, 0.0000, 0.1183, 0.0000,
                     0.4742],
                    [0.3777, 0.0000, 0.0000, 0.0000, 0.1035, 0.1896, 0.0000, 0.0975, 0.0000,
                     0.0000]])
            > ep.module().call(x, y).allClose(mod.call(x, y))
            True
            """);
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("t01")).containsInstanceOf(T01BasicExport.class);
  }
}
