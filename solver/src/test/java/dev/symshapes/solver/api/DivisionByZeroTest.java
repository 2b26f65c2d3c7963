package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.DivisionByZeroException;
import dev.symshapes.solver.LocationCapture;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.ZeroOne;
import dev.symshapes.solver.event.LogSwitch;
import org.junit.jupiter.api.Test;

/**
 * Divisors that are 0 after replacements, or at the example inputs: the expression has no value
 * (PyTorch raises {@code ZeroDivisionError}, {@code ExprFactory} rejects a literal zero divisor),
 * so every operation on it is a {@link DivisionByZeroException} that names the division and why its
 * divisor is 0, and leaves the environment as it was. A fact that evaluates a division is known to
 * have a non-zero divisor: a later fact that sets the divisor to 0 contradicts it.
 */
class DivisionByZeroTest {
  private final ShapeEnv env =
      ShapeEnv.builder()
          .logSwitch(LogSwitch.OFF)
          .noExtraTier()
          .locations(LocationCapture.NONE)
          .build();
  private final ExprFactory f = env.factory();
  private final Sym u0 = env.createUnbackedSymInt();
  private final Sym u1 = env.createUnbackedSymInt();

  private IntExpr c(long v) {
    return f.integer(v);
  }

  /** The review's case: u1 = 0 is learned, then a query divides by u1. */
  @Test
  void aQueryWhoseDivisorTheReplacementsMakeZeroIsAnError() {
    env.constrainSymbolRange(u0, IntRange.of(-1, 0));
    env.check(f.eq(f.add(u0, u1), u0));
    assertThat(env.replace(u1)).isEqualTo(c(0));
    long version = env.factVersion();
    BoolExpr q = f.eq(u1, f.add(u0, f.floorDiv(u0, u1)));
    assertThatThrownBy(() -> env.decide(q))
        .isInstanceOf(DivisionByZeroException.class)
        .hasMessage(
            "division by zero: the divisor u1 of (u0//u1) in Eq(u1, u0 + ((u0//u1))) is 0"
                + " because of Eq(u0 + u1, u0) (runtime assert)");
    DivisionByZeroException e = catchDivision(() -> env.staticallyKnownTrue(q));
    assertThat(e.expr()).isEqualTo(q);
    assertThat(e.division()).contains(f.floorDiv(u0, u1));
    assertThatThrownBy(() -> env.evaluateExpr(q)).isInstanceOf(DivisionByZeroException.class);
    assertThatThrownBy(() -> env.guardOrFalse(q)).isInstanceOf(DivisionByZeroException.class);
    assertThatThrownBy(() -> env.check(q)).isInstanceOf(DivisionByZeroException.class);
    assertThatThrownBy(() -> env.bound(f.floorDiv(u0, u1)))
        .isInstanceOf(DivisionByZeroException.class);
    // Nothing changed, and the environment still answers.
    assertThat(env.factVersion()).isEqualTo(version);
    assertThat(env.guards()).hasSize(1);
    assertThat(env.decide(f.le(u0, c(0))).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void moduloAndNestedDivisionsNameTheInnermostZeroDivisor() {
    env.check(f.eq(u1, c(0)));
    assertThatThrownBy(() -> env.decide(f.ge(f.mod(u0, u1), c(0))))
        .isInstanceOf(DivisionByZeroException.class)
        .hasMessage(
            "modulo by zero: the divisor u1 of Mod(u0, u1) in (Mod(u0, u1)) >= 0 is 0 because of"
                + " Eq(u1, 0) (runtime assert)");
    IntExpr inner = f.floorDiv(u0, f.add(u1, u1));
    assertThatThrownBy(() -> env.decide(f.gt(f.floorDiv(c(7), inner), c(0))))
        .isInstanceOf(DivisionByZeroException.class)
        .hasMessageStartingWith("division by zero: the divisor 2*u1 of (u0//(2*u1)) in ");
  }

  @Test
  void aGuardThatDividesByZeroAtTheExampleInputsIsAnError() {
    IntExpr s0 =
        env.createSymbol(
            0,
            Source.size("x", 0),
            SymbolSpec.dynamic().withRange(IntRange.of(0, 8)).withZeroOne(ZeroOne.KEEP_SYMBOLIC));
    IntExpr s1 = env.createSymbol(5, Source.size("x", 1));
    BoolExpr g = f.gt(f.floorDiv(s1, s0), c(1));
    assertThat(env.decide(g).truth()).isEqualTo(Truth.UNKNOWN);
    assertThatThrownBy(() -> env.evaluateExpr(g))
        .isInstanceOf(DivisionByZeroException.class)
        .hasMessage(
            "division by zero: the divisor s0 of (s1//s0) in ((s1//s0)) > 1 is 0 at the example"
                + " inputs (s0 = 0)");
    assertThatThrownBy(() -> env.check(g))
        .isInstanceOf(DivisionByZeroException.class)
        .hasMessageEndingWith("is 0 at the example inputs (s0 = 0)");
    assertThatThrownBy(() -> env.hint(f.mod(s1, s0)))
        .isInstanceOf(DivisionByZeroException.class)
        .hasMessage(
            "modulo by zero: the divisor s0 of Mod(s1, s0) is 0 at the example inputs (s0 = 0)");
    assertThat(env.guards()).isEmpty();
  }

  @Test
  void aFactThatDividesKnowsItsDivisorIsNotZero() {
    env.check(f.ge(f.floorDiv(u0, u1), c(5)));
    assertThat(env.decide(f.ne(u1, c(0))).truth()).isEqualTo(Truth.TRUE);
    assertThat(env.decide(f.eq(u1, c(0))).truth()).isEqualTo(Truth.FALSE);
    assertThat(env.guards()).hasSize(1);
  }

  @Test
  void aFactThatMakesAnEarlierFactsDivisorZeroIsAContradiction() {
    env.constrainSymbolRange(u1, IntRange.of(0, 3));
    env.check(f.ge(f.floorDiv(u0, u1), c(5)));
    long version = env.factVersion();
    assertThatThrownBy(() -> env.check(f.le(u1, c(0))))
        .isInstanceOf(ContradictionException.class)
        .hasMessage(
            "u1 <= 0 can never hold: ((u0//u1)) >= 5 (runtime assert) evaluates (u0//u1), whose"
                + " divisor would be 0");
    // The check narrowed u1 to [0, 0] and replaced it before failing: all of it is undone.
    assertThat(env.factVersion()).isEqualTo(version);
    assertThat(env.replacements()).isEmpty();
    assertThat(env.range(u1)).isEqualTo(IntRange.of(0, 3));
  }

  @Test
  void aReplacementWhoseTargetDividesMakesAZeroDivisorAContradiction() {
    Sym u2 = env.createUnbackedSymInt();
    env.constrainSymbolRange(u1, IntRange.of(0, 3));
    env.check(f.eq(u2, f.floorDiv(u0, u1)));
    assertThat(env.replace(u2)).isEqualTo(f.floorDiv(u0, u1));
    // Decided by the axioms: statically false.
    assertThatThrownBy(() -> env.check(f.eq(u1, c(0))))
        .isInstanceOf(ContradictionException.class)
        .hasMessage(
            "check(Eq(u1, 0)) can never hold: it contradicts Eq(u2, (u0//u1)) (runtime assert)");
    // Not decided (u1 <= 0 is u1 == 0 only with the range), found when u1 is replaced by 0.
    assertThatThrownBy(() -> env.check(f.le(u1, c(0))))
        .isInstanceOf(ContradictionException.class)
        .hasMessage("u1 <= 0 can never hold: it contradicts Eq(u2, (u0//u1)) (runtime assert)");
    assertThat(env.replace(u2)).isEqualTo(f.floorDiv(u0, u1));
    assertThat(env.decide(f.ne(u1, c(0))).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void aDivisionInABranchThatMayBeSkippedRequiresNothing() {
    BoolExpr g = f.ge(f.where(f.gt(u1, c(0)), f.floorDiv(u0, u1), c(0)), c(0));
    env.check(g);
    assertThat(env.decide(f.ne(u1, c(0))).truth()).isEqualTo(Truth.UNKNOWN);
  }

  private static DivisionByZeroException catchDivision(Runnable r) {
    try {
      r.run();
    } catch (DivisionByZeroException e) {
      return e;
    }
    throw new AssertionError("expected a DivisionByZeroException");
  }
}
