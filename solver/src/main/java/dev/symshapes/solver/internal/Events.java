package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Location;
import dev.symshapes.solver.ReplacementReason;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvEvent;
import dev.symshapes.solver.event.ShapeEnvEvent.Kind;
import dev.symshapes.solver.event.ShapeEnvEvent.Level;
import dev.symshapes.solver.event.ShapeEnvListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that words shape-environment events, so that their order and wording (PyTorch's
 * {@code TORCH_LOGS="+dynamic"} lines) stay together. Events of an operation are held until the
 * operation commits and dropped if it rolls back.
 */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger("dev.symshapes.solver.ShapeEnv");

  private final ImmutableList<ShapeEnvListener> listeners;
  private final LogSwitch logSwitch;
  private final List<ShapeEnvEvent> pending = new ArrayList<>();

  /** Delivers events to {@code listeners} and logs those {@code logSwitch} selects. */
  public Events(Iterable<ShapeEnvListener> listeners, LogSwitch logSwitch) {
    this.listeners = ImmutableList.copyOf(listeners);
    this.logSwitch = logSwitch;
  }

  /**
   * Whether anyone receives an event of {@code level}: a listener, or the log when the switch
   * selects the level and SLF4J keeps INFO lines of this logger (asked each time: logging
   * configurations change at run time). When not, its message is not built at all, nor the user's
   * line looked up for it.
   */
  boolean wants(Level level) {
    return !listeners.isEmpty() || (logSwitch.logs(level) && LOG.isInfoEnabled());
  }

  void emit(Kind kind, Level level, String message, Optional<Location> location) {
    pending.add(new ShapeEnvEvent(kind, level, message, location));
  }

  /** Delivers the events of a committed operation. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<ShapeEnvEvent> batch = new ArrayList<>(pending);
    pending.clear();
    for (ShapeEnvEvent e : batch) {
      if (logSwitch.logs(e.level())) {
        LOG.info(e.logLine());
      }
      for (ShapeEnvListener l : listeners) {
        l.onEvent(e);
      }
    }
  }

  /** Drops the events of a failed operation. */
  public void discard() {
    pending.clear();
  }

  // ---- the words (built only when someone receives them) ----

  /** {@code [2, int_oo]}: a range as PyTorch prints it in {@code create_symbol} lines. */
  static String bracket(IntRange r) {
    return "[" + r.lower() + ", " + r.upper() + "]";
  }

  void createSymbol(Sym sym, IntValue hint, Source source, IntRange range, Optional<Location> loc) {
    if (wants(Level.INFO)) {
      emit(
          Kind.CREATE_SYMBOL,
          Level.INFO,
          "create_symbol " + sym + " = " + hint + " for " + source.name() + " " + bracket(range),
          loc);
    }
  }

  void duckSized(Sym sym, Source source) {
    if (wants(Level.DEBUG)) {
      emit(
          Kind.DUCK_SIZED,
          Level.DEBUG,
          "create_symbol " + sym + " duck sized " + source.name(),
          Optional.empty());
    }
  }

  void createUnbacked(Sym sym, IntRange range, Optional<Location> loc) {
    if (wants(Level.INFO)) {
      emit(
          Kind.CREATE_UNBACKED_SYMINT,
          Level.INFO,
          "create_unbacked_symint " + sym + " " + bracket(range),
          loc);
    }
  }

  void updateRange(Sym sym, IntRange range) {
    if (wants(Level.DEBUG)) {
      emit(
          Kind.UPDATE_VAR_TO_RANGE,
          Level.DEBUG,
          "_update_var_to_range " + sym + " = " + range + " (update)",
          Optional.empty());
    }
  }

  void setReplacement(Sym sym, IntExpr target, ReplacementReason reason, IntRange range) {
    if (wants(Level.INFO)) {
      emit(
          Kind.SET_REPLACEMENT,
          Level.INFO,
          "set_replacement " + sym + " = " + target + " (" + reason.label() + ") " + range,
          Optional.empty());
    }
  }

  void guardAdded(BoolExpr expr, Optional<Location> loc) {
    if (wants(Level.INFO)) {
      emit(Kind.GUARD_ADDED, Level.INFO, "eval " + expr + " [guard added]", loc);
    }
  }

  void runtimeAssertAdded(BoolExpr expr, Optional<Location> loc) {
    if (wants(Level.INFO)) {
      emit(Kind.RUNTIME_ASSERT_ADDED, Level.INFO, "runtime_assert " + expr + " [guard added]", loc);
    }
  }

  void staticallyKnown(String prefix, Expr expr, String value) {
    if (wants(Level.DEBUG)) {
      emit(
          Kind.STATICALLY_KNOWN,
          Level.DEBUG,
          prefix + " " + expr + " == " + value + " [statically known]",
          Optional.empty());
    }
  }

  void constrainSymbolRange(Sym sym, IntRange range) {
    if (wants(Level.INFO)) {
      emit(
          Kind.CONSTRAIN_SYMBOL_RANGE,
          Level.INFO,
          "constrain_symbol_range " + sym + " " + bracket(range),
          Optional.empty());
    }
  }

  void dataDependentFallback(BoolExpr expr, boolean value, Supplier<Optional<Location>> location) {
    if (wants(Level.INFO)) {
      Optional<Location> loc = location.get();
      emit(
          Kind.DATA_DEPENDENT_FALLBACK,
          Level.INFO,
          "could not evaluate "
              + expr
              + " due to data dependency, it was assumed to be "
              + (value ? "True" : "False")
              + " with no runtime assertions",
          loc);
    }
  }

  void produceGuards() {
    if (wants(Level.INFO)) {
      emit(Kind.PRODUCE_GUARDS, Level.INFO, "produce_guards", Optional.empty());
    }
  }
}
