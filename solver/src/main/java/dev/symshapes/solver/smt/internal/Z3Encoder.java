package dev.symshapes.solver.smt.internal;

import com.google.common.base.VerifyException;
import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolSort;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntSort;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates symshapes expressions into Z3 terms over the integers, exactly.
 *
 * <p>Python's floor division and modulo differ from SMT-LIB's {@code div} and {@code mod}, which
 * are Euclidean (the remainder is never negative): {@code 7 // -2 == -4} in Python, but {@code (div
 * 7 (- 2))} is {@code -3}. For a positive divisor the two agree; for a negative one, {@code a // b
 * == (div (- a) (- b))} and {@code a % b == (- (mod (- a) (- b)))}. A divisor of unknown sign gets
 * both, chosen by {@code ite}. Division by zero raises in Python; Z3 leaves {@code (div a 0)}
 * unspecified, so an answer that holds in Z3 holds for every value the division could have, which
 * is sound for every assignment where Python does not raise.
 *
 * <p>Terms are memoized per encoder (expressions are hash-consed, so the memo is exact); an encoder
 * belongs to one Z3 context.
 */
final class Z3Encoder {
  /**
   * The largest exponent encoded as a product; beyond it a power is refused. Non-linear terms of
   * such degree are beyond what Z3 settles within a query budget anyway.
   */
  static final int MAX_EXPONENT = 64;

  /**
   * The deepest expression encoded: the encoder recurses, so a deeper one (a condition nested
   * thousands of levels, a long chain of {@code //}) is refused instead of overflowing the stack.
   * Shape expressions of real programs are a few levels deep.
   */
  static final int MAX_DEPTH = 500;

  /** Memo entries kept before the memo is cleared, to bound memory in long runs. */
  private static final int MAX_MEMO = 1 << 16;

  /** A formula that cannot be encoded exactly; the caller answers UNKNOWN or drops the fact. */
  static final class NotEncodable extends Exception {
    private static final long serialVersionUID = 1L;

    NotEncodable(String message) {
      super(message, null, false, false);
    }
  }

  private static void checkDepth(dev.symshapes.expr.Expr e) throws NotEncodable {
    if (e.depth() > MAX_DEPTH) {
      throw new NotEncodable(
          "expression " + e.depth() + " levels deep exceeds " + MAX_DEPTH + " levels");
    }
  }

  private final Context ctx;
  private final Map<dev.symshapes.expr.Expr, Expr<?>> memo = new HashMap<>();

  Z3Encoder(Context ctx) {
    this.ctx = ctx;
  }

  /** The Z3 formula of {@code e}. */
  @SuppressWarnings("unchecked")
  Expr<BoolSort> bool(BoolExpr e) throws NotEncodable {
    checkDepth(e);
    Expr<?> hit = memo.get(e);
    if (hit != null) {
      return (Expr<BoolSort>) hit;
    }
    Expr<BoolSort> r = encodeBool(e);
    remember(e, r);
    return r;
  }

  /** The Z3 term of {@code e}. */
  @SuppressWarnings("unchecked")
  ArithExpr<IntSort> integer(IntExpr e) throws NotEncodable {
    checkDepth(e);
    Expr<?> hit = memo.get(e);
    if (hit != null) {
      return (ArithExpr<IntSort>) hit;
    }
    ArithExpr<IntSort> r = encodeInt(e);
    remember(e, r);
    return r;
  }

  private void remember(dev.symshapes.expr.Expr e, Expr<?> z) {
    if (memo.size() >= MAX_MEMO) {
      memo.clear();
    }
    memo.put(e, z);
  }

  private Expr<BoolSort> encodeBool(BoolExpr e) throws NotEncodable {
    switch (e.kind()) {
      case BOOL_CONST:
        return ctx.mkBool(e.isTrue());
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        return relation((Relation) e);
      case AND:
        return ctx.mkAnd(bools(((Logic) e).args()));
      case OR:
        return ctx.mkOr(bools(((Logic) e).args()));
      case NOT:
        return ctx.mkNot(bool(((Logic) e).args().get(0)));
      default:
        throw new VerifyException("not a boolean kind: " + e.kind() + " in " + e);
    }
  }

  @SuppressWarnings("unchecked")
  private Expr<BoolSort>[] bools(List<BoolExpr> args) throws NotEncodable {
    Expr<BoolSort>[] out = new Expr[args.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bool(args.get(i));
    }
    return out;
  }

  private Expr<BoolSort> relation(Relation r) throws NotEncodable {
    ArithExpr<IntSort> a = integer(r.lhs());
    ArithExpr<IntSort> b = integer(r.rhs());
    switch (r.kind()) {
      case EQ:
        return ctx.mkEq(a, b);
      case NE:
        return ctx.mkNot(ctx.mkEq(a, b));
      case LT:
        return ctx.mkLt(a, b);
      case LE:
        return ctx.mkLe(a, b);
      case GT:
        return ctx.mkGt(a, b);
      case GE:
        return ctx.mkGe(a, b);
      default:
        throw new VerifyException("not a relation: " + r.kind());
    }
  }

  private ArithExpr<IntSort> encodeInt(IntExpr e) throws NotEncodable {
    switch (e.kind()) {
      case INT_CONST:
        return constant(e.constantValue());
      case INT_INFINITY:
        throw new NotEncodable("int_oo has no integer value (in " + e + ")");
      case SYMBOL:
        return ctx.mkIntConst(((Sym) e).name());
      case ADD:
        return sum((Add) e);
      case MUL:
        return monomial((Mul) e);
      case FLOOR_DIV:
      case CLEAN_DIV:
        {
          IntCall c = (IntCall) e;
          return floorDiv(integer(c.intArg(0)), c.intArg(1));
        }
      case MOD:
        {
          IntCall c = (IntCall) e;
          return floorMod(integer(c.intArg(0)), c.intArg(1));
        }
      case MODULAR_INDEXING:
        {
          IntCall c = (IntCall) e;
          ArithExpr<IntSort> q = floorDiv(integer(c.intArg(0)), c.intArg(1));
          return floorMod(q, c.intArg(2));
        }
      case MIN:
      case MAX:
        return minMax((IntCall) e);
      case WHERE:
        {
          IntCall c = (IntCall) e;
          return (ArithExpr<IntSort>)
              ctx.mkITE(bool(c.condition()), integer(c.intArg(1)), integer(c.intArg(2)));
        }
      default:
        throw new VerifyException("not an integer kind: " + e.kind() + " in " + e);
    }
  }

  private ArithExpr<IntSort> constant(IntValue v) {
    return v.fitsLong() ? ctx.mkInt(v.longValueExact()) : ctx.mkInt(v.toString());
  }

  @SuppressWarnings("unchecked")
  private ArithExpr<IntSort> sum(Add a) throws NotEncodable {
    List<ArithExpr<IntSort>> terms = new ArrayList<>(a.termCount() + 1);
    if (!a.constant().isZero()) {
      terms.add(constant(a.constant()));
    }
    for (int i = 0; i < a.termCount(); i++) {
      ArithExpr<IntSort> m = integer(a.monomials().get(i));
      IntValue c = a.coefficients().get(i);
      terms.add(c.isOne() ? m : ctx.mkMul(constant(c), m));
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    return ctx.mkAdd(terms.toArray(new ArithExpr[0]));
  }

  @SuppressWarnings("unchecked")
  private ArithExpr<IntSort> monomial(Mul m) throws NotEncodable {
    List<ArithExpr<IntSort>> factors = new ArrayList<>();
    for (int i = 0; i < m.baseCount(); i++) {
      int n = m.exponent(i);
      if (n > MAX_EXPONENT) {
        throw new NotEncodable("exponent " + n + " exceeds " + MAX_EXPONENT + " (in " + m + ")");
      }
      ArithExpr<IntSort> b = integer(m.bases().get(i));
      for (int k = 0; k < n; k++) {
        factors.add(b);
      }
    }
    return ctx.mkMul(factors.toArray(new ArithExpr[0]));
  }

  /** Python's {@code a // b}. */
  private ArithExpr<IntSort> floorDiv(ArithExpr<IntSort> a, IntExpr divisor) throws NotEncodable {
    IntValue c = divisor.constantValue();
    if (c != null && c.signum() > 0) {
      return ctx.mkDiv(a, constant(c));
    }
    if (c != null && c.signum() < 0) {
      return ctx.mkDiv(ctx.mkUnaryMinus(a), constant(c.negate()));
    }
    ArithExpr<IntSort> b = integer(divisor);
    return (ArithExpr<IntSort>)
        ctx.mkITE(
            ctx.mkGe(b, ctx.mkInt(0)),
            ctx.mkDiv(a, b),
            ctx.mkDiv(ctx.mkUnaryMinus(a), ctx.mkUnaryMinus(b)));
  }

  /** Python's {@code a % b}: the sign follows the divisor. */
  private ArithExpr<IntSort> floorMod(ArithExpr<IntSort> a, IntExpr divisor) throws NotEncodable {
    IntValue c = divisor.constantValue();
    if (c != null && c.signum() > 0) {
      return ctx.mkMod(a, constant(c));
    }
    if (c != null && c.signum() < 0) {
      return ctx.mkUnaryMinus(ctx.mkMod(ctx.mkUnaryMinus(a), constant(c.negate())));
    }
    ArithExpr<IntSort> b = integer(divisor);
    return (ArithExpr<IntSort>)
        ctx.mkITE(
            ctx.mkGe(b, ctx.mkInt(0)),
            ctx.mkMod(a, b),
            ctx.mkUnaryMinus(ctx.mkMod(ctx.mkUnaryMinus(a), ctx.mkUnaryMinus(b))));
  }

  @SuppressWarnings("unchecked")
  private ArithExpr<IntSort> minMax(IntCall c) throws NotEncodable {
    boolean min = c.kind() == dev.symshapes.expr.ExprKind.MIN;
    ArithExpr<IntSort> acc = integer(c.intArg(0));
    for (int i = 1; i < c.args().size(); i++) {
      ArithExpr<IntSort> x = integer(c.intArg(i));
      Expr<BoolSort> takeX = min ? ctx.mkLt(x, acc) : ctx.mkGt(x, acc);
      acc = (ArithExpr<IntSort>) ctx.mkITE(takeX, x, acc);
    }
    return acc;
  }
}
