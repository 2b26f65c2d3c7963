package dev.symshapes.solver.guardset;

import com.google.common.base.VerifyException;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntInfinity;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rebuilds an expression in another factory, renaming its symbols: a guard set names its symbols as
 * its author did ({@code s0}, {@code u3}, {@code batch}), while the shape environment that decides
 * it names them {@code u0, u1, ...}. Every node is rebuilt through the target factory, so the
 * result is in its canonical form.
 */
final class ExprTranslator {
  private final ExprFactory to;
  private final Function<Sym, IntExpr> symbols;
  private final Map<Expr, Expr> memo = new HashMap<>();

  /**
   * A translator into {@code to}.
   *
   * @param symbols the image of each symbol (must be made by {@code to})
   */
  ExprTranslator(ExprFactory to, Function<Sym, IntExpr> symbols) {
    this.to = to;
    this.symbols = symbols;
  }

  BoolExpr bool(BoolExpr e) {
    Expr hit = memo.get(e);
    if (hit != null) {
      return (BoolExpr) hit;
    }
    BoolExpr r = translateBool(e);
    memo.put(e, r);
    return r;
  }

  IntExpr integer(IntExpr e) {
    Expr hit = memo.get(e);
    if (hit != null) {
      return (IntExpr) hit;
    }
    IntExpr r = translateInt(e);
    memo.put(e, r);
    return r;
  }

  Expr any(Expr e) {
    return e.isInt() ? integer((IntExpr) e) : bool((BoolExpr) e);
  }

  private BoolExpr translateBool(BoolExpr e) {
    switch (e.kind()) {
      case BOOL_CONST:
        return to.bool(e.isTrue());
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        {
          Relation r = (Relation) e;
          return to.relation(r.kind(), integer(r.lhs()), integer(r.rhs()));
        }
      case AND:
        return to.and(bools(((Logic) e).args()));
      case OR:
        return to.or(bools(((Logic) e).args()));
      case NOT:
        return to.not(bool(((Logic) e).args().get(0)));
      default:
        throw new VerifyException("not a boolean kind: " + e.kind());
    }
  }

  private List<BoolExpr> bools(List<BoolExpr> args) {
    List<BoolExpr> out = new ArrayList<>(args.size());
    for (BoolExpr a : args) {
      out.add(bool(a));
    }
    return out;
  }

  private IntExpr translateInt(IntExpr e) {
    switch (e.kind()) {
      case INT_CONST:
        return to.integer(e.constantValue());
      case INT_INFINITY:
        return ((IntInfinity) e).isNegative() ? to.negIntInfinity() : to.intInfinity();
      case SYMBOL:
        {
          IntExpr s = symbols.apply((Sym) e);
          if (s == null) {
            throw new VerifyException("no image for symbol " + e);
          }
          return s;
        }
      case ADD:
        {
          Add a = (Add) e;
          List<IntExpr> terms = new ArrayList<>(a.termCount() + 1);
          terms.add(to.integer(a.constant()));
          for (int i = 0; i < a.termCount(); i++) {
            terms.add(to.scale(integer(a.monomials().get(i)), a.coefficients().get(i)));
          }
          return to.sum(terms);
        }
      case MUL:
        {
          Mul m = (Mul) e;
          List<IntExpr> factors = new ArrayList<>(m.baseCount());
          for (int i = 0; i < m.baseCount(); i++) {
            factors.add(to.pow(integer(m.bases().get(i)), m.exponent(i)));
          }
          return to.product(factors);
        }
      case FLOOR_DIV:
        return to.floorDiv(arg(e, 0), arg(e, 1));
      case CLEAN_DIV:
        return to.cleanDiv(arg(e, 0), arg(e, 1));
      case MOD:
        return to.mod(arg(e, 0), arg(e, 1));
      case MODULAR_INDEXING:
        return to.modularIndexing(arg(e, 0), arg(e, 1), arg(e, 2));
      case MIN:
      case MAX:
        {
          IntCall c = (IntCall) e;
          List<IntExpr> args = new ArrayList<>(c.args().size());
          for (int i = 0; i < c.args().size(); i++) {
            args.add(arg(e, i));
          }
          return e.kind() == dev.symshapes.expr.ExprKind.MIN ? to.min(args) : to.max(args);
        }
      case WHERE:
        {
          IntCall c = (IntCall) e;
          return to.where(bool(c.condition()), arg(e, 1), arg(e, 2));
        }
      default:
        throw new VerifyException("not an integer kind: " + e.kind());
    }
  }

  private IntExpr arg(IntExpr call, int i) {
    return integer(((IntCall) call).intArg(i));
  }
}
