package dev.symshapes.benchmarks.expr;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds symshapes expressions from corpus trees, bottom-up through one {@link ExprFactory}, so
 * that every intermediate result is canonicalized and interned (as sympy evaluates every
 * intermediate {@code Add}/{@code Mul} when it is built).
 *
 * <p>Mapping: {@code +} is {@link ExprFactory#add}, {@code *} {@link ExprFactory#mul}, {@code //}
 * {@link ExprFactory#floorDiv}, {@code %} {@link ExprFactory#mod}, {@code max}/{@code min} {@link
 * ExprFactory#max}/{@link ExprFactory#min}; symbols are {@link ExprFactory#symbol}, constants
 * {@link ExprFactory#integer}. Not thread-safe (it caches the symbols).
 */
public final class SymshapesBuilder {
  private final ExprFactory f;
  private final Map<String, IntExpr> symbols = new HashMap<>();

  /** A builder that makes expressions with {@code f}. */
  public SymshapesBuilder(ExprFactory f) {
    this.f = f;
  }

  /** The factory. */
  public ExprFactory factory() {
    return f;
  }

  /**
   * The canonical expression of {@code e}.
   *
   * @throws ArithmeticException if a divisor is the zero polynomial
   */
  public IntExpr build(RawExpr e) {
    return switch (e.op()) {
      case SYMBOL -> symbols.computeIfAbsent(e.symbol(), f::symbol);
      case CONSTANT -> f.integer(IntValue.of(e.constant()));
      case ADD -> f.add(build(e.left()), build(e.right()));
      case MUL -> f.mul(build(e.left()), build(e.right()));
      case FLOOR_DIV -> f.floorDiv(build(e.left()), build(e.right()));
      case MOD -> f.mod(build(e.left()), build(e.right()));
      case MAX -> f.max(build(e.left()), build(e.right()));
      case MIN -> f.min(build(e.left()), build(e.right()));
    };
  }
}
