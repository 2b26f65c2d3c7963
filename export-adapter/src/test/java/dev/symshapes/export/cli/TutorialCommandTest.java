package dev.symshapes.export.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.serde.Pt2Archive;
import dev.symshapes.export.tutorial.TutorialCase;
import dev.symshapes.export.tutorial.TutorialCases;
import dev.symshapes.export.tutorial.TutorialRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code symshapes tutorial}: the header and text of each case, the log lines with {@code --logs},
 * the selection of cases, and the errors. What each case prints is tested by the {@code
 * TutorialT..Test} classes.
 */
class TutorialCommandTest {
  private static final String T06 =
      """
      ## T06 static program rejects other shapes
      > model.call(w, x, randn(3, 4), randn(12))
      (f32[6, 3], f32[12])
      > ep.module().call(w, x, randn(3, 4), randn(12))
      InputCheckException: Expected input at *args[2].shape[0] to be equal to 8, but got 3. If \
      you meant for this dimension to be dynamic, please re-export and specify dynamic_shapes \
      (e.g. with Dim.DYNAMIC)
      """;

  private static final String T25 =
      """
      ## T25 running the exported program
      > ep.module().call(inp)
      tensor([[ 0.8293,  0.8042, -0.9751],
              [ 0.1343, -0.5676,  0.2796]])
      > m.call(inp)
      tensor([[ 0.8293,  0.8042, -0.9751],
              [ 0.1343, -0.5676,  0.2796]])
      """;

  @Test
  void oneCaseIsItsHeaderAndItsText() {
    assertThat(CliRun.run("tutorial", "T06")).isEqualTo(new CliRun(0, T06, ""));
  }

  @Test
  void idsAreCaseInsensitiveAndRunInTheOrderGiven() {
    assertThat(CliRun.run("tutorial", "t25", "T06")).isEqualTo(new CliRun(0, T25 + "\n" + T06, ""));
  }

  @Test
  void logsComeBeforeTheTextAsTheyHappen() {
    CliRun run = CliRun.run("tutorial", "--logs", "T06");
    assertThat(run)
        .isEqualTo(new CliRun(0, T06.replace("shapes\n>", "shapes\nproduce_guards\n>"), ""));
    String t07 = CliRun.run("tutorial", "--logs", "T07").out();
    assertThat(t07)
        .startsWith(
            "## T07 Dim.AUTO everywhere: symbols, guards, replacements\n"
                + "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo] (T07AutoDims.java:")
        .contains(
            "set_replacement s4 = s2 (solve) VR[2, int_oo]\n"
                + "runtime_assert Eq(s2, s4) [guard added] (DynamicModel.java:")
        .contains("produce_guards\n> ep\nExportedProgram:\n");
  }

  @Test
  void withoutCasesEveryCaseRunsInIdOrder() {
    CliRun run = CliRun.run("tutorial");
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> headers = new ArrayList<>();
    for (String line : run.out().split("\n", -1)) {
      if (line.startsWith("## ")) {
        headers.add(line);
      }
    }
    List<String> expected = new ArrayList<>();
    for (TutorialCase c : TutorialCases.all()) {
      expected.add("## " + c.id() + " " + c.title());
    }
    assertThat(headers).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(7);
    assertThat(run.out()).endsWith(T25.substring(T25.indexOf('\n') + 1));
  }

  @Test
  void listShowsIdsAndTitles() {
    StringBuilder expected = new StringBuilder();
    for (TutorialCase c : TutorialCases.all()) {
      expected.append(c.id()).append("  ").append(c.title()).append('\n');
    }
    assertThat(CliRun.run("tutorial", "--list")).isEqualTo(new CliRun(0, expected.toString(), ""));
    assertThat(expected.toString())
        .startsWith(
            "T01  basic export, static shapes\nT02  data-dependent control flow is rejected\n");
  }

  @Test
  void anUnknownCaseIsAUsageErrorThatNamesIt() {
    List<String> ids = new ArrayList<>();
    for (TutorialCase c : TutorialCases.all()) {
      ids.add(c.id());
    }
    String usage =
        "error: unknown tutorial case '%s'; the cases are "
            + String.join(", ", ids)
            + "\nTry 'symshapes tutorial --help' for more information.\n";
    // nothing runs, not even the valid cases before it
    assertThat(CliRun.run("tutorial", "T06", "T99"))
        .isEqualTo(new CliRun(2, "", usage.formatted("T99")));
    assertThat(CliRun.run("tutorial", "--verbose"))
        .isEqualTo(new CliRun(2, "", usage.formatted("--verbose")));
    assertThat(CliRun.run("tutorial", "")).isEqualTo(new CliRun(2, "", usage.formatted("")));
  }

  @Test
  void saveWritesEachProgramOfEachCaseAndSaysSo(@TempDir Path tmp) {
    Path dir = tmp.resolve("programs");
    CliRun run = CliRun.run("tutorial", "--save", dir.toString(), "t12", "T02", "T06");
    String t12 = CliRun.run("tutorial", "T12").out();
    String t02 = CliRun.run("tutorial", "T02").out();
    assertThat(run)
        .isEqualTo(
            new CliRun(
                0,
                t12
                    + "saved "
                    + dir.resolve("T12-1.pt2")
                    + "\nsaved "
                    + dir.resolve("T12-2.pt2")
                    + "\n\n"
                    // T02 is about an error: it exports nothing
                    + t02
                    + "\n"
                    + T06
                    + "saved "
                    + dir.resolve("T06-1.pt2")
                    + "\n",
                ""));
    // The files hold the programs the cases print, in the order they export them.
    assertThat(t12)
        .contains(Pt2Archive.load(dir.resolve("T12-1.pt2")).toString())
        .contains(Pt2Archive.load(dir.resolve("T12-2.pt2")).toString());
    TutorialRun t06 = TutorialRun.of("T06");
    TutorialCases.byId("T06").orElseThrow().run(t06);
    assertThat(Pt2Archive.load(dir.resolve("T06-1.pt2")).toString())
        .isEqualTo(t06.programs().get(0).program().toString());
    assertThat(dir.toFile().list())
        .containsExactlyInAnyOrder("T12-1.pt2", "T12-2.pt2", "T06-1.pt2");
    CliRun inspect = CliRun.run("inspect", dir.resolve("T12-2.pt2").toString());
    assertThat(inspect.status()).isZero();
    assertThat(inspect.out()).startsWith(Pt2Archive.load(dir.resolve("T12-2.pt2")).toString());
  }

  @Test
  void aSavedProgramWithACustomOpNeedsItsOpToLoad(@TempDir Path dir) {
    assertThat(CliRun.run("tutorial", "--save", dir.toString(), "T22").out())
        .endsWith("saved " + dir.resolve("T22-1.pt2") + "\n");
    assertThat(CliRun.run("inspect", dir.resolve("T22-1.pt2").toString()))
        .isEqualTo(
            new CliRun(
                1,
                "",
                "error: "
                    + dir.resolve("T22-1.pt2")
                    + ": graph_module.graph.nodes[1].target: unknown operator"
                    + " 'torch.ops.my_custom_library.custom_op.default'"
                    + " (my_custom_library::custom_op is not in the op registry)\n"));
  }

  @Test
  void saveToADirectoryThatCannotBeWrittenRunsNothing(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "not a directory");
    assertThat(CliRun.run("tutorial", "--save", file.toString(), "T06"))
        .isEqualTo(
            new CliRun(
                1, "", "error: cannot save to '" + file + "': it is a file, not a directory\n"));
    Path under = file.resolve("programs");
    CliRun nested = CliRun.run("tutorial", "--save", under.toString(), "T06");
    assertThat(nested.status()).isEqualTo(1);
    assertThat(nested.out()).isEmpty();
    assertThat(nested.err())
        .isEqualTo(
            "error: cannot save to '"
                + under
                + "': cannot create the directory (FileSystemException: "
                + under
                + ": Not a directory)\n");
  }

  /** A case that fails the way a bug would. */
  private static final class Broken implements TutorialCase {
    @Override
    public String id() {
      return "T98";
    }

    @Override
    public String title() {
      return "broken";
    }

    @Override
    public String run(TutorialRun run) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aCaseThatFailsIsReportedAndTheOthersStillRun() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        new CommandLine(
            new TutorialCommand(List.of(new Broken(), TutorialCases.byId("T06").orElseThrow())));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int status = cl.execute();
    assertThat(status).isEqualTo(1);
    assertThat(out.toString().replace(System.lineSeparator(), "\n"))
        .isEqualTo("## T98 broken\n\n" + T06);
    assertThat(err.toString().replace(System.lineSeparator(), "\n"))
        .isEqualTo("error: T98 failed: java.lang.IllegalStateException: boom\n");
  }

  @Test
  void helpShowsUsageAndExamplesThatAreTrue() {
    CliRun help = CliRun.run("tutorial", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out())
        .startsWith("Usage: symshapes tutorial [-h] [--list] [--logs] [--save=DIR] [CASE...]\n")
        .contains("\nExamples:\n  $ symshapes tutorial T06\n");
    List<ShellExamples.Example> examples =
        ShellExamples.parse(List.of(help.out().split("\n", -1)), "  ");
    assertThat(examples).hasSize(1);
    examples.forEach(ShellExamples::check);
    assertThat(CliRun.run("help", "tutorial")).isEqualTo(help);
  }
}
