package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T11: an example size of 1 is specialized, so the program accepts only that size. */
class TutorialT11Test {
  @Test
  void sizeOneIsSpecialized() {
    CaseRun run = CaseRun.of(new T11ZeroOneSpecialization());
    assertThat(run.log()).containsExactly("produce_guards");
    assertThat(run.text())
        .isEqualTo(
            """
            > ep
            ExportedProgram:
                class GraphModule(torch.nn.Module):
                    def forward(self, p_weight: "f32[3, 4]", p_bias: "f32[3]", input: "f32[1, 4]"):
                        input_1 = input
                        linear: "f32[1, 3]" = torch.ops.aten.linear.default(input_1, p_weight, \
            p_bias)
                        return (linear,)
                       \s
            Graph signature:\s
                # inputs
                p_weight: PARAMETER target='weight'
                p_bias: PARAMETER target='bias'
                input: USER_INPUT
               \s
                # outputs
                linear: USER_OUTPUT
               \s
            Range constraints: {}
            > ep.module().call(randn(2, 4))
            InputCheckException: Expected input at *args[0].shape[0] to be equal to 1, but got 2. \
            If you meant for this dimension to be dynamic, please re-export and specify \
            dynamic_shapes (e.g. with Dim.DYNAMIC)
            """);
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("t11")).containsInstanceOf(T11ZeroOneSpecialization.class);
  }
}
