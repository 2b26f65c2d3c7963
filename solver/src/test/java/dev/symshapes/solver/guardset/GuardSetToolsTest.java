package dev.symshapes.solver.guardset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deciding, simplifying and explaining guard sets, checked word for word. */
class GuardSetToolsTest {
  private final ExprFactory f = ExprFactory.create();
  private final GuardSetParser parser = GuardSetParser.of(f);
  private final ExprParser exprs = ExprParser.of(f);

  private GuardSet set(String... lines) {
    return parser.parseStrict(String.join("\n", lines));
  }

  @ParameterizedTest(name = "{1} |- {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "range s0 [2, int_oo] | Eq(s1, s0 + 2) | s1 >= 4 | TRUE | range | s0 + 2 >= 4",
        "range s0 [2, int_oo] | Eq(s1, s0 + 2) | Eq(s1, 3) | FALSE | range | Eq(s0 + 2, 3)",
        "range s0 [2, 512] | s0 < s2; s2 < s3 | s0 + 1 < s3 | TRUE | smt | s0 + 1 < s3",
        "range s0 [2, 512] | s0 < s2 | s0 + 1 < s2 | UNKNOWN | none | s0 + 1 < s2",
        "range u0 [-int_oo, -2] | Ne(Mod(u1, u0), 0) | Mod(u1, u0) > u0 | TRUE | smt | (Mod(u1, u0)) > u0",
        "range u5 [0, 10] | u5 >= 3 | u5 > 2 | TRUE | range | u5 > 2",
        "range x [0, 7] | Eq(Mod(x, 4), 0) | Eq(x, 4) | UNKNOWN | none | Eq(x, 4)",
      })
  void decidesQueriesInTheSetsNames(
      String range, String guards, String query, Truth truth, String tier, String simplified) {
    GuardSet.Builder b = GuardSet.builder(f);
    GuardSet g = set(range, guards.replace("; ", "\n"));
    try (GuardSetDecider d = GuardSetDecider.of(g)) {
      GuardSetDecider.Answer a = d.decide(exprs.parse(query));
      assertThat(a.truth()).isEqualTo(truth);
      assertThat(a.decidedBy().label()).isEqualTo(tier);
      assertThat(a.simplified()).hasToString(simplified);
      assertThat(a.range()).isEmpty();
    }
    assertThat(b.build().guards()).isEmpty();
  }

  @Test
  void anIntegerQueryGetsItsRange() {
    try (GuardSetDecider d = GuardSetDecider.of(set("range s0 [2, 8]", "Eq(s1, 2*s0)"))) {
      GuardSetDecider.Answer a = d.decide(exprs.parse("s1 + 1"));
      assertThat(a.truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(a.decidedBy()).isEqualTo(Tier.NONE);
      assertThat(a.simplified()).hasToString("2*s0 + 1");
      assertThat(a.range().orElseThrow()).hasToString("VR[5, 17]");
    }
  }

  @Test
  void contradictionsAndBadHintsAreReported() {
    assertThatThrownBy(() -> GuardSetDecider.of(set("range s0 [2, 8]", "s0 > 9")))
        .isInstanceOf(GuardSetException.class)
        .hasMessage("line 2: the guard s0 > 9 contradicts the facts before it");
    assertThatThrownBy(() -> GuardSetDecider.of(set("range s0 [2, 8]", "hint s0 9")))
        .isInstanceOf(GuardSetException.class)
        .hasMessage("hint s0 9 is outside its range [2, 8]");
    assertThatThrownBy(() -> GuardSetDecider.of(set("hint s0 4", "hint s1 5", "Eq(s0, s1)")))
        .isInstanceOf(GuardSetException.class)
        .hasMessage("line 3: the guard Eq(s0, s1) is false at the hints");
  }

  @Test
  void simplifySubstitutesMergesAndDrops() {
    GuardSet before =
        set(
            "range s0 [2, 512]",
            "range s1 [0, 100]",
            "hint s0 6",
            "Eq(s1, s0 + 2)",
            "s0 < s2",
            "s2 < s3",
            "s0 < s3",
            "2*s2 <= 3000",
            "Ne(s3, 2)",
            "s0*s2 >= 2");
    GuardSetSimplifier.Result r = GuardSetSimplifier.create().simplify(before);
    assertThat(r.after().toText())
        .isEqualTo(
            "range s0 [2, 98]\n"
                + "range s2 [-int_oo, 1500]\n"
                + "hint s0 6\n"
                + "Eq(s1, s0 + 2)\n"
                + "s0 < s2\n"
                + "s2 < s3\n");
    assertThat(r.report())
        .isEqualTo(
            "before: 7 guards, 2 ranges; after: 3 guards, 2 ranges (1 equality substituted, 2"
                + " guards merged into ranges, 4 implied guards dropped)");
  }

  @Test
  void simplifyReportsContradictions() {
    assertThatThrownBy(
            () -> GuardSetSimplifier.create().simplify(set("range s0 [2, 8]", "s0 >= 10")))
        .isInstanceOf(GuardSetException.class)
        .hasMessage(
            "line 2: the guards contradict each other: s0 >= 10 leaves no value of s0 in [2, 8]");
    assertThatThrownBy(
            () -> GuardSetSimplifier.create().simplify(set("s0 < s1", "s1 < s2", "s2 < s0")))
        .isInstanceOf(GuardSetException.class)
        .hasMessage("the guards contradict each other and the ranges: s0 < s1, s1 < s2, s2 < s0");
  }

  @Test
  void explainNamesAMinimalSetOfFacts() {
    GuardSet g =
        set("range s0 [2, 512]", "Ne(s4, 0)", "s1 < s2", "s0 < s1", "s2 <= 4*s4", "s0 >= 1");
    GuardSetExplainer.Explanation e =
        GuardSetExplainer.create().explain(g, exprs.parseBool("s0 + 1 < s2"));
    assertThat(e.describe()).isEqualTo("TRUE because s1 < s2 (line 3), s0 < s1 (line 4)");
    e = GuardSetExplainer.create().explain(g, exprs.parseBool("s2 <= 2"));
    assertThat(e.describe())
        .isEqualTo("FALSE because s0 >= 2 (range), s1 < s2 (line 3), s0 < s1 (line 4)");
    e = GuardSetExplainer.create().explain(g, exprs.parseBool("s2 <= 5"));
    assertThat(e.describe()).isEqualTo("UNKNOWN");
  }
}
