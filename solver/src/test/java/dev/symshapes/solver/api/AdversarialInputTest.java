package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.DataDependentException;
import dev.symshapes.solver.LocationCapture;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.event.LogSwitch;
import org.junit.jupiter.api.Test;

/**
 * Inputs found by reading the solver for ways to make it throw or answer wrongly: deeply nested
 * conditions, conditions that are known only as a whole, and replacements that make an earlier fact
 * impossible.
 */
class AdversarialInputTest {
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

  /** {@code Not(And(... Not(And(u0 > 0, s0 > k)) ..., s0 > k))}, {@code depth} levels deep. */
  private BoolExpr nested(IntExpr s0, int depth) {
    BoolExpr b = f.gt(u0, c(0));
    for (int i = 0; i < depth; i++) {
      b = f.not(f.and(b, f.gt(s0, c(i % 7))));
    }
    return b;
  }

  @Test
  void aDeeplyNestedConditionIsDecidedWithoutOverflowingTheStack() {
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
    BoolExpr deep = nested(s0, 20_000);
    assertThat(deep.depth()).isGreaterThan(20_000);
    assertThat(env.decide(deep).truth()).isEqualTo(Truth.UNKNOWN);
    assertThatThrownBy(() -> env.evaluateExpr(deep))
        .isInstanceOf(DataDependentException.class)
        .hasMessageStartingWith("Could not guard on data-dependent expression ");
    assertThat(env.guardOrFalse(deep)).isFalse();
    env.check(deep);
    // Known as a whole from the runtime assert.
    assertThat(env.decide(deep).truth()).isEqualTo(Truth.TRUE);
    assertThat(env.decide(f.not(deep)).truth()).isEqualTo(Truth.FALSE);
    assertThat(env.guardOrFalse(deep)).isTrue();
    assertThat(env.produceGuards().residualChecks())
        .isEmpty(); // data-dependent: not an input guard
  }

  @Test
  void aConditionAssertedAsAWholeIsKnownAsAWhole() {
    BoolExpr either = f.or(f.gt(u0, c(5)), f.gt(u1, c(5)));
    assertThat(env.decide(either).truth()).isEqualTo(Truth.UNKNOWN);
    env.check(either);
    assertThat(env.decide(either).truth()).isEqualTo(Truth.TRUE);
    assertThat(env.decide(either).decidedBy()).isEqualTo(Tier.AXIOM);
    assertThat(env.decide(f.not(either)).truth()).isEqualTo(Truth.FALSE);
    assertThat(env.guardOrFalse(either)).isTrue();
    assertThat(env.guards()).hasSize(1);
    BoolExpr neither = f.not(f.and(f.gt(u0, c(5)), f.gt(u1, c(5))));
    env.check(neither);
    assertThat(env.decide(neither).truth()).isEqualTo(Truth.TRUE);
    assertThat(env.decide(f.and(f.gt(u0, c(5)), f.gt(u1, c(5)))).truth()).isEqualTo(Truth.FALSE);
  }

  @Test
  void aContradictionThatNoRangeExplainsDoesNotBlameARange() {
    assertThatThrownBy(() -> env.check(f.eq(f.scale(u0, dev.symshapes.expr.IntValue.of(2)), c(1))))
        .isInstanceOf(ContradictionException.class)
        .hasMessage("check(Eq(2*u0, 1)) can never hold: no integer values satisfy it");
    try (ShapeEnv smt =
        ShapeEnv.builder().logSwitch(LogSwitch.OFF).locations(LocationCapture.NONE).build()) {
      ExprFactory g = smt.factory();
      Sym v0 = smt.createUnbackedSymInt();
      Sym v1 = smt.createUnbackedSymInt();
      smt.check(g.eq(g.mul(v0, v1), g.integer(6)));
      assertThatThrownBy(() -> smt.check(g.eq(v0, g.integer(4))))
          .isInstanceOf(ContradictionException.class)
          .hasMessage(
              "check(Eq(u0, 4)) can never hold: the SMT tier found that it contradicts the known"
                  + " facts");
    }
  }

  @Test
  void aReplacementThatMakesAnEarlierFactImpossibleNamesTheNewFact() {
    env.check(f.eq(f.mul(u0, u1), c(6)));
    assertThatThrownBy(() -> env.check(f.eq(u0, c(4))))
        .isInstanceOf(ContradictionException.class)
        .hasMessage("Eq(u0, 4) can never hold: it contradicts Eq(u0*u1, 6) (runtime assert)");
    assertThat(env.replacements()).isEmpty();
    env.check(f.eq(u0, c(3)));
    assertThat(env.decide(f.eq(u1, c(2))).truth()).isEqualTo(Truth.TRUE);
  }
}
