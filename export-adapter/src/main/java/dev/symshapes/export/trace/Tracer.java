package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.MetaContext;
import dev.symshapes.export.ops.MetaKernel;
import dev.symshapes.export.ops.NoFakeKernelException;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymContext;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import java.util.ArrayList;
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
  // The nodes behind symbolic values: definitions, sym_size reads, lazily recorded operators.
  private final SymValueNodes symValues = new SymValueNodes(this);
  private final List<SymBool> userChecks = new ArrayList<>();
  private final Map<TensorData, Node> constants = new java.util.LinkedHashMap<>();
  private final List<Map.Entry<String, TensorData>> liftedConstants = new ArrayList<>();
  // Control flow: the sub-graphs of this graph, its place among the traces of bodies, and
  // data-dependent symbols to reuse when a program is traced again.
  private final Subgraphs subgraphs = new Subgraphs();
  private final Nesting nesting;
  private final java.util.ArrayDeque<Sym> unbackedReplay = new java.util.ArrayDeque<>();
  // The Java spelling of the op call being traced, the source of the unbacked symbols it makes.
  private String callOrigin;

  /** A tracer recording into a new graph, deciding with {@code env}. */
  public Tracer(ShapeEnv env) {
    this(env, null, null);
  }

  /**
   * A tracer for the body of a control-flow operator ({@code bodyName}, such as {@code "cond's
   * true_fn"}) traced inside {@code parent}, deciding with the same shape environment.
   */
  Tracer(ShapeEnv env, Tracer parent, String bodyName) {
    this.env = checkNotNull(env, "env");
    this.graph = new Graph();
    this.nesting = new Nesting(this, parent, bodyName);
  }

  /** The nodes behind this trace's symbolic values. */
  SymValueNodes symValues() {
    return symValues;
  }

  /** How this trace relates to enclosing and enclosed traces (control-flow bodies). */
  Nesting nesting() {
    return nesting;
  }

  /**
   * Marks {@code t}, an input of this trace, as module state (a parameter, buffer or constant): the
   * bodies of control-flow operators may use it, and it is passed to their sub-graphs as an extra
   * input. Inputs made by {@link #staticInput} are state already.
   */
  public void markState(Tensor t) {
    checkNotNull(t, "t");
    if (!(t.impl() instanceof TensorImpl.Fake f) || f.tracer() != this) {
      throw new IllegalArgumentException("markState: the tensor is not a value of this trace");
    }
    nesting.markState(f.node());
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

  /**
   * The graph with the sub-graphs of its control-flow operators ({@code true_graph_0}, {@code
   * body_graph_0}), as the graph module of an exported program.
   */
  public GraphModule graphModule() {
    return subgraphs.moduleOf(graph);
  }

  /**
   * Makes the next data-dependent values of the trace ({@link #newUnbackedSymInt}) reuse {@code
   * symbols} in order instead of creating new ones: a program that is traced again (to decompose
   * it) keeps its symbols {@code u0, u1, ...}.
   */
  public void replayUnbacked(List<Sym> symbols) {
    unbackedReplay.addAll(symbols);
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
    symValues.inputSizes(node, meta);
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
      symValues.define(s, node);
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
    return symValues.definingNode(s);
  }

  /**
   * A {@code sym_size.int} node for a symbol that is the size of an input dimension, inserted after
   * {@code anchor} (and reused afterwards); empty when no input dimension has that symbol.
   */
  public java.util.Optional<Node> sizeNodeAfter(Sym s, Node anchor) {
    return symValues.sizeNodeAfter(s, anchor);
  }

  /** The placeholders of constant tensors captured from host code, in order. */
  public List<Node> liftedConstantNodes() {
    return new ArrayList<>(constants.values());
  }

  /**
   * A traced input tensor named {@code name} whose metadata is {@code meta}, with symbols that
   * already exist in the shape environment (the inputs of a sub-graph, or of a program traced
   * again); the symbols of its sizes are read with {@code sym_size.int} on this placeholder.
   */
  public Tensor tensorInput(String name, TensorMeta meta) {
    checkNotNull(meta, "meta");
    TensorMeta local = rehome(meta);
    Node node = graph.placeholder(name, local);
    symValues.inputSizes(node, local);
    return new Tensor(new TensorImpl.Fake(local, this, node));
  }

  /**
   * A symbolic integer input named {@code name} whose value is the existing expression {@code
   * value} (a program traced again); returns the value the code sees.
   */
  public SymInt symIntInput(String name, IntExpr value) {
    Node node = graph.placeholder(name, SymInt.of(value, this, null));
    if (value instanceof Sym s) {
      symValues.define(s, node);
    }
    return SymInt.of(value, this, node);
  }

  /** {@code meta} with its symbolic sizes, strides and offset belonging to this trace. */
  TensorMeta rehome(TensorMeta meta) {
    List<SymInt> sizes = new ArrayList<>(meta.dim());
    List<SymInt> strides = new ArrayList<>(meta.dim());
    for (int i = 0; i < meta.dim(); i++) {
      sizes.add(rehome(meta.sizes().get(i)));
      strides.add(rehome(meta.strides().get(i)));
    }
    return new TensorMeta(
        meta.dtype(),
        ImmutableList.copyOf(sizes),
        ImmutableList.copyOf(strides),
        rehome(meta.storageOffset()));
  }

  private SymInt rehome(SymInt s) {
    // Constants may carry the context of another trace too (static sizes of inputs).
    return s.isConstant() ? SymInt.of(s.constantValue()) : SymInt.of(s.expr(), this, null);
  }

  /** A traced input with static shape (parameters and buffers). */
  public Tensor staticInput(String name, TensorData value) {
    List<SymInt> sizes = new ArrayList<>(value.dim());
    for (int i = 0; i < value.dim(); i++) {
      sizes.add(SymInt.of(value.size(i)));
    }
    TensorMeta meta = TensorMeta.contiguous(value.dtype(), sizes);
    Node node = graph.placeholder(name, meta);
    nesting.markState(node);
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
    if (nesting.isSuspended()) {
      if (nesting.onlyStateOf(args)) {
        // a body uses module state as its first traced argument: the body records the call
        return nesting.innermost().call(op, args);
      }
      throw nesting.captured(args);
    }
    if (nesting.parent() != null) {
      List<Object> local = new ArrayList<>(args.size());
      for (Object a : args) {
        local.add(nesting.localize(a));
      }
      args = local;
    }
    MetaKernel meta = op.meta().orElseThrow(() -> new NoFakeKernelException(op.qualifiedName()));
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

  /**
   * Records a higher-order operator {@code name} ({@code cond}, {@code map_impl}, ...) with graph
   * arguments {@code args}; its outputs have the metadata {@code outs} and are read with {@code
   * getitem} nodes. Returns one traced tensor per output.
   */
  List<Tensor> recordHigherOrder(String name, List<Object> args, List<TensorMeta> outs) {
    checkActive();
    List<Object> vals = new ArrayList<>(outs);
    Node node = graph.call(new Target.HigherOrder(name), args, new LinkedHashMap<>(), vals);
    List<Tensor> result = new ArrayList<>(outs.size());
    for (Object o : (List<?>) wrap(vals, node)) {
      result.add((Tensor) o);
    }
    return result;
  }

  /** Registers a sub-graph under the first free name {@code prefix + i}; returns {@code i}. */
  int freeSubgraphIndex(String... prefixes) {
    return subgraphs.freeIndex(prefixes);
  }

  /** Adds sub-graph {@code m} as attribute {@code attr} and reads it with a {@code get_attr}. */
  Node addSubgraph(String attr, GraphModule m) {
    checkActive();
    subgraphs.add(attr, m);
    return graph.getAttr(attr, null);
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
          return ((TensorImpl.Fake) ((Tensor) nesting.localize(t)).impl()).node();
        }
        return f.node();
      }
      if (nesting.parent() != null) {
        return ((TensorImpl.Fake) ((Tensor) nesting.localize(t)).impl()).node();
      }
      return constantNode(t.data());
    }
    if (a instanceof SymInt s) {
      return symValues.symArg(s);
    }
    if (a instanceof SymBool b) {
      return symValues.boolArg(b);
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

  /** The placeholder of a constant tensor captured from host code (lifted once). */
  Node constantNode(TensorData d) {
    Node n = constants.get(d);
    if (n == null) {
      String name = "c_lifted_tensor_" + constants.size();
      n = graph.placeholder(name, new Tensor(new TensorImpl.Eager(d)).meta());
      constants.put(d, n);
      liftedConstants.add(Map.entry(name, d));
    }
    return n;
  }

  /** Fails when this tracer is suspended: a body uses a value of the enclosing trace. */
  private void checkActive() {
    if (nesting.isSuspended()) {
      throw nesting.captured(List.of());
    }
  }

  private Object wrap(Object out, Node node) {
    if (out instanceof TensorMeta m) {
      return new Tensor(new TensorImpl.Fake(m, this, node));
    }
    if (out instanceof SymInt s) {
      SymInt r = SymInt.of(s.expr(), this, node);
      if (s.expr() instanceof Sym sym && env.symbolInfo(sym).isUnbacked()) {
        symValues.define(sym, node);
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
    checkActive();
    return symValues.record(op, args, result);
  }

  @Override
  public void userCheck(SymBool condition) {
    env.check(condition.expr());
    userChecks.add(condition);
  }

  @Override
  public SymInt newUnbackedSymInt() {
    Sym replayed = unbackedReplay.poll();
    if (replayed != null) {
      return SymInt.of(replayed, this, null);
    }
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

  /** The error for Java control flow on a traced tensor (T02). */
  ControlFlowException dataDependentBranch() {
    return ControlFlowException.dataDependentBranch();
  }
}
