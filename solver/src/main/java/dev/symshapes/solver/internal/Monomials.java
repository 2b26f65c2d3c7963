package dev.symshapes.solver.internal;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Mul;

/**
 * Small questions about monomials (products of atoms with natural exponents, as in the canonical
 * polynomial form), answered without building expressions.
 */
final class Monomials {
  private Monomials() {}

  /** The exponent of {@code base} in monomial {@code m} (0 when absent). */
  static int exponent(IntExpr m, IntExpr base) {
    if (m == base) {
      return 1;
    }
    if (m.kind() == ExprKind.MUL) {
      Mul mul = (Mul) m;
      for (int i = 0; i < mul.baseCount(); i++) {
        if (mul.bases().get(i) == base) {
          return mul.exponent(i);
        }
      }
    }
    return 0;
  }

  /** Whether monomial {@code m} divides monomial {@code n}. */
  static boolean divides(IntExpr m, IntExpr n) {
    if (m.kind() != ExprKind.MUL) {
      return exponent(n, m) >= 1;
    }
    Mul mul = (Mul) m;
    for (int i = 0; i < mul.baseCount(); i++) {
      if (exponent(n, mul.bases().get(i)) < mul.exponent(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an equation {@code lhs == rhs} certainly has no polynomial solution for {@code x}:
   * {@code x} occurs (to the first power) in exactly one monomial {@code c*x*m} with {@code m} not
   * constant, so isolating {@code x} divides by {@code c*m}, and some other term is not a multiple
   * of {@code m} ({@code Eq(s2*s3, s5)} for {@code s2}). Answers false when unsure.
   */
  static boolean noPolynomialSolution(IntExpr lhs, IntExpr rhs, IntExpr x) {
    IntExpr[] found = {null};
    if (!scan(lhs, x, found) || !scan(rhs, x, found) || found[0] == null) {
      return false;
    }
    IntExpr xm = found[0];
    if (xm.kind() != ExprKind.MUL || ((Mul) xm).baseCount() < 2) {
      return false;
    }
    return !allMultiples(lhs, xm, x) || !allMultiples(rhs, xm, x);
  }

  /**
   * Finds the single monomial with x; false if x occurs otherwise (powers, inside calls, twice).
   */
  private static boolean scan(IntExpr side, IntExpr x, IntExpr[] found) {
    if (side.kind() == ExprKind.ADD) {
      for (IntExpr m : ((Add) side).monomials()) {
        if (!scanTerm(m, x, found)) {
          return false;
        }
      }
      return true;
    }
    return side.kind() == ExprKind.INT_CONST || scanTerm(side, x, found);
  }

  private static boolean scanTerm(IntExpr m, IntExpr x, IntExpr[] found) {
    if (!m.freeSymbols().contains(x)) {
      return true;
    }
    if (m.kind() != ExprKind.MUL || exponent(m, x) != 1 || found[0] != null) {
      return false;
    }
    for (IntExpr b : ((Mul) m).bases()) {
      if (b != x && b.freeSymbols().contains(x)) {
        return false;
      }
    }
    found[0] = m;
    return true;
  }

  /** Whether every term of {@code side} other than {@code xm} is a multiple of {@code xm / x}. */
  private static boolean allMultiples(IntExpr side, IntExpr xm, IntExpr x) {
    switch (side.kind()) {
      case INT_CONST:
        return side.constantValue().isZero();
      case ADD:
        Add a = (Add) side;
        if (!a.constant().equals(IntValue.ZERO)) {
          return false;
        }
        for (IntExpr m : a.monomials()) {
          if (m != xm && !dividesWithout(xm, x, m)) {
            return false;
          }
        }
        return true;
      default:
        return side == xm || dividesWithout(xm, x, side);
    }
  }

  /** Whether {@code xm / x} divides {@code n}. */
  private static boolean dividesWithout(IntExpr xm, IntExpr x, IntExpr n) {
    Mul mul = (Mul) xm;
    for (int i = 0; i < mul.baseCount(); i++) {
      IntExpr b = mul.bases().get(i);
      int need = b == x ? mul.exponent(i) - 1 : mul.exponent(i);
      if (need > 0 && exponent(n, b) < need) {
        return false;
      }
    }
    return true;
  }
}
