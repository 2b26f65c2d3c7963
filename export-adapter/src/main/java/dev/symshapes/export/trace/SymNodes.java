package dev.symshapes.export.trace;

import dev.symshapes.export.graph.Target;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a symbolic expression as nodes appended to a tracer's graph: symbols become the nodes that
 * define them ({@code item}) or {@code sym_size.int} reads of an input's size, and the arithmetic
 * and comparisons become Python operators ({@code sym_size_int > 10}, {@code sym_size_int *
 * sym_size_int_1}), each node once per graph. This is how a {@code SymBool} such as {@code
 * x.size(2) > 10} becomes the predicate node of a {@code cond}.
 */
final class SymNodes {
  private final Tracer tracer;
  private final ExprFactory f;
  private final Map<Expr, Object> cache;

  private SymNodes(Tracer tracer) {
    this.tracer = tracer;
    this.f = tracer.env().factory();
    this.cache = tracer.symValues().exprNodes();
  }

  /** {@code e} as a node or constant of {@code tracer}'s graph; null if a symbol has no node. */
  static Object materialize(Tracer tracer, Expr e) {
    return new SymNodes(tracer).write(e).orElse(null);
  }

  private Optional<Object> write(Expr e) {
    Object known = cache.get(e);
    if (known != null) {
      return Optional.of(known);
    }
    if (e instanceof IntExpr ie && ie.constantValue() != null) {
      return Optional.of(ie.constantValue().longValueExact());
    }
    if (e instanceof BoolExpr be && be.isConstant()) {
      return Optional.of(be.isTrue());
    }
    Optional<Object> out = compute(e);
    out.ifPresent(n -> cache.put(e, n));
    return out;
  }

  private Optional<Object> compute(Expr e) {
    switch (e.kind()) {
      case SYMBOL:
        return tracer.symValues().symbolArg((Sym) e);
      case ADD:
        return add((Add) e);
      case MUL:
        return mul((Mul) e);
      case FLOOR_DIV:
      case CLEAN_DIV:
        return binary("floordiv", (IntCall) e);
      case MOD:
        return binary("mod", (IntCall) e);
      case MIN:
      case MAX:
        return minMax((IntCall) e);
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        {
          Relation r = (Relation) e;
          Optional<Object> l = write(r.lhs());
          Optional<Object> rr = write(r.rhs());
          if (l.isEmpty() || rr.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(op(e.kind().name().toLowerCase(Locale.ROOT), e, l.get(), rr.get()));
        }
      case AND:
      case OR:
        return logic((Logic) e);
      case NOT:
        return write(((Logic) e).args().get(0)).map(a -> op("not_", e, a));
      default:
        return Optional.empty();
    }
  }

  private Optional<Object> add(Add a) {
    List<Object> terms = new ArrayList<>();
    List<IntExpr> parts = new ArrayList<>();
    if (!a.constant().isZero()) {
      terms.add(a.constant().longValueExact());
      parts.add(f.integer(a.constant()));
    }
    for (int i = 0; i < a.termCount(); i++) {
      IntValue c = a.coefficients().get(i);
      IntExpr m = a.monomials().get(i);
      Optional<Object> n = write(m);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      IntExpr scaled = f.scale(m, c);
      terms.add(c.isOne() ? n.get() : op("mul", scaled, c.longValueExact(), n.get()));
      parts.add(scaled);
    }
    Object out = terms.get(0);
    List<IntExpr> acc = new ArrayList<>(List.of(parts.get(0)));
    for (int i = 1; i < terms.size(); i++) {
      acc.add(parts.get(i));
      out = op("add", f.sum(acc), out, terms.get(i));
    }
    return Optional.of(out);
  }

  private Optional<Object> mul(Mul m) {
    Object out = null;
    IntExpr acc = f.one();
    for (int i = 0; i < m.baseCount(); i++) {
      IntExpr b = m.bases().get(i);
      IntExpr factor = f.pow(b, m.exponent(i));
      Optional<Object> base = write(b);
      if (base.isEmpty()) {
        return Optional.empty();
      }
      Object fn =
          m.exponent(i) == 1 ? base.get() : op("pow", factor, base.get(), (long) m.exponent(i));
      acc = f.mul(acc, factor);
      out = out == null ? fn : op("mul", acc, out, fn);
    }
    return Optional.ofNullable(out);
  }

  private Optional<Object> binary(String name, IntCall c) {
    Optional<Object> l = write(c.intArg(0));
    Optional<Object> r = write(c.intArg(1));
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(op(name, c, l.get(), r.get()));
  }

  private Optional<Object> minMax(IntCall c) {
    boolean min = c.kind() == ExprKind.MIN;
    Optional<Object> out = write(c.intArg(0));
    IntExpr acc = c.intArg(0);
    for (int i = 1; i < c.args().size() && out.isPresent(); i++) {
      Optional<Object> next = write(c.intArg(i));
      if (next.isEmpty()) {
        return Optional.empty();
      }
      acc = min ? f.min(acc, c.intArg(i)) : f.max(acc, c.intArg(i));
      out = Optional.of(op(min ? "sym_min" : "sym_max", acc, out.get(), next.get()));
    }
    return out;
  }

  private Optional<Object> logic(Logic l) {
    boolean and = l.kind() == ExprKind.AND;
    List<BoolExpr> args = l.args();
    Optional<Object> out = write(args.get(0));
    BoolExpr acc = args.get(0);
    for (int i = 1; i < args.size() && out.isPresent(); i++) {
      Optional<Object> next = write(args.get(i));
      if (next.isEmpty()) {
        return Optional.empty();
      }
      acc = and ? f.and(acc, args.get(i)) : f.or(acc, args.get(i));
      out = Optional.of(op(and ? "and_" : "or_", acc, out.get(), next.get()));
    }
    return out;
  }

  private Object op(String name, Expr value, Object... args) {
    Object val =
        value instanceof IntExpr ie
            ? SymInt.of(ie, tracer, null)
            : SymBool.of((BoolExpr) value, tracer, null);
    Target.SymOp t = new Target.SymOp(name);
    Object n = tracer.graph().call(t, t.baseName(), List.of(args), new LinkedHashMap<>(), val);
    cache.put(value, n);
    return n;
  }
}
