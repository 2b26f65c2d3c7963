package dev.symshapes.export.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code symshapes decide}: answers and errors, word for word. */
class DecideCommandTest {
  private static String decide(String line) {
    CliRun run = CliRun.withInput(line + "\n", "decide");
    return run.out().strip();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"symbols\": {\"s0\": [2, null]}, \"hints\": {\"s0\": 6}, \"facts\": [\"Eq(s1, s0 +"
            + " 2)\"], \"query\": \"s1 >= 4\"}"
            + " | {\"answer\": \"TRUE\", \"decidedBy\": \"range\", \"simplified\": \"s0 + 2 >= 4\"}",
        "{\"symbols\": {\"s0\": [2, 2]}, \"query\": \"s0 >= 2\"}"
            + " | {\"answer\": \"TRUE\", \"decidedBy\": \"constant\", \"simplified\": \"True\"}",
        "{\"facts\": [\"u0 < u1\", \"u1 < u2\"], \"query\": \"u0 + 1 < u2\"}"
            + " | {\"answer\": \"TRUE\", \"decidedBy\": \"smt\", \"simplified\": \"u0 + 1 < u2\"}",
        "{\"facts\": [\"u0 < u1\", \"u1 < u2\"], \"query\": \"u0 < u2\"}"
            + " | {\"answer\": \"TRUE\", \"decidedBy\": \"smt\", \"simplified\": \"u0 < u2\"}",
        "{\"facts\": [\"u0 < u1\"], \"query\": \"u1 <= u0\"}"
            + " | {\"answer\": \"FALSE\", \"decidedBy\": \"axiom\", \"simplified\": \"u1 <= u0\"}",
        "{\"facts\": [\"u0 < u1\"], \"query\": \"u0 + 1 < u1\"}"
            + " | {\"answer\": \"UNKNOWN\", \"decidedBy\": \"none\", \"simplified\": \"u0 + 1 < u1\"}",
        "{\"symbols\": {\"s0\": [2, 8]}, \"facts\": [\"Eq(s1, 2*s0)\"], \"query\": \"s1 + 1\"}"
            + " | {\"simplified\": \"2*s0 + 1\", \"range\": \"VR[5, 17]\"}",
        "{\"symbols\": {\"x\": [0, 3]}, \"query\": \"Eq(x // 4, 0)\"}"
            + " | {\"answer\": \"TRUE\", \"decidedBy\": \"range\", \"simplified\": \"Eq((x//4), 0)\"}",
      })
  void answers(String line, String answer) {
    assertThat(decide(line)).isEqualTo(answer);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"query\": \"s0 + * 2\"}"
            + " | {\"line\": 1, \"column\": 18, \"error\": \"query: syntax error at column 7 in 's0"
            + " + * 2': expected an expression\"}",
        "{\"facts\": [\"s0 > 1\", \"s0 >\"], \"query\": \"s0 > 1\"}"
            + " | {\"line\": 1, \"column\": 27, \"error\": \"facts[1]: syntax error at column 5 in"
            + " 's0 >': expected an expression\"}",
        "{\"query\": \"s0 > \\\"1\"}"
            + " | {\"line\": 1, \"column\": 19, \"error\": \"query: syntax error at column 7 in 's0 >"
            + " \\\"1': unexpected character '\\\"'\"}",
        "{\"symbols\": {\"s0\": [2]}, \"query\": \"s0 > 1\"}"
            + " | {\"line\": 1, \"column\": 22, \"error\": \"expected an integer or null bound of s0,"
            + " got ']'\"}",
        "{\"symbols\": {\"s0\": [5, 2]}, \"query\": \"s0 > 1\"}"
            + " | {\"line\": 1, \"column\": 25, \"error\": \"empty range [5, 2] for s0\"}",
        "{\"sym\": {}, \"query\": \"s0 > 1\"}"
            + " | {\"line\": 1, \"column\": 2, \"error\": \"unknown key \\\"sym\\\"; the keys are"
            + " symbols, hints, facts and query\"}",
        "{\"facts\": []} | {\"line\": 1, \"error\": \"no \\\"query\\\"\"}",
        "[1, 2] | {\"line\": 1, \"column\": 1, \"error\": \"expected a JSON object, got an array\"}",
        "{\"query\": \"s0 > 1\"} x"
            + " | {\"line\": 1, \"column\": 22, \"error\": \"not JSON: Unrecognized token 'x': was"
            + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\"}",
        "{\"query\": \"s0 > 1\""
            + " | {\"line\": 1, \"column\": 19, \"error\": \"not JSON: Unexpected end-of-input:"
            + " expected close marker for Object\"}",
        "{\"hints\": {\"u0\": 3}, \"query\": \"u0 > 1\"}"
            + " | {\"line\": 1, \"error\": \"u0 is unbacked, so it has no hint\"}",
        "{\"symbols\": {\"s0\": [2, 8]}, \"facts\": [\"s0 > 9\"], \"query\": \"s0 > 1\"}"
            + " | {\"line\": 1, \"error\": \"the guard s0 > 9 contradicts the facts before it\"}",
        "{\"facts\": [\"s0 + 1\"], \"query\": \"s0 > 1\"}"
            + " | {\"line\": 1, \"column\": 12, \"error\": \"facts[0]: a fact must be a relation, not"
            + " s0 + 1\"}",
      })
  void errorsNameTheLineAndColumn(String line, String error) {
    CliRun run = CliRun.withInput(line + "\n", "decide");
    assertThat(run.out().strip()).isEqualTo(error);
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: 1 of 1 input failed; the first at line 1\n");
  }

  @Test
  void theRunGoesOnAfterABadLineAndEchoesBlankAndCommentLines() {
    CliRun run =
        CliRun.withInput(
            String.join(
                "\n",
                "# queries",
                "{\"query\": \"s0 >\"}",
                "",
                "{\"symbols\": {\"s0\": [2, null]}, \"query\": \"s0 > 1\"}",
                ""),
            "decide",
            "-");
    assertThat(run.out().split("\n", -1))
        .containsExactly(
            "# queries",
            "{\"line\": 2, \"column\": 16, \"error\": \"query: syntax error at column 5 in 's0 >':"
                + " expected an expression\"}",
            "",
            "{\"answer\": \"TRUE\", \"decidedBy\": \"range\", \"simplified\": \"s0 > 1\"}",
            "");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: 1 of 2 inputs failed; the first at line 2\n");
  }

  @Test
  void aMissingFileIsAnError() {
    CliRun run = CliRun.run("decide", "no/such/file.jsonl");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: cannot read no/such/file.jsonl: ");
  }

  @Test
  void helpExamplesPrintWhatTheySay() {
    for (String command : List.of("decide", "simplify")) {
      CliRun run = CliRun.run(command, "--help");
      assertThat(run.status()).isZero();
      assertThat(run.err()).isEmpty();
      List<ShellExamples.Example> examples =
          ShellExamples.parse(List.of(run.out().split("\n", -1)), "  ");
      assertThat(examples).isNotEmpty();
      examples.forEach(ShellExamples::check);
    }
  }
}
