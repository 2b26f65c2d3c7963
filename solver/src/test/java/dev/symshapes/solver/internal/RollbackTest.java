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
  void versionsOnlyGrow() {
    UndoLog undo = core.undo();
    Sym u0 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    long v0 = core.facts().version();
    undo.begin();
    core.check(f.le(u0, f.integer(3)), Optional::empty);
    long v1 = core.facts().version();
    undo.rollback();
    assertThat(v1).isGreaterThan(v0);
    assertThat(core.facts().version()).isGreaterThan(v1);
  }
}
