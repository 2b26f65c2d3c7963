package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.MetaContext;
import dev.symshapes.export.ops.MetaKernel;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymContext;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference tracer: runs a model's Java code on fake tensors and records every op in a {@link
 * Graph}. Ops run their meta kernels (symbolic shapes, guards through the {@link ShapeEnv}); sym
 * arithmetic on graph values is recorded as {@code operator} nodes. It is a client of the SPI
 * ({@link SymContext}, {@link MetaContext}) like any other framework would be.
 *
 * <p>One tracer per trace; not thread-safe. Factory ops with no tensor inputs ({@code ones}, {@code
 * zeros}, {@code randn}) are traced when called on the tracing thread while {@link #run} executes
 * the model.
 */
public final class Tracer implements SymContext, MetaContext {
  private static final ThreadLocal<Tracer> ACTIVE = new ThreadLocal<>();

  private final ShapeEnv env;
  private final Graph graph;
  private final Map<Sym, Node> symbolNodes = new HashMap<>();
  private final Map<IntExpr, Node> sizeNodes = new HashMap<>();
  private final Map<Sym, InputDim> symbolSources = new LinkedHashMap<>();
  private final List<SymBool> userChecks = new ArrayList<>();
  private final Map<TensorData, Node> constants = new java.util.LinkedHashMap<>();
  private final List<Map.Entry<String, TensorData>> liftedConstants = new ArrayList<>();
  private String callOrigin;

  private record InputDim(Node placeholder, int dim) {}

  /** A tracer recording into a new graph, deciding with {@code env}. */
  public Tracer(ShapeEnv env) {
    this.env = checkNotNull(env, "env");
    this.graph = new Graph();
  }

  @Override
  public ShapeEnv env() {
    return env;
  }

  @Override
  public SymContext sym() {
    return this;
  }

  /** The graph recorded so far. */
  public Graph graph() {
    return graph;
  }

  /** The conditions user code passed to {@code check}, in order. */
  public ImmutableList<SymBool> userChecks() {
    return ImmutableList.copyOf(userChecks);
  }

  /** Constant tensors captured from host code, by their lifted names. */
  public List<Map.Entry<String, TensorData>> liftedConstants() {
    return liftedConstants;
  }

  static Tracer active() {
    return ACTIVE.get();
  }

  /** Runs {@code body} with this tracer active for factory ops on this thread. */
  public <T> T run(java.util.function.Supplier<T> body) {
    Tracer previous = ACTIVE.get();
    ACTIVE.set(this);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(previous);
      }
    }
  }

  // ---- inputs ----

  /**
   * A traced input tensor named {@code name}: a placeholder, with one symbol (or constant) per
   * dimension created from {@code specs} (sources {@code L['name'].size()[i]}).
   */
  public Tensor input(String name, TensorData example, List<SymbolSpec> specs) {
    return input(name, "L['" + name + "']", example, specs);
  }

  /**
   * A traced input tensor with placeholder {@code name} whose symbols have sources based on {@code
   * sourceBase} ({@code L['xs'][0]} for the first element of a list input {@code xs}, whose
   * placeholder is {@code xs_0}).
   */
  public Tensor input(String name, String sourceBase, TensorData example, List<SymbolSpec> specs) {
    checkNotNull(specs, "specs");
    if (specs.size() != example.dim()) {
      throw new IllegalArgumentException(
          "input '"
              + name
              + "' has "
              + example.dim()
              + " dimensions but "
              + specs.size()
              + " specs");
    }
    // Symbols through the SPI, as any framework allocates them.
    TensorMeta meta = TensorMeta.input(this, sourceBase, example.dtype(), example.shape(), specs);
    Node node = graph.placeholder(name, meta);
    for (int i = 0; i < meta.dim(); i++) {
      IntExpr e = meta.size(i).expr();
      if (e instanceof Sym s && !symbolSources.containsKey(s)) {
        symbolSources.put(s, new InputDim(node, i));
      }
    }
    return new Tensor(new TensorImpl.Fake(meta, this, node));
  }

  /**
   * A dynamic integer input: a placeholder whose value is a symbol created from {@code spec} with
   * source {@code sourceBase} ({@code L['n']}). Returns the symbolic value the model's code sees.
   */
  public SymInt intInput(String name, String sourceBase, long example, SymbolSpec spec) {
    IntExpr e = env.createSymbol(example, new Source(sourceBase, Source.Property.VALUE, -1), spec);
    Node node = graph.placeholder(name, SymInt.of(e, this, null));
    if (e instanceof Sym s) {
      symbolNodes.putIfAbsent(s, node);
      return SymInt.of(e, this, node);
    }
    node.setVal(e.constantValue().longValueExact());
    return SymInt.of(e.constantValue().longValueExact());
  }

  /**
   * A constant input (an integer, float, boolean or string the program is specialized to): a
   * placeholder whose value is {@code value}, which the graph never uses, as in {@code
   * torch.export}.
   */
  public Node constantInput(String name, Object value) {
    return graph.placeholder(name, value);
  }

  /**
   * The node that defines {@code s}: the node whose value is the unbacked symbol {@code s} ({@code
   * item}), or the placeholder of an integer input; empty for sizes of inputs and unknown symbols.
   */
  public java.util.Optional<Node> definingNode(Sym s) {
    return java.util.Optional.ofNullable(symbolNodes.get(s));
  }

  /**
   * A {@code sym_size.int} node for a symbol that is the size of an input dimension, inserted after
   * {@code anchor} (and reused afterwards); empty when no input dimension has that symbol.
   */
  public java.util.Optional<Node> sizeNodeAfter(Sym s, Node anchor) {
    Node n = sizeNodes.get(s);
    if (n != null) {
      return java.util.Optional.of(n);
    }
    InputDim src = symbolSources.get(s);
    if (src == null) {
      return java.util.Optional.empty();
    }
    n =
        graph.callAfter(
            anchor,
            new Target.Op(AtenOps.SYM_SIZE_INT),
            "sym_size_int",
            List.of(src.placeholder(), (long) src.dim()),
            new LinkedHashMap<>(),
            SymInt.of(s, this, null));
    sizeNodes.put(s, n);
    return java.util.Optional.of(n);
  }

  /** The placeholders of constant tensors captured from host code, in order. */
  public List<Node> liftedConstantNodes() {
    return new ArrayList<>(constants.values());
  }

  /** A traced input with static shape (parameters and buffers). */
  public Tensor staticInput(String name, TensorData value) {
    List<SymInt> sizes = new ArrayList<>(value.dim());
    for (int i = 0; i < value.dim(); i++) {
      sizes.add(SymInt.of(value.size(i)));
    }
    TensorMeta meta = TensorMeta.contiguous(value.dtype(), sizes);
    Node node = graph.placeholder(name, meta);
    return new Tensor(new TensorImpl.Fake(meta, this, node));
  }

  /** Swaps {@code t} to a traced value of this tracer; returns the previous implementation. */
  Object swapIn(Tensor t, Tensor traced) {
    TensorImpl old = t.impl();
    t.setImpl(traced.impl());
    return old;
  }

  /** Restores a handle swapped by {@link #swapIn}. */
  void restore(Tensor t, Object old) {
    t.setImpl((TensorImpl) old);
  }

  // ---- ops ----

  /** Traces one call of {@code op}. */
  Object call(OpDef op, List<Object> args) {
    MetaKernel meta =
        op.meta()
            .orElseThrow(
                () ->
                    new UnsupportedOperationException(
                        "operator "
                            + op.qualifiedName()
                            + " has no fake (meta) kernel, so it cannot be exported; register it"
                            + " with a fake kernel that computes its output shapes"));
    List<Object> metaArgs = new ArrayList<>(args.size());
    List<Object> nodeArgs = new ArrayList<>(args.size());
    for (Object a : args) {
      metaArgs.add(toMeta(a));
      nodeArgs.add(toNodeArg(a));
    }
    String previous = callOrigin;
    callOrigin = UnbackedOrigins.describe(op, nodeArgs);
    Object out;
    try {
      out = meta.apply(this, metaArgs);
    } finally {
      callOrigin = previous;
    }
    Node node = graph.call(new Target.Op(op), nodeArgs, new LinkedHashMap<>(), out);
    Object result = wrap(out, node);
    if (op.mutates()
        && !args.isEmpty()
        && args.get(0) instanceof Tensor self
        && result instanceof Tensor r) {
      self.setImpl(r.impl());
      return self;
    }
    return result;
  }

  private Object toMeta(Object a) {
    if (a instanceof Tensor t) {
      if (t.impl() instanceof TensorImpl.Fake f) {
        return f.meta();
      }
      return t.meta();
    }
    if (a instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(toMeta(x));
      }
      return out;
    }
    if (a instanceof Integer i) {
      return (long) i;
    }
    return a;
  }

  /** The graph argument for a value: a node, a constant, or a list of them. */
  Object toNodeArg(Object a) {
    if (a instanceof Tensor t) {
      if (t.impl() instanceof TensorImpl.Fake f) {
        if (f.tracer() != this) {
          throw new IllegalArgumentException("a tensor of another trace was used in this trace");
        }
        return f.node();
      }
      return constantNode(t.data());
    }
    if (a instanceof SymInt s) {
      return symArg(s);
    }
    if (a instanceof SymBool b) {
      return b.handle() != null ? force(b.handle()) : (Object) b.expr().isTrue();
    }
    if (a instanceof Integer i) {
      return (long) i;
    }
    if (a instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(toNodeArg(x));
      }
      return out;
    }
    return a;
  }

  private Node constantNode(TensorData d) {
    Node n = constants.get(d);
    if (n == null) {
      String name = "c_lifted_tensor_" + constants.size();
      n = graph.placeholder(name, new Tensor(new TensorImpl.Eager(d)).meta());
      constants.put(d, n);
      liftedConstants.add(Map.entry(name, d));
    }
    return n;
  }

  /**
   * A graph argument for a symbolic integer: its node; a constant; or, for a size of an input, a
   * {@code sym_size.int} node, combined with {@code operator} nodes for expressions of sizes.
   */
  Object symArg(SymInt s) {
    if (s.handle() != null) {
      return force(s.handle());
    }
    IntExpr e = env.replace(s.expr());
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
            graph.call(
                new Target.Op(AtenOps.SYM_SIZE_INT),
                "sym_size_int",
                List.of(src.placeholder(), (long) src.dim()),
                new LinkedHashMap<>(),
                SymInt.of(e, this, null));
        sizeNodes.put(e, n);
        return n;
      }
    }
    throw new UnsupportedOperationException(
        "cannot express the symbolic value " + e + " with nodes of this graph");
  }

  private Object wrap(Object out, Node node) {
    if (out instanceof TensorMeta m) {
      return new Tensor(new TensorImpl.Fake(m, this, node));
    }
    if (out instanceof SymInt s) {
      SymInt r = SymInt.of(s.expr(), this, node);
      if (s.expr() instanceof Sym sym && env.symbolInfo(sym).isUnbacked()) {
        symbolNodes.putIfAbsent(sym, node);
      }
      return r;
    }
    if (out instanceof List<?> l) {
      List<Object> items = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        Object o = l.get(i);
        Node g =
            graph.call(new Target.GetItem(), List.of(node, (long) i), new LinkedHashMap<>(), o);
        items.add(wrap(o, g));
      }
      return items;
    }
    return out;
  }

  // ---- SymContext / MetaContext ----

  /**
   * Records symbolic arithmetic lazily, as PyTorch's proxy tracing does ({@code make_fx} makes a
   * SymInt's node only when something uses it): the {@code operator} node is added to the graph the
   * first time a graph op, an output or another recorded node uses the value. Values used only to
   * decide Java branches or passed to {@code check} make no node and take no name.
   */
  @Override
  public Object recordSymOp(String op, List<Object> args, Expr result) {
    Object val =
        result instanceof IntExpr ie
            ? SymInt.of(ie, this, null)
            : SymBool.of((BoolExpr) result, this, null);
    return new PendingSymOp(new Target.SymOp(op), List.copyOf(args), val);
  }

  /** A recorded symbolic op whose node is made when first used. */
  private static final class PendingSymOp {
    final Target.SymOp target;
    final List<Object> args;
    final Object val;
    Node node;

    PendingSymOp(Target.SymOp target, List<Object> args, Object val) {
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
      p.node = graph.call(p.target, args, new LinkedHashMap<>(), p.val);
    }
    return p.node;
  }

  @Override
  public void userCheck(SymBool condition) {
    env.check(condition.expr());
    userChecks.add(condition);
  }

  /**
   * A new unbacked symbol; when the op being traced is one whose result has a short Java spelling
   * ({@code x.item()}, {@code y.select(0, 1).item()}), that spelling is the symbol's source, so
   * that data-dependent errors name the value the way the user's code reads it.
   */
  @Override
  public SymInt newUnbackedSymInt() {
    Sym u =
        callOrigin == null
            ? env.createUnbackedSymInt()
            : env.createUnbackedSymInt(Source.named(callOrigin));
    return SymInt.of(u, this, null);
  }

  @Override
  public void checkIsSize(SymInt n) {
    env.checkIsSize(n.expr());
  }

  /** The error for Java control flow on a traced tensor. */
  UnsupportedOperationException dataDependentBranch() {
    return new UnsupportedOperationException(
        "Dynamic control flow is not supported at the moment. Please use cond to explicitly"
            + " capture the control flow (dev.symshapes.export.trace.ControlFlow.cond):"
            + " a Java if/while on a tensor's value needs the data, which is not known while"
            + " exporting.");
  }
}
