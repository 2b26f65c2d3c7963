package dev.symshapes.solver.smt;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.solve.LinearSolver;
import dev.symshapes.expr.solve.Solution;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Recognizes queries whose UNKNOWN from the range tier is already exact, so that asking Z3 would
 * only cost time (and, for a new environment, a Z3 context). Skipping is always sound (the answer
 * stays UNKNOWN); the rules below make sure it loses nothing Z3 could have proved.
 *
 * <p>A relation qualifies when the two sides share no symbol, no fact relates its symbols (facts
 * that only bound one symbol, which the environment has folded into its range, and replacements by
 * one symbol, whose range the environment has narrowed, do not count), and the difference of the
 * sides is {@code c0 + c1*t1 + ... + cn*tn} with terms over pairwise disjoint symbols, each term a
 * symbol or a product of distinct symbols whose ranges lie in {@code [0, int_oo]}. Then the terms
 * are independent, each reaches both ends of its range, and the range tier's interval for the
 * difference is exact: it found the interval to straddle the relation's boundary, so for {@code <},
 * {@code <=}, {@code >} and {@code >=} both outcomes occur. For {@code Eq} and {@code Ne} the
 * difference must also take every integer of its interval: true when every term is a symbol with
 * coefficient 1 or -1 (a sum of integer intervals is an integer interval), or when one term is such
 * a symbol with a range unbounded on one side (adding it fills every gap); otherwise parity and
 * primes can decide ({@code Eq(2*s0, 5)}, {@code Eq(s2*s3, 7)}), and Z3 is asked.
 */
final class SmtRelevance {
  private SmtRelevance() {}

  /**
   * Whether the environment has folded {@code f} into ranges: a relation on one symbol that
   * isolates it against a constant, or an equality between two symbols ({@code Eq(s4, s2)}, a
   * replacement or a guard) up to a constant, whose ranges the environment intersects.
   */
  static boolean isAbsorbed(BoolExpr f) {
    if (!(f instanceof Relation r)) {
      return false;
    }
    Set<Sym> syms = f.freeSymbols();
    if (syms.size() == 1) {
      Solution s = LinearSolver.solve(f, syms.iterator().next());
      return s instanceof Solution.Solved solved
          && solved.kind() != ExprKind.NE
          && solved.rhs().constantValue() != null;
    }
    if (syms.size() == 2 && r.kind() == ExprKind.EQ) {
      IntExpr d = f.factory().sub(r.lhs(), r.rhs());
      return d instanceof Add a && a.termCount() == 2 && unitSymbols(a);
    }
    return false;
  }

  /**
   * Whether the replacement {@code s -> target} is absorbed in the sense of {@link #isAbsorbed} (as
   * the fact {@code Eq(s, target)}), decided on the target alone, without building the fact: a
   * constant, or one symbol with coefficient 1 or -1 plus a constant.
   */
  static boolean isAbsorbedReplacement(IntExpr target) {
    if (target.constantValue() != null || target instanceof Sym) {
      return true;
    }
    if (target instanceof Add a && a.termCount() == 1) {
      return unitSymbols(a);
    }
    return false;
  }

  private static boolean unitSymbols(Add a) {
    for (int i = 0; i < a.termCount(); i++) {
      IntValue c = a.coefficients().get(i);
      if (a.monomials().get(i).kind() != ExprKind.SYMBOL || !(c.isOne() || c.isMinusOne())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether Z3 could decide {@code q} when the range tier could not.
   *
   * @param related whether a fact that is not {@link #isAbsorbed absorbed} mentions a symbol of
   *     {@code q}; asked only for relations
   */
  static boolean worthAsking(BoolExpr q, BooleanSupplier related, Function<Sym, IntRange> ranges) {
    if (!(q instanceof Relation r)) {
      return true;
    }
    if (related.getAsBoolean()) {
      return true;
    }
    for (Sym s : r.lhs().freeSymbols()) {
      // The range tier bounds each side on its own: exact for the difference only when no
      // symbol occurs on both sides (s0 + s1 > s0 is s1 > 0).
      if (r.rhs().freeSymbols().contains(s)) {
        return true;
      }
    }
    IntExpr d = q.factory().sub(r.lhs(), r.rhs());
    List<IntExpr> terms;
    List<IntValue> coefficients;
    if (d instanceof Add a) {
      terms = a.monomials();
      coefficients = a.coefficients();
    } else {
      terms = List.of(d);
      coefficients = List.of(IntValue.ONE);
    }
    boolean allUnitSymbols = true;
    boolean unboundedUnitSymbol = false;
    Set<Sym> seen = new HashSet<>();
    for (int i = 0; i < terms.size(); i++) {
      IntExpr t = terms.get(i);
      for (Sym s : t.freeSymbols()) {
        if (!seen.add(s)) {
          return true; // terms share a symbol: not independent
        }
      }
      IntValue c = coefficients.get(i);
      boolean unit = c.isOne() || c.isMinusOne();
      if (t instanceof Sym s) {
        allUnitSymbols &= unit;
        IntRange rs = ranges.apply(s);
        unboundedUnitSymbol |= unit && (!rs.lower().isFinite() || !rs.upper().isFinite());
      } else if (t instanceof Mul m && nonNegativeProduct(m, ranges)) {
        allUnitSymbols = false;
      } else {
        return true;
      }
    }
    switch (r.kind()) {
      case LT:
      case LE:
      case GT:
      case GE:
        return false;
      case EQ:
      case NE:
        return !(allUnitSymbols || unboundedUnitSymbol);
      default:
        return true;
    }
  }

  /** A product of distinct symbols (exponents 1) whose ranges lie in {@code [0, int_oo]}. */
  private static boolean nonNegativeProduct(Mul m, Function<Sym, IntRange> ranges) {
    for (int i = 0; i < m.baseCount(); i++) {
      if (!(m.bases().get(i) instanceof Sym s) || m.exponent(i) != 1) {
        return false;
      }
      IntRange r = ranges.apply(s);
      if (!r.lower().isFinite() || r.lower().signum() < 0) {
        return false;
      }
    }
    return true;
  }
}
