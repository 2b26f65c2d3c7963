package dev.symshapes.solver.smt;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognizes queries whose UNKNOWN from the range tier is already exact, so that asking Z3 would
 * only cost time (and, for a new environment, a Z3 context): a relation whose two sides differ by a
 * linear form {@code c0 + c1*x1 + ... + cn*xn} over distinct symbols that no fact other than their
 * own ranges mentions, and no symbol occurs on both sides.
 *
 * <p>Why that is exact: the symbols are then independent integers, each anywhere in its range, so
 * the linear form takes its minimum and its maximum at corners of the box; the range tier computed
 * exactly that interval, and found it to straddle the relation's boundary. For {@code <}, {@code
 * <=}, {@code >} and {@code >=} both outcomes are therefore reachable. For {@code Eq} and {@code
 * Ne}, every integer between the bounds is reachable when all coefficients are 1 or -1 (a sum of
 * integer intervals is an integer interval); with other coefficients parity can decide ({@code
 * Eq(2*s0, 5)} is FALSE), so Z3 is asked.
 */
final class SmtRelevance {
  private SmtRelevance() {}

  /** The symbols mentioned by facts other than range bounds. */
  static Set<Sym> relatedSymbols(List<BoolExpr> facts) {
    Set<Sym> out = new HashSet<>();
    for (BoolExpr f : facts) {
      if (!isBound(f)) {
        out.addAll(f.freeSymbols());
      }
    }
    return out;
  }

  /** {@code s >= c} or {@code s <= c}: the form {@link SmtFacts} gives range bounds. */
  private static boolean isBound(BoolExpr f) {
    if (!(f instanceof Relation r) || (r.kind() != ExprKind.GE && r.kind() != ExprKind.LE)) {
      return false;
    }
    return r.lhs().kind() == ExprKind.SYMBOL && r.rhs().kind() == ExprKind.INT_CONST;
  }

  /** Whether Z3 could decide {@code q} when the range tier could not. */
  static boolean worthAsking(BoolExpr q, Set<Sym> related) {
    if (!(q instanceof Relation r)) {
      return true;
    }
    for (Sym s : q.freeSymbols()) {
      if (related.contains(s)) {
        return true;
      }
    }
    for (Sym s : r.lhs().freeSymbols()) {
      // The range tier bounds each side on its own: exact for the difference only when no
      // symbol occurs on both sides (s0 + s1 > s0 is s1 > 0).
      if (r.rhs().freeSymbols().contains(s)) {
        return true;
      }
    }
    IntExpr d = q.factory().sub(r.lhs(), r.rhs());
    boolean unitCoefficients;
    if (d.kind() == ExprKind.SYMBOL) {
      unitCoefficients = true;
    } else if (d instanceof Add a) {
      unitCoefficients = true;
      for (int i = 0; i < a.termCount(); i++) {
        if (a.monomials().get(i).kind() != ExprKind.SYMBOL) {
          return true;
        }
        IntValue c = a.coefficients().get(i);
        unitCoefficients &= c.isOne() || c.isMinusOne();
      }
    } else {
      return true;
    }
    switch (r.kind()) {
      case LT:
      case LE:
      case GT:
      case GE:
        return false;
      case EQ:
      case NE:
        return !unitCoefficients;
      default:
        return true;
    }
  }
}
