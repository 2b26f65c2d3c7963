package dev.symshapes.solver.constraint;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import java.util.Optional;

/**
 * An expression of the form {@code a*s + b} over one symbol {@code s} with {@code a >= 1}: the
 * forms derived dims can express.
 *
 * @param a the coefficient, at least 1
 * @param symbol the symbol
 * @param b the offset
 */
record Linear(IntValue a, Sym symbol, IntValue b) {
  /** {@code e} as {@code a*s + b} with {@code a >= 1}, if it has that form. */
  static Optional<Linear> of(IntExpr e) {
    if (e instanceof Sym s) {
      return Optional.of(new Linear(IntValue.ONE, s, IntValue.ZERO));
    }
    if (e instanceof Add add
        && add.termCount() == 1
        && add.monomials().get(0) instanceof Sym s
        && add.coefficients().get(0).signum() > 0) {
      return Optional.of(new Linear(add.coefficients().get(0), s, add.constant()));
    }
    return Optional.empty();
  }

  /** The value at {@code s = v}. */
  IntValue at(IntValue v) {
    return a.multiply(v).add(b);
  }

  /** {@code 2*dx + 1}, {@code dx - 1}, {@code dx}: sympy's spelling of {@code a*root + b}. */
  static String name(String root, long a, long b) {
    return name(root, IntValue.of(a), IntValue.of(b));
  }

  /** {@link #name(String, long, long)} for exact values. */
  static String name(String root, IntValue a, IntValue b) {
    StringBuilder sb = new StringBuilder();
    if (!a.isOne()) {
      sb.append(a).append('*');
    }
    sb.append(root);
    if (b.signum() > 0) {
      sb.append(" + ").append(b);
    } else if (b.signum() < 0) {
      sb.append(" - ").append(b.negate());
    }
    return sb.toString();
  }
}
