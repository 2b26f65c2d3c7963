package dev.symshapes.export;

import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Tracer;
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
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.ShapeEnv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PyTorch's {@code insert_deferred_runtime_asserts} ({@code torch/fx/passes/runtime_assert.py}) for
 * exported programs: after the node that defines an unbacked symbol ({@code item}), it inserts
 *
 * <ol>
 *   <li>{@code sym_constrain_range_for_size.default(item)} when the symbol is size-like;
 *   <li>{@code item >= lo} and {@code item <= hi} with {@code _assert_scalar} for the finite bounds
 *       of the symbol's range, when the range is narrower than {@code [-int_oo, int_oo]};
 *   <li>the runtime asserts recorded for the symbol ({@code check(...)}), each materialized as
 *       operator nodes and an {@code _assert_scalar} with the message {@code Runtime assertion
 *       failed for expression u0 >= 10 on node 'ge_1'}, skipping duplicates and single-symbol
 *       bounds already covered by the range.
 * </ol>
 *
 * <p>A runtime assert belongs to its highest-numbered unbacked symbol; if one of its symbols has no
 * node yet, it waits for the alphabetically first missing one, as in PyTorch. Runtime asserts on
 * backed symbols only are not graph nodes: the exported module checks them on its inputs. Unlike
 * PyTorch, an assert that cannot be written as graph nodes fails the export instead of being
 * dropped silently.
 *
 * <p>In {@link ExportMode#STRICT}, the pass first runs without adding nodes, only taking the names
 * its comparison nodes would get: PyTorch's strict export inserts the asserts into Dynamo's graph,
 * traces that graph again (where those comparisons are named {@code ge}, {@code le}, ...) and then
 * inserts them once more, so that the final nodes are {@code ge_1}, {@code le_1}.
 */
final class RuntimeAssertPass {
  /** Whether a run adds nodes or only takes the names its nodes would get. */
  private enum Run {
    RESERVE_NAMES,
    INSERT
  }

  static final OpDef ASSERT_SCALAR = AtenOps.ASSERT_SCALAR;
  static final OpDef SYM_CONSTRAIN_RANGE_FOR_SIZE = AtenOps.SYM_CONSTRAIN_RANGE_FOR_SIZE;

  private final Graph graph;
  private final ShapeEnv env;
  private final Tracer tracer;
  private final ExprFactory f;
  private final Run run;
  private final Map<Expr, Object> exprToNode = new HashMap<>();
  private final Set<BoolExpr> added = new HashSet<>();
  private final Set<Sym> constrained = new HashSet<>();
  private final Map<Sym, List<BoolExpr>> rasBySymbol = new LinkedHashMap<>();
  private Node anchor;

  private RuntimeAssertPass(Graph graph, ShapeEnv env, Tracer tracer, Run run) {
    this.graph = graph;
    this.env = env;
    this.tracer = tracer;
    this.f = env.factory();
    this.run = run;
  }

  /** Runs the pass on the graph of {@code tracer}, naming nodes as {@code mode}'s front end. */
  static void run(Tracer tracer, ExportMode mode) {
    if (mode == ExportMode.STRICT) {
      new RuntimeAssertPass(tracer.graph(), tracer.env(), tracer, Run.RESERVE_NAMES).insert();
    }
    new RuntimeAssertPass(tracer.graph(), tracer.env(), tracer, Run.INSERT).insert();
  }

  private void insert() {
    for (Guard g : env.runtimeAsserts()) {
      Sym key = null;
      for (Sym s : g.expr().freeSymbols()) {
        if (env.symbolInfo(s).isUnbacked() && (key == null || index(s) > index(key))) {
          key = s;
        }
      }
      if (key != null) {
        rasBySymbol.computeIfAbsent(key, k -> new ArrayList<>()).add(g.expr());
      }
    }
    if (rasBySymbol.isEmpty() && !hasUnbackedSymbols()) {
      return;
    }
    for (Node node : new ArrayList<>(graph.nodes())) {
      if (node.op() != Node.Op.CALL_FUNCTION || !(node.val() instanceof SymInt v)) {
        continue;
      }
      if (!(v.expr() instanceof Sym s)
          || !env.symbolInfo(s).isUnbacked()
          || tracer.definingNode(s).orElse(null) != node) {
        continue;
      }
      exprToNode.put(s, node);
      anchor = node;
      constrain(s, node);
    }
  }

  private boolean hasUnbackedSymbols() {
    for (var si : env.symbols()) {
      if (si.isUnbacked()) {
        return true;
      }
    }
    return false;
  }

  private int index(Sym s) {
    return env.symbolInfo(s).index();
  }

  private void constrain(Sym i0, Node def) {
    List<BoolExpr> ras = rasBySymbol.remove(i0);
    if (constrained.contains(i0)) {
      return;
    }
    if (env.isSizeLike(i0) && run == Run.INSERT) {
      anchor =
          graph.callAfter(
              anchor,
              new Target.Op(SYM_CONSTRAIN_RANGE_FOR_SIZE),
              "sym_constrain_range_for_size.default",
              List.of(def),
              new LinkedHashMap<>(),
              null);
    }
    IntRange vr = env.range(i0);
    if (!vr.equals(IntRange.all())) {
      if (vr.lower().isFinite()) {
        assertExpr(f.ge(i0, f.integer(vr.lower().value())));
      }
      if (vr.upper().isFinite()) {
        assertExpr(f.le(i0, f.integer(vr.upper().value())));
      }
    }
    constrained.add(i0);
    if (ras == null) {
      return;
    }
    for (BoolExpr ra : ras) {
      if (added.contains(ra) || (isBoundOfConstrainedSymbol(ra))) {
        continue;
      }
      List<Sym> missing = new ArrayList<>();
      for (Sym s : ra.freeSymbols()) {
        if (!exprToNode.containsKey(s) && env.symbolInfo(s).isUnbacked()) {
          missing.add(s);
        }
      }
      if (!missing.isEmpty()) {
        missing.sort((a, b) -> a.name().compareTo(b.name()));
        rasBySymbol.computeIfAbsent(missing.get(0), k -> new ArrayList<>()).add(ra);
        continue;
      }
      assertExpr(ra);
    }
  }

  /** {@code u0 >= 0} or {@code u0 <= 5} on a symbol whose range asserts are already in. */
  private boolean isBoundOfConstrainedSymbol(BoolExpr e) {
    if (e.kind() != ExprKind.LE && e.kind() != ExprKind.GE) {
      return false;
    }
    Relation r = (Relation) e;
    Sym s = null;
    if (r.lhs() instanceof Sym a && r.rhs().isConstant()) {
      s = a;
    } else if (r.rhs() instanceof Sym b && r.lhs().isConstant()) {
      s = b;
    }
    return s != null && constrained.contains(s);
  }

  private void assertExpr(BoolExpr e) {
    if (added.contains(e)) {
      return;
    }
    Object cond = materialize(e);
    if (run == Run.RESERVE_NAMES) {
      added.add(e);
      return;
    }
    String name = cond instanceof Node n ? n.name() : String.valueOf(cond);
    anchor =
        graph.callAfter(
            anchor,
            new Target.Op(ASSERT_SCALAR),
            "_assert_scalar.default",
            List.of(
                cond, "Runtime assertion failed for expression " + e + " on node '" + name + "'"),
            new LinkedHashMap<>(),
            null);
    added.add(e);
  }

  /** {@code e} as graph nodes after {@code anchor} (hash-consed), or a constant. */
  private Object materialize(Expr e) {
    Object known = exprToNode.get(e);
    if (known != null) {
      return known;
    }
    if (e instanceof IntExpr ie && ie.constantValue() != null) {
      return ie.constantValue().longValueExact();
    }
    if (e instanceof BoolExpr be && be.isConstant()) {
      return be.isTrue();
    }
    Object out;
    switch (e.kind()) {
      case SYMBOL:
        {
          Sym s = (Sym) e;
          Optional<Node> defined = tracer.definingNode(s);
          if (defined.isEmpty() && run == Run.RESERVE_NAMES) {
            out = new Object(); // a stand-in: only the names of comparisons matter here
            break;
          }
          Node n =
              defined
                  .or(() -> tracer.sizeNodeAfter(s, lastPlaceholder()))
                  .orElseThrow(() -> cannot(s));
          out = n;
          break;
        }
      case ADD:
        {
          Add a = (Add) e;
          List<Object> terms = new ArrayList<>();
          if (!a.constant().isZero()) {
            terms.add(a.constant().longValueExact());
          }
          for (int i = 0; i < a.termCount(); i++) {
            IntValue c = a.coefficients().get(i);
            Object m = materialize(a.monomials().get(i));
            terms.add(
                c.isOne() ? m : op("mul", f.scale(a.monomials().get(i), c), c.longValueExact(), m));
          }
          out = terms.get(0);
          IntExpr acc = null;
          for (int i = 1; i < terms.size(); i++) {
            acc = partialSum(a, i);
            out = op("add", acc, out, terms.get(i));
          }
          break;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          out = null;
          IntExpr acc = f.one();
          for (int i = 0; i < m.baseCount(); i++) {
            IntExpr b = m.bases().get(i);
            IntExpr factor = f.pow(b, m.exponent(i));
            Object fn =
                m.exponent(i) == 1
                    ? materialize(b)
                    : op("pow", factor, materialize(b), (long) m.exponent(i));
            acc = f.mul(acc, factor);
            out = out == null ? fn : op("mul", acc, out, fn);
          }
          break;
        }
      case FLOOR_DIV:
      case CLEAN_DIV:
        out = binary("floordiv", (IntCall) e);
        break;
      case MOD:
        out = binary("mod", (IntCall) e);
        break;
      case MIN:
      case MAX:
        {
          IntCall c = (IntCall) e;
          String name = e.kind() == ExprKind.MIN ? "sym_min" : "sym_max";
          out = materialize(c.intArg(0));
          IntExpr acc = c.intArg(0);
          for (int i = 1; i < c.args().size(); i++) {
            acc = e.kind() == ExprKind.MIN ? f.min(acc, c.intArg(i)) : f.max(acc, c.intArg(i));
            out = op(name, acc, out, materialize(c.intArg(i)));
          }
          break;
        }
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        {
          Relation r = (Relation) e;
          out =
              op(
                  e.kind().name().toLowerCase(java.util.Locale.ROOT),
                  e,
                  materialize(r.lhs()),
                  materialize(r.rhs()));
          break;
        }
      case AND:
      case OR:
        {
          List<BoolExpr> args = ((Logic) e).args();
          String name = e.kind() == ExprKind.AND ? "and_" : "or_";
          out = materialize(args.get(0));
          BoolExpr acc = args.get(0);
          for (int i = 1; i < args.size(); i++) {
            acc = e.kind() == ExprKind.AND ? f.and(acc, args.get(i)) : f.or(acc, args.get(i));
            out = op(name, acc, out, materialize(args.get(i)));
          }
          break;
        }
      case NOT:
        out = op("not_", e, materialize(((Logic) e).args().get(0)));
        break;
      default:
        throw cannot(e);
    }
    exprToNode.put(e, out);
    return out;
  }

  private IntExpr partialSum(Add a, int upTo) {
    List<IntExpr> parts = new ArrayList<>();
    int skip = a.constant().isZero() ? 0 : 1;
    if (skip == 1) {
      parts.add(f.integer(a.constant()));
    }
    for (int i = 0; i <= upTo - skip && i < a.termCount(); i++) {
      parts.add(f.scale(a.monomials().get(i), a.coefficients().get(i)));
    }
    return f.sum(parts);
  }

  private Object binary(String name, IntCall c) {
    return op(name, c, materialize(c.intArg(0)), materialize(c.intArg(1)));
  }

  private Object op(String name, Expr value, Object... args) {
    if (run == Run.RESERVE_NAMES) {
      graph.freshName(new Target.SymOp(name).baseName());
      return new Object(); // a stand-in that hash-conses like the node it names
    }
    Object val =
        value instanceof IntExpr ie
            ? SymInt.of(ie, tracer, null)
            : SymBool.of((BoolExpr) value, tracer, null);
    Target.SymOp t = new Target.SymOp(name);
    Node n = graph.callAfter(anchor, t, t.baseName(), List.of(args), new LinkedHashMap<>(), val);
    anchor = n;
    return n;
  }

  private Node lastPlaceholder() {
    List<Node> ps = graph.placeholders();
    return ps.get(ps.size() - 1);
  }

  private static UnsupportedOperationException cannot(Expr e) {
    return new UnsupportedOperationException(
        "cannot write the runtime assert on "
            + e
            + " as graph nodes, so the exported program could not check it");
  }
}
