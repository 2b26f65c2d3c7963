package dev.symshapes.export.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.expr.Expr;
import dev.symshapes.solver.ShapeEnv;
import java.util.List;

/**
 * What symbolic values ({@link SymInt}, {@link SymBool}) need from the framework that made them:
 * the shape environment that decides and guards, and hooks through which a tracer records symbolic
 * arithmetic and user checks in its graph. A framework implements this once per trace; the
 * reference tracer is one implementation.
 */
public interface SymContext {
  /**
   * A context for a framework that records no graph of its own symbolic arithmetic: symbolic values
   * guard and check through {@code env}, and {@link SymBool#check()} records a runtime assert.
   */
  static SymContext of(ShapeEnv env) {
    checkNotNull(env, "env");
    return () -> env;
  }

  /** The shape environment of the trace. */
  ShapeEnv env();

  /**
   * Called when symbolic arithmetic or a comparison produces a new value from values that have
   * graph handles; returns the handle of the result, or null when the framework does not record
   * symbolic arithmetic. {@code op} is the Python operator name ({@code "add"}, {@code "ge"},
   * {@code "floordiv"}, ...), {@code args} the operands (handles of symbolic operands, or plain
   * {@code Long} constants).
   */
  default Object recordSymOp(String op, List<Object> args, Expr result) {
    return null;
  }

  /**
   * Called when user code checks a condition ({@code torch._check}); the default records a runtime
   * assert in the shape environment. Tracers override it to also remember the check.
   */
  default void userCheck(SymBool condition) {
    env().check(condition.expr());
  }
}
