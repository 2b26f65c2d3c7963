package dev.symshapes.export.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code symshapes simplify}: output and errors, word for word. */
class SimplifyCommandTest {
  @Test
  void simplifiesAndReportsSizes() {
    CliRun run =
        CliRun.withInput(
            "range s0 [2, 512]\nhint s0 6\nEq(s1, s0 + 2)\ns1 >= 3\ns0 < s2\ns2 < s3\ns0 < s3\n",
            "simplify");
    assertThat(run.out())
        .isEqualTo(
            "# before: 5 guards, 1 range; after: 3 guards, 1 range (1 equality substituted, 0"
                + " guards merged into ranges, 2 implied guards dropped)\n"
                + "range s0 [2, 512]\n"
                + "hint s0 6\n"
                + "Eq(s1, s0 + 2)\n"
                + "s0 < s2\n"
                + "s2 < s3\n");
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badLinesAreReportedAsCommentsAndSkipped() {
    CliRun run = CliRun.withInput("range s0 [2, x]\ns0 > 1\ns0 + * 1\ns1 >= s0\n", "simplify", "-");
    assertThat(run.out())
        .isEqualTo(
            "# error: line 1, column 14: expected an integer, int_oo or -int_oo, got 'x'\n"
                + "# error: line 3, column 7: syntax error at column 7 in 's0 + * 1': expected an"
                + " expression\n"
                + "# before: 2 guards, 0 ranges; after: 1 guard, 1 range (0 equalities"
                + " substituted, 1 guard merged into ranges, 0 implied guards dropped)\n"
                + "range s0 [2, int_oo]\n"
                + "s1 >= s0\n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: 2 lines could not be read; the first is line 1\n");
  }

  @Test
  void contradictionsAreAnError() {
    CliRun run = CliRun.withInput("range s0 [2, 8]\ns0 >= 10\n", "simplify");
    assertThat(run.out()).isEmpty();
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: line 2: the guards contradict each other: s0 >= 10 leaves no value of s0 in"
                + " [2, 8]\n");
  }
}
