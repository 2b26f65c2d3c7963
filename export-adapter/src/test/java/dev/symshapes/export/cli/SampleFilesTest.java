package dev.symshapes.export.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample files shipped in {@code examples/} give the output the README documents: the README
 * shows each run as a {@code text} block that starts with {@code $ ./symshapes COMMAND
 * examples/FILE}, followed by its standard output. Tests run in the module directory, so the
 * repository root is one level up.
 */
class SampleFilesTest {
  private static final Path ROOT = Path.of("..");

  /** The output lines the README shows after {@code $ ./symshapes command file}. */
  private static List<String> documented(String command, String file) throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), UTF_8);
    String start = "$ ./symshapes " + command + " " + file;
    int i = lines.indexOf(start);
    assertThat(i).as("README shows '%s'", start).isPositive();
    assertThat(lines.get(i - 1)).isEqualTo("```text");
    List<String> out = new ArrayList<>();
    for (i++; !lines.get(i).equals("```"); i++) {
      out.add(lines.get(i));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"decide examples/queries.jsonl", "simplify examples/guards.txt"})
  void theReadmeShowsWhatTheSampleFilesGive(String commandAndFile) throws IOException {
    String[] words = commandAndFile.split(" ");
    CliRun run = CliRun.run(words[0], ROOT.resolve(words[1]).toString());
    assertThat(List.of(run.out().split("\n", -1)))
        .isEqualTo(withFinalBreak(documented(words[0], words[1])));
  }

  private static List<String> withFinalBreak(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.add("");
    return out;
  }
}
