package dev.symshapes.solver.guardset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.range.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard-set text format: what is read, what is printed, and every error, word for word. */
class GuardSetParserTest {
  private final ExprFactory f = ExprFactory.create();
  private final GuardSetParser parser = GuardSetParser.of(f);

  @Test
  void readsRangesHintsGuardsAndComments() {
    GuardSet g =
        parser.parseStrict(
            String.join(
                "\n",
                "# the guards of a trace",
                "range s0 [2, 512]",
                "range s0 [4, int_oo]   # narrowed: ranges intersect",
                "range u0 [-int_oo, -1]",
                "hint s0 6",
                "",
                "Eq(s1, s0 + 2)",
                "  s2 != s3  # Python syntax too",
                "s0 // 2 >= 2"));
    assertThat(g.ranges()).containsEntry(f.symbol("s0"), IntRange.of(4, 512));
    assertThat(g.range(f.symbol("u0")).toString()).isEqualTo("VR[-int_oo, -1]");
    assertThat(g.range(f.symbol("s1"))).isEqualTo(IntRange.all());
    assertThat(g.hints()).containsEntry(f.symbol("s0"), IntValue.of(6));
    assertThat(g.guards()).extracting(GuardSet.Guard::line).containsExactly(7, 8, 9);
    assertThat(g.symbols())
        .extracting(Object::toString)
        .containsExactly("s0", "u0", "s1", "s2", "s3");
    assertThat(g.toText())
        .isEqualTo(
            "range s0 [4, 512]\n"
                + "range u0 [-int_oo, -1]\n"
                + "hint s0 6\n"
                + "Eq(s1, s0 + 2)\n"
                + "Ne(s2, s3)\n"
                + "((s0//2)) >= 2\n");
    assertThat(parser.parseStrict(g.toText()).toText()).isEqualTo(g.toText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "s0 + * 2 | line 1, column 7: syntax error at column 7 in 's0 + * 2': expected an"
            + " expression",
        "s0 + 1 | line 1, column 1: expected a guard (a boolean expression), got the integer"
            + " s0 + 1",
        "range s0 [2, abc] | line 1, column 14: expected an integer, int_oo or -int_oo, got"
            + " 'abc'",
        "range s0 [5, 2] | line 1, column 11: empty range [5, 2] for s0: the lower bound must not"
            + " exceed the upper one",
        "range 2x [0, 1] | line 1, column 7: expected a symbol name, got '2x'",
        "range s0 2, 5 | line 1, column 1: expected 'range NAME [LO, HI]', got 'range s0 2, 5'",
        "hint s0 six | line 1, column 9: expected an integer hint, got 'six'",
        "hint u0 3 | line 1, column 1: u0 is unbacked, so it has no hint",
        "hint s0 | line 1, column 1: expected 'hint NAME VALUE', got 'hint s0'",
      })
  void badLinesAreReportedWithLineAndColumn(String line, String message) {
    GuardSetParser.Result r = parser.parse(line);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0)).hasMessage(message);
    assertThat(r.guardSet().guards()).isEmpty();
  }

  @Test
  void aBadLineIsSkippedAndTheOthersAreRead() {
    GuardSetParser.Result r = parser.parse("s0 > 2\nrange s0 [3, 1]\nEq(s0,\ns1 < s0\n");
    assertThat(r.errors())
        .extracting(GuardSetSyntaxException::line, GuardSetSyntaxException::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 11), org.assertj.core.groups.Tuple.tuple(3, 7));
    assertThat(r.guardSet().guards()).extracting(GuardSet.Guard::line).containsExactly(1, 4);
    assertThatThrownBy(() -> parser.parseStrict("s0 > 2\nrange s0 [3, 1]\n"))
        .isInstanceOf(GuardSetSyntaxException.class)
        .hasMessageStartingWith("line 2, column 11: empty range");
  }

  @Test
  void columnsCountFromTheStartOfTheLine() {
    GuardSetParser.Result r = parser.parse("    s0 >= * 1   # indented");
    assertThat(r.errors().get(0))
        .hasMessage(
            "line 1, column 12: syntax error at column 8 in 's0 >= * 1': expected an expression");
    r = parser.parse("  s0 + 1");
    assertThat(r.errors().get(0))
        .hasMessage(
            "line 1, column 3: expected a guard (a boolean expression), got the integer s0 + 1");
  }

  @Test
  void rangesThatDoNotMeetAreAnError() {
    GuardSetParser.Result r = parser.parse("range s0 [2, 4]\nrange s0 [6, 8]\n");
    assertThat(r.errors().get(0))
        .hasMessage("line 2, column 1: range [6, 8] of s0 does not meet its earlier range [2, 4]");
  }
}
