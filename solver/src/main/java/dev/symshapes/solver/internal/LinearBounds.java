package dev.symshapes.solver.internal;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntConst;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import java.util.function.Function;

/**
 * Range refinement for the common case without building expressions: a relation that is linear in
 * its symbols ({@code 2*u0 + s1 - 3 < u2}) narrows each symbol to what the ranges of the others
 * allow, by interval arithmetic with exact integer rounding. This is what isolating the symbol with
 * the linear solver and bounding the other side gives for such relations (each symbol occurs once,
 * so the interval sum is exact), at a fraction of the cost; other relations are left to the solver
 * ({@link Outcome#NOT_LINEAR}).
 */
final class LinearBounds {
  private LinearBounds() {}

  /** The outcome of {@link #refine}. */
  enum Outcome {
    /** The relation is not linear in its symbols: solve it instead. */
    NOT_LINEAR,
    /** {@link Refinement#range} is the range the relation allows for the symbol. */
    RANGE,
    /** No integer value of the symbol satisfies the relation ({@code Eq(2*x, 5)}). */
    NO_VALUE
  }

  /** What a relation says about one symbol. */
  record Refinement(Outcome outcome, IntRange range) {}

  private static final Refinement NOT_LINEAR = new Refinement(Outcome.NOT_LINEAR, null);
  private static final Refinement NO_VALUE = new Refinement(Outcome.NO_VALUE, null);

  /**
   * The range {@code r} allows for {@code x}, given the ranges of its other symbols. Besides
   * symbols and constants, the relation may have one other term (a product, a floor division, ...)
   * without {@code x} whose symbols occur nowhere else in it: its range from {@link RangeAnalyzer}
   * adds exactly to the others' ({@code Eq(s2*s3, s5)} narrows {@code s5} to {@code [4, int_oo]}).
   */
  static Refinement refine(Relation r, Sym x, Function<Sym, IntRange> ranges) {
    // d = lhs - rhs = c*x + rest; rest in [lo, hi].
    Acc acc = new Acc(x, ranges);
    if (!acc.addSide(r.lhs(), IntValue.ONE)
        || !acc.addSide(r.rhs(), IntValue.MINUS_ONE)
        || acc.c.isZero()
        || !acc.opaqueIsIndependent(r)) {
      return NOT_LINEAR;
    }
    Bound[] rest = acc.rest;
    // c*x op -rest, with -rest in [-hi, -lo]; make c positive by negating both sides.
    ExprKind op = r.kind();
    IntValue k = acc.c;
    Bound nlo = neg(rest[1]);
    Bound nhi = neg(rest[0]);
    if (k.signum() < 0) {
      k = k.negate();
      Bound t = nlo;
      nlo = neg(nhi);
      nhi = neg(t);
      op = mirror(op);
    }
    // x op q for some q in [nlo/k, nhi/k].
    switch (op) {
      case EQ:
        return range(ceil(nlo, k), floor(nhi, k));
      case GE:
        return range(ceil(nlo, k), Bound.INT_OO);
      case GT:
        return range(plusOne(floor(nlo, k)), Bound.INT_OO);
      case LE:
        return range(Bound.NEG_INT_OO, floor(nhi, k));
      case LT:
        return range(Bound.NEG_INT_OO, minusOne(ceil(nhi, k)));
      default:
        return new Refinement(Outcome.RANGE, IntRange.all()); // Ne narrows nothing
    }
  }

  /** Collects {@code c*x + rest}, with the range of the rest. */
  private static final class Acc {
    final Sym x;
    final Function<Sym, IntRange> ranges;
    IntValue c = IntValue.ZERO;
    final Bound[] rest = {Bound.ZERO, Bound.ZERO};
    IntExpr opaque;
    int symbolTerms;

    Acc(Sym x, Function<Sym, IntRange> ranges) {
      this.x = x;
      this.ranges = ranges;
    }

    /** Adds {@code sign*side}; false if it is not of the supported form. */
    boolean addSide(IntExpr side, IntValue sign) {
      switch (side.kind()) {
        case INT_CONST:
          addConstant(((IntConst) side).value().multiply(sign));
          return true;
        case ADD:
          Add a = (Add) side;
          addConstant(a.constant().multiply(sign));
          for (int i = 0; i < a.monomials().size(); i++) {
            if (!addTerm(a.monomials().get(i), a.coefficients().get(i).multiply(sign))) {
              return false;
            }
          }
          return true;
        default:
          return addTerm(side, sign);
      }
    }

    private boolean addTerm(IntExpr t, IntValue coef) {
      if (t == x) {
        c = c.add(coef);
        return true;
      }
      IntRange rt;
      if (t.kind() == ExprKind.SYMBOL) {
        symbolTerms++;
        rt = ranges.apply((Sym) t);
      } else {
        if (opaque != null || t.freeSymbols().contains(x)) {
          return false;
        }
        opaque = t;
        rt = RangeAnalyzer.create().bound(t, ranges);
      }
      Bound lo = coef.signum() > 0 ? rt.lower() : rt.upper();
      Bound hi = coef.signum() > 0 ? rt.upper() : rt.lower();
      rest[0] = add(rest[0], scale(lo, coef));
      rest[1] = add(rest[1], scale(hi, coef));
      return true;
    }

    private void addConstant(IntValue v) {
      rest[0] = add(rest[0], Bound.of(v));
      rest[1] = add(rest[1], Bound.of(v));
    }

    /** The opaque term's symbols occur in no other term, so its range adds exactly. */
    boolean opaqueIsIndependent(Relation r) {
      return opaque == null
          || opaque.freeSymbols().size() + symbolTerms + 1 == r.freeSymbols().size();
    }
  }

  // ---- extended integer arithmetic (no infinity of opposite signs is ever added: each side of
  // the interval only collects lower or only upper bounds) ----

  private static Bound add(Bound a, Bound b) {
    if (!a.isFinite()) {
      return a;
    }
    if (!b.isFinite()) {
      return b;
    }
    return Bound.of(a.value().add(b.value()));
  }

  private static Bound scale(Bound b, IntValue k) {
    if (b.isFinite()) {
      return Bound.of(b.value().multiply(k));
    }
    return (b.signum() > 0) == (k.signum() > 0) ? Bound.INT_OO : Bound.NEG_INT_OO;
  }

  private static Bound neg(Bound b) {
    if (b.isFinite()) {
      return Bound.of(b.value().negate());
    }
    return b.signum() > 0 ? Bound.NEG_INT_OO : Bound.INT_OO;
  }

  private static Bound floor(Bound b, IntValue k) {
    return b.isFinite() ? Bound.of(b.value().floorDiv(k)) : b;
  }

  private static Bound ceil(Bound b, IntValue k) {
    return b.isFinite() ? Bound.of(b.value().negate().floorDiv(k).negate()) : b;
  }

  private static Bound plusOne(Bound b) {
    return b.isFinite() ? Bound.of(b.value().add(IntValue.ONE)) : b;
  }

  private static Bound minusOne(Bound b) {
    return b.isFinite() ? Bound.of(b.value().subtract(IntValue.ONE)) : b;
  }

  private static Refinement range(Bound lo, Bound hi) {
    if (lo.compareTo(hi) > 0) {
      return NO_VALUE;
    }
    return new Refinement(Outcome.RANGE, IntRange.of(lo, hi));
  }

  private static ExprKind mirror(ExprKind op) {
    switch (op) {
      case LT:
        return ExprKind.GT;
      case LE:
        return ExprKind.GE;
      case GT:
        return ExprKind.LT;
      case GE:
        return ExprKind.LE;
      default:
        return op;
    }
  }
}
