package dev.symshapes.export.trace;

import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes behind the symbolic values of one trace: how a {@link SymInt} or {@link SymBool} the
 * model's code holds becomes an argument of a graph node. A value is its own node when it has one
 * (an {@code item}, an integer input, a recorded operator); a size of an input is read with a
 * {@code sym_size.int} node on the input's placeholder, made once; any other expression is written
 * with operator nodes over these ({@link SymNodes}). Operators on symbolic values are recorded
 * lazily, as {@code make_fx} does: their node is made the first time something uses the value.
 *
 * <p>One per {@link Tracer}, which owns the graph; not thread-safe.
 */
final class SymValueNodes {
  private final Tracer tracer;
  // The node defining each data-dependent symbol or integer input.
  private final Map<Sym, Node> symbolNodes = new HashMap<>();
  // sym_size.int nodes made so far, by the size they read.
  private final Map<IntExpr, Node> sizeNodes = new HashMap<>();
  // The input dimension each symbol of an input's size was created for.
  private final Map<Sym, InputDim> symbolSources = new LinkedHashMap<>();
  // Expressions written as operator nodes by SymNodes, reused for equal expressions.
  private final Map<Expr, Object> exprNodes = new HashMap<>();

  private record InputDim(Node placeholder, int dim) {}

  /** The nodes of {@code tracer}'s symbolic values, in its graph. */
  SymValueNodes(Tracer tracer) {
    this.tracer = tracer;
  }

  private Graph graph() {
    return tracer.graph();
  }

  /** Records that the symbols of {@code meta}'s sizes are read from {@code placeholder}. */
  void inputSizes(Node placeholder, TensorMeta meta) {
    for (int i = 0; i < meta.dim(); i++) {
      IntExpr e = meta.size(i).expr();
      if (e instanceof Sym s && !symbolSources.containsKey(s)) {
        symbolSources.put(s, new InputDim(placeholder, i));
      }
    }
  }

  /** Records that {@code node} defines {@code s} (the first such node wins). */
  void define(Sym s, Node node) {
    symbolNodes.putIfAbsent(s, node);
  }

  /** The node that defines {@code s}, if any (see {@link Tracer#definingNode}). */
  Optional<Node> definingNode(Sym s) {
    return Optional.ofNullable(symbolNodes.get(s));
  }

  /** See {@link Tracer#sizeNodeAfter}. */
  Optional<Node> sizeNodeAfter(Sym s, Node anchor) {
    Node n = sizeNodes.get(s);
    if (n != null) {
      return Optional.of(n);
    }
    InputDim src = symbolSources.get(s);
    if (src == null) {
      return Optional.empty();
    }
    n =
        graph()
            .callAfter(
                anchor,
                new Target.Op(AtenOps.SYM_SIZE_INT),
                "sym_size_int",
                List.of(src.placeholder(), (long) src.dim()),
                new LinkedHashMap<>(),
                SymInt.of(s, tracer, null));
    sizeNodes.put(s, n);
    return Optional.of(n);
  }

  /**
   * A graph argument for a symbolic integer: its node; a constant; or, for a size of an input, a
   * {@code sym_size.int} node, combined with {@code operator} nodes for expressions of sizes.
   */
  Object symArg(SymInt s) {
    if (s.handle() != null && isLocal(s.handle())) {
      return force(s.handle());
    }
    if (s.isConstant()) {
      return s.constantValue();
    }
    IntExpr e = tracer.env().replace(s.expr());
    if (e.constantValue() != null) {
      return e.constantValue().longValueExact();
    }
    Node n = sizeNodes.get(e);
    if (n != null) {
      return n;
    }
    if (e instanceof Sym sym) {
      Node def = symbolNodes.get(sym);
      if (def != null) {
        return def;
      }
      InputDim src = symbolSources.get(sym);
      if (src != null) {
        n =
            graph()
                .call(
                    new Target.Op(AtenOps.SYM_SIZE_INT),
                    "sym_size_int",
                    List.of(src.placeholder(), (long) src.dim()),
                    new LinkedHashMap<>(),
                    SymInt.of(e, tracer, null));
        sizeNodes.put(e, n);
        return n;
      }
    }
    Object n2 = SymNodes.materialize(tracer, e);
    if (n2 != null) {
      return n2;
    }
    throw inexpressible(e);
  }

  /**
   * A graph argument for a symbolic boolean: its node, a constant, or nodes computing it from the
   * sizes of this graph's inputs ({@code sym_size_int > 10}).
   */
  Object boolArg(SymBool b) {
    if (b.handle() != null && isLocal(b.handle())) {
      return force(b.handle());
    }
    if (b.isConstant()) {
      return b.expr().isTrue();
    }
    BoolExpr e = tracer.env().replace(b.expr());
    if (e.isConstant()) {
      return e.isTrue();
    }
    Object n = SymNodes.materialize(tracer, e);
    if (n != null) {
      return n;
    }
    throw inexpressible(e);
  }

  private RuntimeException inexpressible(Expr e) {
    Nesting nesting = tracer.nesting();
    if (nesting.parent() != null) {
      return ControlFlowException.capture(nesting.bodyName(), "the symbolic value " + e);
    }
    return new UnsupportedOperationException(
        "cannot express the symbolic value " + e + " with nodes of this graph");
  }

  /** The cache of {@link SymNodes}: expressions already written as nodes of this graph. */
  Map<Expr, Object> exprNodes() {
    return exprNodes;
  }

  /** The node of a symbol in this graph (its definition or a size of an input), if any. */
  Optional<Object> symbolArg(Sym s) {
    Node def = symbolNodes.get(s);
    if (def != null) {
      return Optional.of(def);
    }
    if (!symbolSources.containsKey(s) && !sizeNodes.containsKey(s)) {
      return Optional.empty();
    }
    return Optional.of(symArg(SymInt.of(s, tracer, null)));
  }

  private boolean isLocal(Object handle) {
    if (handle instanceof PendingSymOp p) {
      return p.graph == graph();
    }
    return !(handle instanceof Node n) || n.graph() == graph();
  }

  /**
   * A handle for operator {@code op} on {@code args} (nodes, constants or other handles) whose
   * value is {@code result}: its node is made when {@link #force} first needs it.
   */
  Object record(String op, List<Object> args, Expr result) {
    Object val =
        result instanceof IntExpr ie
            ? SymInt.of(ie, tracer, null)
            : SymBool.of((BoolExpr) result, tracer, null);
    return new PendingSymOp(graph(), new Target.SymOp(op), List.copyOf(args), val);
  }

  /** A recorded symbolic op whose node is made, in the graph that recorded it, when first used. */
  private static final class PendingSymOp {
    final Graph graph;
    final Target.SymOp target;
    final List<Object> args;
    final Object val;
    Node node;

    PendingSymOp(Graph graph, Target.SymOp target, List<Object> args, Object val) {
      this.graph = graph;
      this.target = target;
      this.args = args;
      this.val = val;
    }
  }

  /** The graph argument for a handle: its node, made now if it was recorded lazily. */
  Object force(Object handle) {
    if (!(handle instanceof PendingSymOp p)) {
      return handle;
    }
    if (p.node == null) {
      List<Object> args = new ArrayList<>(p.args.size());
      for (Object a : p.args) {
        args.add(force(a));
      }
      p.node = p.graph.call(p.target, args, new LinkedHashMap<>(), p.val);
    }
    return p.node;
  }
}
