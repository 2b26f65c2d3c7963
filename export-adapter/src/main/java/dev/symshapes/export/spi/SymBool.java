package dev.symshapes.export.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import java.util.List;
import java.util.Optional;

/**
 * A symbolic boolean, such as {@code x.size(0) >= 4}. Converting it to a Java {@code boolean}
 * ({@link #bool()}) guards on the example values, as {@code bool(sym_bool)} does in PyTorch; {@link
 * #check()} records it as a runtime assert instead ({@code torch._check}).
 *
 * <p>Immutable.
 */
public final class SymBool {
  private static final ExprFactory CONSTANTS = ExprFactory.create();
  private static final SymBool TRUE = new SymBool(CONSTANTS.trueExpr(), null, null);
  private static final SymBool FALSE = new SymBool(CONSTANTS.falseExpr(), null, null);

  private final BoolExpr expr;
  private final SymContext ctx;
  private final Object handle;

  private SymBool(BoolExpr expr, SymContext ctx, Object handle) {
    this.expr = expr;
    this.ctx = ctx;
    this.handle = handle;
  }

  /** The constant {@code value}. */
  public static SymBool constant(boolean value) {
    return value ? TRUE : FALSE;
  }

  /**
   * A symbolic boolean of a trace; {@code handle} is the framework's graph handle (may be null).
   */
  public static SymBool of(BoolExpr expr, SymContext ctx, Object handle) {
    checkNotNull(expr, "expr");
    checkNotNull(ctx, "ctx");
    if (expr.isConstant()) {
      return constant(expr.isTrue());
    }
    return new SymBool(expr, ctx, handle);
  }

  /** The expression. */
  public BoolExpr expr() {
    return expr;
  }

  /** The context, empty for constants. */
  public Optional<SymContext> context() {
    return Optional.ofNullable(ctx);
  }

  /** The framework's graph handle, or null. */
  public Object handle() {
    return handle;
  }

  /** True when the value is a known constant. */
  public boolean isConstant() {
    return expr.isConstant();
  }

  /**
   * The Java value: a constant's value, else decided statically or guarded on the example values
   * (PyTorch's {@code guard_bool}).
   *
   * @throws dev.symshapes.solver.DataDependentException when it depends on data and is not decided
   */
  public boolean bool() {
    if (ctx == null) {
      return expr.isTrue();
    }
    return ctx.env().evaluateExpr(expr);
  }

  /** PyTorch's {@code guard_or_false}: false for undecided data-dependent conditions. */
  public boolean guardOrFalse() {
    return ctx == null ? expr.isTrue() : ctx.env().guardOrFalse(expr);
  }

  /** PyTorch's {@code guard_or_true}: true for undecided data-dependent conditions. */
  public boolean guardOrTrue() {
    return ctx == null ? expr.isTrue() : ctx.env().guardOrTrue(expr);
  }

  /** True when statically known to hold; never guards. */
  public boolean staticallyKnownTrue() {
    return ctx == null ? expr.isTrue() : ctx.env().staticallyKnownTrue(expr);
  }

  /**
   * PyTorch's {@code torch._check(cond)}: records a runtime assert (nothing when statically true).
   *
   * @throws dev.symshapes.solver.ContradictionException if it can never hold
   */
  public void check() {
    if (ctx == null) {
      if (!expr.isTrue()) {
        throw new IllegalArgumentException("check(False) can never hold");
      }
      return;
    }
    ctx.userCheck(this);
  }

  /**
   * A plain assertion on the condition, as Python's {@code assert} on a symbolic boolean is traced:
   * a runtime assert, like {@link #check()} (nothing when statically true), but not a call of
   * {@code torch._check}, so a tracer does not replay it at the end of the trace. Java's {@code
   * assert} statement cannot take a {@code SymBool}, and {@code assert cond.bool()} would guard
   * instead (and run only with {@code -ea}).
   *
   * <pre>{@code
   * w.size(0).le(512).assertTrue();   // runtime_assert s0 <= 512 [guard added]
   * }</pre>
   *
   * @throws dev.symshapes.solver.ContradictionException if it can never hold
   */
  public void assertTrue() {
    if (ctx == null) {
      if (!expr.isTrue()) {
        throw new IllegalArgumentException("assertTrue(False) can never hold");
      }
      return;
    }
    ctx.env().check(expr);
  }

  /** {@code this and o}, without guarding. */
  public SymBool and(SymBool o) {
    return logic("and_", o, factory(o).and(lift(o, this), lift(this, o)));
  }

  /** {@code this or o}, without guarding. */
  public SymBool or(SymBool o) {
    return logic("or_", o, factory(o).or(lift(o, this), lift(this, o)));
  }

  /** {@code not this}, without guarding. */
  public SymBool not() {
    if (ctx == null) {
      return constant(!expr.isTrue());
    }
    BoolExpr r = ctx.env().factory().not(expr);
    Object h = handle == null ? null : ctx.recordSymOp("not_", List.of(handle), r);
    return of(r, ctx, h);
  }

  private ExprFactory factory(SymBool o) {
    SymContext c = SymInt.join(ctx, o.ctx);
    return c == null ? CONSTANTS : c.env().factory();
  }

  private static BoolExpr lift(SymBool other, SymBool v) {
    SymContext c = SymInt.join(other.ctx, v.ctx);
    if (c == null || v.ctx != null) {
      return v.expr;
    }
    return c.env().factory().bool(v.expr.isTrue());
  }

  private SymBool logic(String op, SymBool o, BoolExpr r) {
    SymContext c = SymInt.join(ctx, o.ctx);
    if (c == null) {
      return constant(r.isTrue());
    }
    Object h = null;
    if (handle != null && (o.handle != null || o.isConstant())) {
      h = c.recordSymOp(op, List.of(handle, o.handle != null ? o.handle : o.expr.isTrue()), r);
    }
    return of(r, c, h);
  }

  @Override
  public String toString() {
    return expr.toString();
  }
}
