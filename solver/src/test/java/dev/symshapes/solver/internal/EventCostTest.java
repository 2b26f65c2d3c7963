package dev.symshapes.solver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Suppliers;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.DuckSizing;
import dev.symshapes.solver.EvalMode;
import dev.symshapes.solver.Location;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvEvent;
import dev.symshapes.solver.event.ShapeEnvEvent.Level;
import dev.symshapes.solver.event.ShapeEnvListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Events cost nothing when nobody receives them: no message is built for a level that neither a
 * listener nor the log takes, and the user's line (a stack walk) is looked up only when a guard or
 * runtime assert records it or an event that carries it is received.
 */
class EventCostTest {
  /** A location supplier that counts how often the stack would have been walked. */
  private static final class CountingLocation implements Supplier<Optional<Location>> {
    int walks;

    @Override
    public Optional<Location> get() {
      walks++;
      return Optional.of(new Location("Model", "forward", "Model.java", 12));
    }

    /** What one operation gets, as from {@code ShapeEnv}: looked up at most once. */
    Supplier<Optional<Location>> perOperation() {
      return Suppliers.memoize(this::get);
    }
  }

  private static EnvCore core(List<ShapeEnvListener> listeners, LogSwitch sw) {
    return new EnvCore(
        ExprFactory.create(), new Events(listeners, sw), DuckSizing.DISABLED, null, Sym::name);
  }

  @Test
  void onlyTheLevelsSomeoneTakesAreWorded() {
    ShapeEnvListener listener = e -> {};
    // (listeners, switch) -> wants(INFO), wants(DEBUG); the test logger keeps INFO lines.
    assertThat(new Events(List.of(), LogSwitch.OFF).wants(Level.INFO)).isFalse();
    assertThat(new Events(List.of(), LogSwitch.OFF).wants(Level.DEBUG)).isFalse();
    assertThat(new Events(List.of(), LogSwitch.INFO).wants(Level.INFO)).isTrue();
    assertThat(new Events(List.of(), LogSwitch.INFO).wants(Level.DEBUG)).isFalse();
    assertThat(new Events(List.of(), LogSwitch.ALL).wants(Level.DEBUG)).isTrue();
    assertThat(new Events(List.of(listener), LogSwitch.OFF).wants(Level.DEBUG)).isTrue();
  }

  @Test
  void aDataDependentFallbackLooksUpTheUsersLineOnlyForSomeoneWhoReceivesIt() {
    CountingLocation loc = new CountingLocation();
    EnvCore quiet = core(List.of(), LogSwitch.OFF);
    Sym u0 = quiet.symbols().createUnbacked(Optional.empty(), Optional::empty);
    BoolExpr q = quiet.factory().gt(u0, quiet.factory().integer(60));
    quiet.undo().begin();
    assertThat(quiet.guardOr(q, false, loc.perOperation())).isFalse();
    quiet.undo().commit();
    assertThat(loc.walks).isZero();

    List<ShapeEnvEvent> received = new ArrayList<>();
    EnvCore heard = core(List.of(received::add), LogSwitch.OFF);
    Sym v0 = heard.symbols().createUnbacked(Optional.empty(), Optional::empty);
    heard.undo().begin();
    assertThat(
            heard.guardOr(
                heard.factory().gt(v0, heard.factory().integer(60)), false, loc.perOperation()))
        .isFalse();
    heard.undo().commit();
    heard.events().flush();
    assertThat(loc.walks).isEqualTo(1);
    assertThat(received.get(received.size() - 1).logLine())
        .isEqualTo(
            "could not evaluate u0 > 60 due to data dependency, it was assumed to be False with no"
                + " runtime assertions (Model.java:12 in forward)");
  }

  @Test
  void aStaticallyKnownAnswerLooksUpNothing() {
    CountingLocation loc = new CountingLocation();
    EnvCore core = core(List.of(), LogSwitch.ALL);
    Sym u0 = core.symbols().createUnbacked(Optional.empty(), Optional::empty);
    ExprFactory f = core.factory();
    core.undo().begin();
    core.check(f.ge(u0, f.integer(10)), loc.perOperation());
    assertThat(loc.walks).as("the runtime assert records its line").isEqualTo(1);
    assertThat(core.evaluateExpr(f.ge(u0, f.integer(5)), EvalMode.NORMAL, loc.perOperation()))
        .isTrue();
    assertThat(core.guardOr(f.ge(u0, f.integer(3)), false, loc.perOperation())).isTrue();
    core.check(f.ge(u0, f.integer(1)), loc.perOperation());
    core.undo().commit();
    assertThat(loc.walks).isEqualTo(1);
  }
}
