package dev.symshapes.benchmarks.expr;

import java.util.HashMap;
import java.util.Map;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Builds and evaluates Symja expressions from corpus trees: the peer of {@link SymshapesBuilder}.
 *
 * <p>Symja canonicalizes when it evaluates, not when it builds, so {@link #build} makes the
 * unevaluated tree with {@code F.*} and {@link #evaluate} runs Symja's evaluator over it, which
 * orders, collects and folds {@code Plus}/{@code Times} and applies the rules of the functions.
 *
 * <p>Mapping: {@code +} is {@code Plus}, {@code *} {@code Times}, {@code a // b} {@code Floor(a/b)}
 * ({@code Divide}, then {@code Floor}; Symja's {@code Quotient} is defined for integers), {@code %}
 * {@code Mod} (Mathematica's {@code Mod}: the sign follows the divisor, as in Python), {@code
 * max}/{@code min} {@code Max}/{@code Min}; symbols are plain {@code F.symbol}s without
 * assumptions, as symshapes' symbols are (their rules hold for every integer).
 */
public final class SymjaBuilder {
  private final ExprEvaluator evaluator;
  private final Map<String, IExpr> symbols = new HashMap<>();

  /** A builder with a new Symja evaluator (the first one in a JVM takes seconds to start). */
  public SymjaBuilder() {
    this.evaluator = new ExprEvaluator();
  }

  /** The unevaluated Symja tree of {@code e}. */
  public IExpr build(RawExpr e) {
    return switch (e.op()) {
      case SYMBOL -> symbols.computeIfAbsent(e.symbol(), F::symbol);
      case CONSTANT -> F.ZZ(e.constant());
      case ADD -> F.Plus(build(e.left()), build(e.right()));
      case MUL -> F.Times(build(e.left()), build(e.right()));
      case FLOOR_DIV -> F.Floor(F.Divide(build(e.left()), build(e.right())));
      case MOD -> F.Mod(build(e.left()), build(e.right()));
      case MAX -> F.Max(build(e.left()), build(e.right()));
      case MIN -> F.Min(build(e.left()), build(e.right()));
    };
  }

  /** Symja's evaluated (canonical) form of {@code e}. */
  public IExpr evaluate(RawExpr e) {
    return evaluator.eval(build(e));
  }
}
