package dev.symshapes.solver;

import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;

/**
 * An expression that divides by zero where the shape environment evaluates it: a floor division,
 * {@code CleanDiv}, {@code Mod} or {@code ModularIndexing} whose divisor is 0 after the known
 * replacements, or at the example inputs when a guard is evaluated on them. Such an expression has
 * no value (PyTorch raises {@code ZeroDivisionError} in the same places, and {@code ExprFactory}
 * rejects a literal zero divisor), so it can be neither proven nor refuted: it is an error, not an
 * UNKNOWN answer. The message starts with the words of the expression module's own error:
 *
 * <pre>
 * division by zero: the divisor u1 of (u0//u1) in Eq(u1, u0 + ((u0//u1))) is 0 because of
 * Eq(u1, 0) (runtime assert added at MyModel.java:12 in forward)
 * </pre>
 *
 * The shape environment is left exactly as it was before the failing operation.
 */
public final class DivisionByZeroException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Expr expr;
  private final transient IntExpr division;

  /**
   * A division by zero in {@code expr}, at the sub-expression {@code division} (null when it could
   * not be located), described by {@code message}.
   */
  public DivisionByZeroException(String message, Expr expr, IntExpr division) {
    super(message);
    this.expr = expr;
    this.division = division;
  }

  /** The expression that could not be evaluated, as stated. */
  public Expr expr() {
    return expr;
  }

  /** The division or remainder whose divisor is 0, as stated in {@link #expr()}, if located. */
  public java.util.Optional<IntExpr> division() {
    return java.util.Optional.ofNullable(division);
  }
}
