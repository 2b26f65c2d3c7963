package dev.symshapes.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.DuckSizing;
import dev.symshapes.solver.EvalMode;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.event.LogSwitch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Atomicity at the level of the collaborators: a decision cached while an operation ran must not
 * survive the operation's rollback (the facts it rested on are gone), and a rollback restores every
 * fact.
 */
class RollbackTest {
  private final EnvCore core =
      new EnvCore(
          ExprFactory.create(),
          new Events(List.of(), LogSwitch.OFF),
          DuckSizing.DISABLED,
          null,
          Sym::name);
  private final ExprFactory f = core.factory();

  @Test
  void decisionsCachedDuringARolledBackOperationAreNotReused() {
    UndoLog undo = core.undo();
    Sym u0 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    BoolExpr q = f.ge(u0, f.integer(5));
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.UNKNOWN);
    undo.begin();
    core.check(f.ge(u0, f.integer(10)), Optional::empty);
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.TRUE);
    undo.rollback();
    assertThat(core.facts().rangeOf(u0)).isEqualTo(IntRange.all());
    assertThat(core.facts().guardsView()).isEmpty();
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void rollbackRestoresTheVersionsAndLaterChangesNeverReuseTheRolledBackOnes() {
    UndoLog undo = core.undo();
    Sym u0 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    long v0 = core.facts().version();
    undo.begin();
    core.check(f.le(u0, f.integer(3)), Optional::empty);
    long v1 = core.facts().version();
    undo.rollback();
    assertThat(v1).isNotEqualTo(v0);
    assertThat(core.facts().version()).isEqualTo(v0);
    // A tier that synchronized with the facts at v1 (the SMT tier asserts them once per version)
    // must see the next change as new facts: its version is neither v0 nor v1.
    undo.begin();
    core.check(f.ge(u0, f.integer(-3)), Optional::empty);
    undo.commit();
    assertThat(core.facts().version()).isNotIn(v0, v1);
  }

  @Test
  void decisionsCachedBeforeARolledBackOperationAreStillValid() {
    UndoLog undo = core.undo();
    Sym u0 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    BoolExpr q = f.ge(u0, f.integer(5));
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.UNKNOWN);
    undo.begin();
    core.check(f.ge(u0, f.integer(10)), Optional::empty);
    undo.rollback();
    long hits = core.decider().cacheHits();
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(core.decider().cacheHits()).as("answered from the cache").isEqualTo(hits + 1);
  }

  @Test
  void anAxiomRewrittenByAReplacementInvalidatesDecisionsAboutItsNewSymbols() {
    UndoLog undo = core.undo();
    Sym u0 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    Sym u1 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    Sym u2 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    undo.begin();
    core.check(f.ge(f.sub(u0, u1), f.integer(1)), Optional::empty);
    undo.commit();
    BoolExpr q = f.gt(u0, u2);
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.UNKNOWN);
    // u1 -> u2 rewrites the axiom u0 - u1 >= 1 to u0 - u2 >= 1; no fact names u0 or u2 itself.
    undo.begin();
    core.symbols().renameUnbackedTo(u1, u2);
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.TRUE);
    undo.rollback();
    assertThat(core.decide(q, EvalMode.NORMAL).truth()).isEqualTo(Truth.UNKNOWN);
  }
}
