package dev.symshapes.export.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.serde.Pt2Archive;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symshapes inspect} and {@code symshapes check}, run in-process on saved programs. */
class ProgramCommandsTest {
  @TempDir Path dir;
  Path model;
  Path fixture;

  /** T01's {@code MyModule}. */
  public static final class MyModule extends Module {
    final Linear lin = registerModule("lin", new Linear(100, 10));

    public Tensor forward(Tensor x, Tensor y) {
      return lin.forward(x.add(y)).relu_();
    }
  }

  static Tensor randn(long... shape) {
    return Tensor.of(CreationKernels.randn(shape, DType.FLOAT32, new Generator(7)));
  }

  @BeforeEach
  void files() throws IOException {
    model = dir.resolve("model.pt2");
    Pt2Archive.save(
        Export.export(new MyModule(), new Object[] {randn(8, 100), randn(8, 100)}), model);
    fixture = dir.resolve("dynamic.json");
    try (InputStream in =
        getClass().getResourceAsStream("/dev/symshapes/export/serde/pytorch_dynamic_cond.json")) {
      Files.write(fixture, in.readAllBytes());
    }
  }

  @Test
  void inspectPrintsTheProgramAndTheReport() {
    CliRun run = CliRun.run("inspect", model.toString());
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, p_lin_weight: \"f32[10, 100]\", p_lin_bias: \"f32[10]\","
                + " x: \"f32[8, 100]\", y: \"f32[8, 100]\"):\n"
                + "            add: \"f32[8, 100]\" = torch.ops.aten.add.Tensor(x, y)\n"
                + "            linear: \"f32[8, 10]\" = torch.ops.aten.linear.default(add,"
                + " p_lin_weight, p_lin_bias)\n"
                + "            relu_: \"f32[8, 10]\" = torch.ops.aten.relu_.default(linear)\n"
                + "            return (relu_,)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    p_lin_weight: PARAMETER target='lin.weight'\n"
                + "    p_lin_bias: PARAMETER target='lin.bias'\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    relu_: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {}\n"
                + "\n"
                + "Runtime asserts:\n"
                + "    (none)\n"
                + "Guards:\n"
                + "    (none)\n"
                + "Ranges:\n"
                + "    (none)\n");
  }

  @Test
  void inspectReadsTheJsonOfAPyTorchProgram() {
    CliRun run = CliRun.run("inspect", fixture.toString());
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("ExportedProgram:\n")
        .endsWith(
            "Range constraints: {s0: VR[2, 32], 2*s0: VR[4, 64], u0: VR[0, 16]}\n"
                + "\n"
                + "Runtime asserts:\n"
                + "    _assert_scalar_default: u0 >= 0: redundant (proved by range from what is"
                + " checked before it)\n"
                + "    _assert_scalar_default_1: u0 <= 16: needed\n"
                + "Guards:\n"
                + "    (none)\n"
                + "Ranges:\n"
                + "    s0: VR[2, 32]: tight\n"
                + "    2*s0: VR[4, 64]: tight\n"
                + "    u0: VR[0, 16]: enforced by the runtime asserts\n");
  }

  @Test
  void checkSaysWhetherShapesPass() {
    assertThat(CliRun.run("check", model.toString(), "--shapes", "x=[8,100] y=[8, 100]"))
        .isEqualTo(new CliRun(0, "ok: x=[8, 100] y=[8, 100]\n", ""));
    assertThat(CliRun.run("check", model.toString(), "--shapes", "x=[8,100] y=[3,100]"))
        .isEqualTo(
            new CliRun(
                1,
                "fails: Expected input at *args[1].shape[0] to be equal to 8, but got 3. If you"
                    + " meant for this dimension to be dynamic, please re-export and specify"
                    + " dynamic_shapes (e.g. with Dim.DYNAMIC)\n",
                ""));
    assertThat(CliRun.run("check", fixture.toString(), "--shapes", "x=[6,4] y=[12,4] n=[]"))
        .isEqualTo(new CliRun(0, "ok: x=[6, 4] y=[12, 4] n=[]\n", ""));
    assertThat(CliRun.run("check", fixture.toString(), "--shapes", "x=[6,4] y=[10,4] n=[]").out())
        .isEqualTo(
            "fails: Expected input at *args[1].shape[0] to be equal to 2*s0 = 12, but got 10\n");
    assertThat(CliRun.run("check", fixture.toString(), "--shapes", "x=[33,4] y=[66,4] n=[]").out())
        .isEqualTo("fails: Expected input at *args[0].shape[0] to be <= 32, but got 33\n");
    assertThat(CliRun.run("check", fixture.toString(), "--shapes", "x=[6,4,1] y=[12,4] n=[]").out())
        .isEqualTo(
            "fails: Unexpected number of dimensions in input at *args[0].shape (expected"
                + " torch.Size([s0, 4]), got torch.Size([6, 4, 1]))\n");
  }

  @Test
  void badCommandLines() {
    assertThat(CliRun.run("check", model.toString(), "--shapes", "x=[8,100] z=[3,100]"))
        .isEqualTo(
            new CliRun(
                2,
                "",
                "error: --shapes: the program has no input 'z' (its inputs: x, y)\n"
                    + "Try 'symshapes check --help' for more information.\n"));
    assertThat(CliRun.run("check", model.toString(), "--shapes", "x=[8,100]").err())
        .startsWith("error: --shapes: no value for input 'y'\n");
    assertThat(CliRun.run("check", model.toString(), "--shapes", "x=[8,-1] y=[1]").err())
        .startsWith("error: --shapes: the shape of 'x' has a negative size -1\n");
    assertThat(CliRun.run("check", model.toString(), "--shapes", "x=[8,a] y=[1]").err())
        .startsWith("error: --shapes: the shape of 'x' has 'a', which is not a size\n");
    assertThat(CliRun.run("check", model.toString(), "--shapes", "=3").err())
        .startsWith("error: --shapes: expected name=value at column 1 of '=3'\n");
    assertThat(CliRun.run("check", model.toString()).status()).isEqualTo(2);
  }

  @Test
  void unreadableFiles() throws IOException {
    Path missing = dir.resolve("missing.pt2");
    assertThat(CliRun.run("inspect", missing.toString()))
        .isEqualTo(new CliRun(1, "", "error: " + missing + ": no such file\n"));
    Path text = dir.resolve("text.json");
    Files.writeString(text, "{\"graph_module\": 1}");
    assertThat(CliRun.run("inspect", text.toString()))
        .isEqualTo(new CliRun(1, "", "error: " + text + ": $: missing field 'schema_version'\n"));
  }

  @Test
  void theReadmeShowsWhatInspectPrints() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String out = CliRun.run("inspect", fixture.toString()).out();
    String report = out.substring(out.indexOf("Runtime asserts:\n"));
    assertThat(readme).contains("```text\n" + report + "```\n");
    assertThat(readme)
        .contains(
            "```text\n"
                + CliRun.run("check", fixture.toString(), "--shapes", "x=[6,4] y=[10,4] n=[]").out()
                + "```\n");
  }

  @Test
  void helpExamplesAreTrue() {
    String help = CliRun.run("check", "--help").out();
    List<ShellExamples.Example> examples =
        ShellExamples.parse(
            List.of(help.replace("model.pt2", model.toString()).split("\n", -1)), "  ");
    assertThat(examples).hasSize(2);
    examples.forEach(ShellExamples::check);
    assertThat(CliRun.run("inspect", "--help").out())
        .startsWith("Usage: symshapes inspect [-h] FILE\n")
        .contains("\nExamples:\n  $ symshapes inspect model.pt2\n  ExportedProgram:\n");
    assertThat(CliRun.run("inspect", model.toString()).out()).startsWith("ExportedProgram:\n");
  }
}
