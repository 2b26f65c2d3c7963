package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.trace.Tensor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * T03: a value computed on the host ({@code System.identityHashCode}, the tutorial's {@code id(x)})
 * is a constant of the graph. The constant differs from run to run, so the test reads it from the
 * printed graph and checks the rest of the text, and the module's result, against it.
 */
class TutorialT03Test {
  private static final Pattern CONSTANT =
      Pattern.compile("torch\\.ops\\.aten\\.add\\.Tensor\\(add, (-?\\d+)\\)");

  @Test
  void theHostValueIsAConstantOfTheGraph() {
    CaseRun run = CaseRun.of(new T03HostValues());
    assertThat(run.log()).containsExactly("produce_guards");
    Matcher m = CONSTANT.matcher(run.text());
    assertThat(m.find()).as(run.text()).isTrue();
    long h = Long.parseLong(m.group(1));
    // (ones + 1) + h, computed eagerly
    Tensor expected = Samples.ones(3, 3).add(1).add(h);
    assertThat(run.text())
        .isEqualTo(
            """
            > ep
            ExportedProgram:
                class GraphModule(torch.nn.Module):
                    def forward(self, x: "f32[3, 3]"):
                        add: "f32[3, 3]" = torch.ops.aten.add.Tensor(x, 1)
                        add_1: "f32[3, 3]" = torch.ops.aten.add.Tensor(add, %d)
                        return (add_1,)
                       \s
            Graph signature:\s
                # inputs
                x: USER_INPUT
               \s
                # outputs
                add_1: USER_OUTPUT
               \s
            Range constraints: {}
            > ep.module().call(ones(3, 3))
            %s
            """
                .formatted(h, expected));
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("T03")).containsInstanceOf(T03HostValues.class);
  }
}
