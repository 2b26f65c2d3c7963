package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.DataDependentException;
import dev.symshapes.solver.EvalMode;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Truth;
import org.junit.jupiter.api.Test;

/**
 * Every guarding API, driven as a tracing framework would: what it returns, which guards and
 * runtime asserts it records, what it learns, and the exact log lines and messages it produces.
 */
class GuardingApiTest {
  private final Recorder rec = new Recorder();
  private final ShapeEnv env = rec.env();
  private final ExprFactory f = env.factory();

  private IntExpr c(long v) {
    return f.integer(v);
  }

  /** The data-dependent error {@code r} throws (on one line, so that its line can be expected). */
  static DataDependentException dde(Runnable r) {
    try {
      r.run();
    } catch (DataDependentException e) {
      return e;
    }
    throw new AssertionError("expected a DataDependentException");
  }

  private IntExpr backed(long hint, String input) {
    return env.createSymbol(hint, Source.size(input, 0));
  }

  // ---- evaluateExpr ----

  @Test
  void evaluateExprAnswersStaticallyKnownExpressionsWithoutAGuard() {
    IntExpr s0 = backed(6, "x");
    rec.clear();
    assertThat(env.evaluateExpr(f.ne(s0, c(1)))).isTrue();
    assertThat(env.evaluateExpr(f.lt(s0, c(2)))).isFalse();
    assertThat(env.guards()).isEmpty();
    assertThat(rec.lines())
        .containsExactly(
            "eval Ne(s0, 1) == True [statically known]", "eval s0 < 2 == False [statically known]");
  }

  @Test
  void evaluateExprGuardsOnTheHintAndLearnsFromTheGuard() {
    IntExpr s0 = backed(6, "x");
    IntExpr s1 = backed(6, "y");
    rec.clear();
    int line = Recorder.nextLine();
    boolean big = env.evaluateExpr(f.gt(s0, c(10)));
    assertThat(big).isFalse();
    // The guard is the negation of the question, as PyTorch records it.
    Guard g = env.guards().get(0);
    assertThat(g.expr().toString()).isEqualTo("s0 <= 10");
    assertThat(g.kind()).isEqualTo(Guard.Kind.GUARD);
    assertThat(g.location().orElseThrow().describe())
        .isEqualTo(
            "GuardingApiTest.java:"
                + line
                + " in "
                + "evaluateExprGuardsOnTheHintAndLearnsFromTheGuard");
    assertThat(env.range((Sym) s0)).isEqualTo(IntRange.of(2, 10));
    assertThat(env.evaluateExpr(f.eq(s0, s1))).isTrue();
    assertThat(env.replace(s1)).isEqualTo(s0);
    assertThat(rec.messages())
        .containsExactly(
            "_update_var_to_range s0 = VR[2, 10] (update)",
            "eval s0 <= 10 [guard added]",
            "_update_var_to_range s1 = VR[2, 10] (update)",
            "set_replacement s1 = s0 (solve) VR[2, 10]",
            "eval Eq(s0, s1) [guard added]");
    assertThat(rec.lines().get(1))
        .isEqualTo(
            "eval s0 <= 10 [guard added] (GuardingApiTest.java:"
                + line
                + " in evaluateExprGuardsOnTheHintAndLearnsFromTheGuard)");
  }

  @Test
  void evaluateExprOnAnUnbackedExpressionIsADataDependentError() {
    Sym u0 = env.createUnbackedSymInt();
    BoolExpr q = f.gt(f.neg(u0), c(60));
    int line = Recorder.nextLine();
    DataDependentException e = dde(() -> env.evaluateExpr(q));
    assertThat(e.getMessage())
        .startsWith(
            "Could not guard on data-dependent expression -u0 > 60 (unhinted: -u0 > 60)."
                + "  (Size-like symbols: none)\n\nCaused by: (GuardingApiTest.java:"
                + line
                + " in evaluateExprOnAnUnbackedExpressionIsADataDependentError)\n"
                + "For more information, run with SYMSHAPES_LOGS=\"dynamic\"\n");
    assertThat(e.location().orElseThrow().lineNumber()).isEqualTo(line);
    assertThat(e.expr().toString()).isEqualTo("-u0 > 60");
    assertThat(env.guards()).isEmpty();
    // With a backed symbol in it, the hint replaces it in the first expression only.
    IntExpr s0 = backed(4, "y");
    DataDependentException e2 =
        catchThrowableOfType(DataDependentException.class, () -> env.evaluateExpr(f.lt(u0, s0)));
    assertThat(e2.getMessage())
        .startsWith(
            "Could not guard on data-dependent expression u0 < 4 (unhinted: u0 < s0)."
                + "  (Size-like symbols: none)");
    env.markSizeLike(u0);
    DataDependentException e3 =
        catchThrowableOfType(DataDependentException.class, () -> env.evaluateExpr(f.eq(u0, c(7))));
    assertThat(e3.getMessage())
        .startsWith(
            "Could not guard on data-dependent expression Eq(u0, 7) (unhinted: Eq(u0, 7))."
                + "  (Size-like symbols: u0)");
  }

  // ---- check ----

  @Test
  void checkRecordsARuntimeAssertAndNarrowsRanges() {
    Sym u0 = env.createUnbackedSymInt();
    rec.clear();
    int line = Recorder.nextLine();
    env.check(f.ge(u0, c(10)));
    env.check(f.le(u0, c(60)));
    assertThat(env.range(u0)).isEqualTo(IntRange.of(10, 60));
    assertThat(env.runtimeAsserts()).hasSize(2);
    assertThat(env.runtimeAsserts().get(0).kind()).isEqualTo(Guard.Kind.RUNTIME_ASSERT);
    assertThat(env.runtimeAsserts().get(0).location().orElseThrow().lineNumber()).isEqualTo(line);
    // Statically true: nothing recorded.
    env.check(f.gt(u0, c(5)));
    assertThat(env.runtimeAsserts()).hasSize(2);
    assertThat(rec.lines())
        .containsExactly(
            "_update_var_to_range u0 = VR[10, int_oo] (update)",
            "runtime_assert u0 >= 10 [guard added] (GuardingApiTest.java:"
                + line
                + " in checkRecordsARuntimeAssertAndNarrowsRanges)",
            "_update_var_to_range u0 = VR[10, 60] (update)",
            "runtime_assert u0 <= 60 [guard added] (GuardingApiTest.java:"
                + (line + 1)
                + " in checkRecordsARuntimeAssertAndNarrowsRanges)",
            "runtime_assert u0 > 5 == True [statically known]");
  }

  @Test
  void checkTurnsEqualitiesIntoReplacements() {
    Sym u0 = env.createUnbackedSymInt();
    Sym u1 = env.createUnbackedSymInt();
    IntExpr s0 = backed(8, "x");
    env.check(f.eq(u1, f.add(u0, c(1))));
    assertThat(env.replace(u1)).hasToString("u0 + 1");
    env.check(f.eq(u0, c(5)));
    assertThat(env.replace(f.add(u0, u1))).isEqualTo(c(11));
    // A backed equality is checked on the hints, then solved like a guard.
    env.check(f.eq(s0, c(8)));
    assertThat(env.replace(s0)).isEqualTo(c(8));
    assertThat(env.replacements().keySet()).extracting(Sym::name).containsExactly("u1", "u0", "s0");
    // u1 = u0 + 1 (solve) was compressed to u1 = 6 when it was looked up after u0 = 5.
    assertThat(env.replacements().get(u1).toString()).isEqualTo("u1 = 6 (find)");
    assertThat(env.replacements().get(u0).reason().label()).isEqualTo("range_refined_to_singleton");
  }

  // ---- guardOrFalse / guardOrTrue ----

  @Test
  void guardOrFalseAndGuardOrTrueFallBackOnlyForUndecidedDataDependentExpressions() {
    Sym u0 = env.createUnbackedSymInt();
    IntExpr s0 = backed(3, "x");
    rec.clear();
    int line = Recorder.nextLine();
    assertThat(env.guardOrFalse(f.eq(u0, c(1)))).isFalse();
    assertThat(env.guardOrTrue(f.eq(u0, c(1)))).isTrue();
    assertThat(env.guards()).isEmpty();
    assertThat(rec.lines().get(0))
        .isEqualTo(
            "could not evaluate Eq(u0, 1) due to data dependency, it was assumed to be False with"
                + " no runtime assertions (GuardingApiTest.java:"
                + line
                + " in guardOrFalseAndGuardOrTrueFallBackOnlyForUndecidedDataDependentExpressions)");
    assertThat(rec.messages().get(1))
        .isEqualTo(
            "could not evaluate Eq(u0, 1) due to data dependency, it was assumed to be True with"
                + " no runtime assertions");
    // Decided statically: the answer, whatever the default.
    assertThat(env.guardOrTrue(f.ne(u0, u0))).isFalse();
    env.check(f.ge(u0, c(0)));
    assertThat(env.guardOrTrue(f.lt(u0, c(0)))).isFalse();
    assertThat(env.guardOrFalse(f.ge(u0, c(0)))).isTrue();
    // Backed and undecided: a guard on the hint, as evaluateExpr.
    assertThat(env.guardOrFalse(f.eq(s0, c(3)))).isTrue();
    assertThat(env.guards())
        .extracting(g -> g.expr().toString())
        .containsExactly("u0 >= 0", "Eq(s0, 3)");
  }

  // ---- staticallyKnownTrue / staticallyKnownFalse / decide ----

  @Test
  void staticallyKnownTrueNeverGuards() {
    IntExpr s0 = backed(2, "x");
    IntExpr s1 = backed(3, "y");
    assertThat(env.staticallyKnownTrue(f.gt(f.mul(s0, s1), s1))).isTrue();
    assertThat(env.staticallyKnownTrue(f.ne(s0, s1))).isFalse();
    assertThat(env.staticallyKnownFalse(f.ne(s0, s1))).isFalse();
    assertThat(env.staticallyKnownFalse(f.le(f.mul(s0, s1), s1))).isTrue();
    assertThat(env.decide(f.ne(s0, s1)).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(env.guards()).isEmpty();
    assertThat(rec.messages()).noneMatch(m -> m.startsWith("eval"));
  }

  // ---- guardInt ----

  @Test
  void guardIntSpecializesABackedExpression() {
    IntExpr s0 = backed(6, "x");
    rec.clear();
    assertThat(env.guardInt(f.add(s0, c(1)))).isEqualTo(IntValue.of(7));
    assertThat(env.replace(s0)).isEqualTo(c(6));
    assertThat(rec.messages())
        .containsExactly(
            "_update_var_to_range s0 = VR[6, 6] (update)",
            "set_replacement s0 = 6 (range_refined_to_singleton) VR[6, 6]",
            "eval Eq(s0 + 1, 7) [guard added]");
    // Now a constant: no further guard.
    assertThat(env.guardInt(f.mul(s0, c(2)))).isEqualTo(IntValue.of(12));
    assertThat(env.guards()).hasSize(1);
  }

  @Test
  void guardIntOfAnUnbackedExpressionIsTheSpecializedIntegerError() {
    Sym u0 = env.createUnbackedSymInt();
    int line = Recorder.nextLine();
    DataDependentException e = dde(() -> env.guardInt(u0));
    assertThat(e.getMessage())
        .isEqualTo(
            "Could not extract specialized integer from data-dependent expression u0 (unhinted:"
                + " u0).  (Size-like symbols: none)\n\nCaused by: (GuardingApiTest.java:"
                + line
                + " in guardIntOfAnUnbackedExpressionIsTheSpecializedIntegerError)\n"
                + "For more information, run with SYMSHAPES_LOGS=\"dynamic\"\n");
    assertThat(e.suggestedChecks()).isEmpty();
    // A range that pins it down gives the value.
    env.check(f.ge(u0, c(3)));
    env.check(f.le(u0, c(3)));
    assertThat(env.guardInt(u0)).isEqualTo(IntValue.of(3));
  }

  // ---- size-like and size-oblivious ----

  @Test
  void sizeObliviousEvaluationAssumesSizesAreAtLeastTwo() {
    Sym u0 = env.createUnbackedSymInt();
    Sym u1 = env.createUnbackedSymInt();
    env.checkIsSize(u0);
    assertThat(env.isSizeLike(u0)).isTrue();
    assertThat(env.range(u0)).isEqualTo(IntRange.atLeast(0));
    BoolExpr isOne = f.eq(u0, c(1));
    assertThat(env.decide(isOne).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(env.decide(isOne, EvalMode.SIZE_OBLIVIOUS).truth()).isEqualTo(Truth.FALSE);
    rec.clear();
    assertThat(env.guardSizeOblivious(isOne)).isFalse();
    assertThat(env.guardSizeOblivious(f.ge(u0, c(0)))).isTrue();
    assertThat(rec.messages())
        .containsExactly(
            "eval Eq(u0, 1) == False [statically known]",
            "eval u0 >= 0 == True [statically known]");
    // Not size-like: size-oblivious evaluation assumes nothing.
    env.check(f.ge(u1, c(0)));
    assertThat(env.isSizeLike(u1)).isFalse();
    assertThat(
            catchThrowableOfType(
                DataDependentException.class, () -> env.guardSizeOblivious(f.eq(u1, c(1)))))
        .isNotNull();
    // A size whose range excludes 2 keeps its range.
    Sym u2 = env.createUnbackedSymInt();
    env.constrainRangeForSize(u2, IntRange.of(0, 1));
    assertThat(env.decide(f.le(u2, c(1)), EvalMode.SIZE_OBLIVIOUS).truth()).isEqualTo(Truth.TRUE);
  }

  // ---- hints, bounds, replacements ----

  @Test
  void hintsBoundsAndUnbackedSymbolsAreReportedAfterReplacements() {
    IntExpr s0 = backed(6, "x");
    Sym u0 = env.createUnbackedSymInt();
    assertThat(env.hint(f.mul(s0, c(3)))).contains(IntValue.of(18));
    assertThat(env.hint(f.add(s0, u0))).isEmpty();
    assertThat(env.unbackedSymbols(f.add(s0, u0))).containsExactly(u0);
    env.check(f.eq(u0, f.add(s0, c(1))));
    assertThat(env.unbackedSymbols(f.add(s0, u0))).isEmpty();
    assertThat(env.hint(f.add(s0, u0))).contains(IntValue.of(13));
    assertThat(env.bound(f.add(s0, u0))).isEqualTo(IntRange.atLeast(5));
  }
}
