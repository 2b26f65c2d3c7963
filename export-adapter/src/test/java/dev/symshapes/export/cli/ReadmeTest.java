package dev.symshapes.export.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are true: every {@code console} block runs as shown, and the Java examples
 * are the code of {@link ReadmeExampleTest} and {@link SpiReadmeExampleTest}. Tests run in the
 * module directory, so the README is one level up.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  /** The tests whose code the README's Java blocks show, in the README's order. */
  private static final List<Path> EXAMPLE_TESTS =
      List.of(
          Path.of("src/test/java/dev/symshapes/export/cli/ReadmeExampleTest.java"),
          Path.of("src/test/java/dev/symshapes/export/cli/SpiReadmeExampleTest.java"));

  /** The lines of each fenced block that opens with {@code ```kind}. */
  private static List<List<String>> blocks(String kind) throws IOException {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : Files.readAllLines(README, UTF_8)) {
      if (current == null && line.equals("```" + kind)) {
        current = new ArrayList<>();
      } else if (current != null && line.equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  @Test
  void consoleExamplesPrintWhatTheReadmeShows() throws IOException {
    List<ShellExamples.Example> examples = new ArrayList<>();
    for (List<String> block : blocks("console")) {
      examples.addAll(ShellExamples.parse(block, ""));
    }
    assertThat(examples)
        .extracting(ShellExamples.Example::command)
        .contains(
            "./symshapes expr print \"s3*s2 + 2*s2*s3\"",
            "./symshapes expr eval \"s0//3 + s0%3\" s0=-7",
            "./symshapes expr range \"s0*s1 - 1\" 's0=[2,int_oo]' 's1=[2,8]'",
            "./symshapes expr solve \"Eq(s5, s2*s3)\" s5",
            "./symshapes tutorial T06");
    examples.forEach(ShellExamples::check);
  }

  @Test
  void theJavaExamplesAreTheTestedCode() throws IOException {
    List<List<String>> java = blocks("java");
    assertThat(java).hasSameSizeAs(EXAMPLE_TESTS);
    for (int i = 0; i < java.size(); i++) {
      List<String> source = Files.readAllLines(EXAMPLE_TESTS.get(i), UTF_8);
      int begin = source.indexOf("    // README begin");
      int end = source.indexOf("    // README end");
      assertThat(begin).as("%s", EXAMPLE_TESTS.get(i)).isPositive();
      List<String> tested = new ArrayList<>();
      for (String line : source.subList(begin + 1, end)) {
        tested.add(line.length() >= 4 ? line.substring(4) : line);
      }
      List<String> block = java.get(i);
      // The block is the example's imports, a blank line, then the example itself.
      int blank = block.indexOf("");
      assertThat(block.subList(blank + 1, block.size()))
          .as("%s", EXAMPLE_TESTS.get(i))
          .isEqualTo(tested);
      assertThat(source).containsAll(block.subList(0, blank));
    }
  }
}
