package dev.symshapes.export.program;

import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.EagerKernel;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpSchema;
import dev.symshapes.export.ops.RuntimeAssertionException;
import dev.symshapes.export.tensor.ShapeKernels;
import dev.symshapes.export.tensor.TensorData;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a graph on concrete values, as {@code torch.fx.Interpreter} does: placeholders take the
 * given values in order; {@code call_function} nodes run the ops' reference kernels ({@link
 * OpDef#eager()}), Python operators on symbolic values ({@code item >= 10}), {@code getitem},
 * {@code _assert_scalar} and the higher-order ops {@code cond}, {@code map_impl}, {@code
 * while_loop} and {@code scan} (on their sub-graphs); the output node's values are returned.
 *
 * <p>Values are {@link TensorData} for tensors, {@code Long} for symbolic integers, {@code Boolean}
 * for symbolic booleans, {@code Double} for floats, lists for several outputs, and the graph's
 * constants as they are. The graph is compiled once into an array of steps; a run allocates the
 * value array and the argument lists. In-place kernels update their arguments, so a mutating op on
 * a buffer changes the buffer the caller passed in.
 */
final class GraphInterpreter {
  /** A reference to the value of the node at {@code index}. */
  private record Ref(int index) {}

  private final GraphModule module;
  private final Step[] steps;
  private final int numPlaceholders;
  private final Object outputTemplate;
  private final IdentityHashMap<GraphModule, GraphInterpreter> subInterpreters =
      new IdentityHashMap<>();

  private record Step(Node node, int index, Object argsTemplate, Object kwargsTemplate) {}

  GraphInterpreter(GraphModule module) {
    this.module = module;
    Graph g = module.graph();
    IdentityHashMap<Node, Integer> index = new IdentityHashMap<>();
    List<Step> out = new ArrayList<>();
    int placeholders = 0;
    Object output = null;
    for (Node n : g.nodes()) {
      switch (n.op()) {
        case PLACEHOLDER:
          index.put(n, index.size());
          placeholders++;
          break;
        case OUTPUT:
          output = template(n.args().get(0), index);
          break;
        default:
          {
            int i = index.size();
            Object args = template(n.args(), index);
            Map<String, Object> kw = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Object> e : n.kwargs().entrySet()) {
              kw.put(e.getKey(), template(e.getValue(), index));
            }
            index.put(n, i);
            out.add(new Step(n, i, args, kw));
            break;
          }
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("the graph has no output node");
    }
    this.steps = out.toArray(new Step[0]);
    this.numPlaceholders = placeholders;
    this.outputTemplate = output;
    for (GraphModule sub : module.submodules().values()) {
      subInterpreters.put(sub, new GraphInterpreter(sub));
    }
  }

  private static Object template(Object a, IdentityHashMap<Node, Integer> index) {
    if (a instanceof Node n) {
      Integer i = index.get(n);
      if (i == null) {
        throw new IllegalArgumentException("node " + n + " is used before it is defined");
      }
      return new Ref(i);
    }
    if (a instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(template(x, index));
      }
      return out;
    }
    if (a instanceof Object[] t) {
      Object[] out = new Object[t.length];
      for (int i = 0; i < t.length; i++) {
        out[i] = template(t[i], index);
      }
      return out;
    }
    if (a instanceof Integer i) {
      return (long) i;
    }
    return a;
  }

  /** The number of placeholders (inputs of {@link #run}). */
  int numPlaceholders() {
    return numPlaceholders;
  }

  /**
   * Runs the graph on one value per placeholder and returns the output node's values in order.
   *
   * @throws RuntimeAssertionException when a runtime assert fails
   */
  List<Object> run(List<?> inputs) {
    if (inputs.size() != numPlaceholders) {
      throw new IllegalArgumentException(
          "the graph has " + numPlaceholders + " inputs but " + inputs.size() + " were given");
    }
    Object[] env = new Object[numPlaceholders + steps.length];
    for (int i = 0; i < numPlaceholders; i++) {
      env[i] = inputs.get(i);
    }
    for (Step s : steps) {
      env[s.index] = execute(s, env);
    }
    Object out = resolve(outputTemplate, env);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) out;
    return list;
  }

  private static Object resolve(Object t, Object[] env) {
    if (t instanceof Ref r) {
      return env[r.index];
    }
    if (t instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(resolve(x, env));
      }
      return out;
    }
    if (t instanceof Object[] a) {
      Object[] out = new Object[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = resolve(a[i], env);
      }
      return out;
    }
    return t;
  }

  private Object execute(Step s, Object[] env) {
    Node n = s.node;
    switch (n.op()) {
      case GET_ATTR:
        {
          GraphModule sub = module.submodules().get(n.attr());
          if (sub == null) {
            throw new IllegalStateException("get_attr of unknown attribute '" + n.attr() + "'");
          }
          return sub;
        }
      case CALL_FUNCTION:
        break;
      default:
        throw new IllegalStateException("unexpected node " + n);
    }
    @SuppressWarnings("unchecked")
    List<Object> args = (List<Object>) resolve(s.argsTemplate, env);
    Target t = n.target();
    if (t instanceof Target.Op op) {
      return callOp(n, op.op(), args, s, env);
    }
    if (t instanceof Target.SymOp sym) {
      return SymArithmetic.apply(sym.op(), args);
    }
    if (t instanceof Target.GetItem) {
      Object seq = args.get(0);
      int i = Math.toIntExact((Long) args.get(1));
      if (seq instanceof List<?> l) {
        return l.get(i);
      }
      if (seq instanceof Object[] a) {
        return a[i];
      }
      throw new IllegalStateException("getitem on " + seq + " in node " + n);
    }
    return higherOrder(((Target.HigherOrder) t).name(), args, n);
  }

  private Object callOp(Node n, OpDef op, List<Object> args, Step s, Object[] env) {
    OpSchema schema = op.schema();
    String name = schema.namespace() + "::" + schema.name();
    if (name.equals("aten::_assert_scalar")) {
      if (!truthy(args.get(0))) {
        throw new RuntimeAssertionException((String) args.get(1));
      }
      return null;
    }
    EagerKernel k = op.eager().orElse(null);
    if (k == null) {
      if (name.equals("aten::sym_constrain_range_for_size")
          || name.equals("aten::sym_constrain_range")) {
        // Only bookkeeping for the tracer; the _assert_scalar nodes that follow check the value.
        return null;
      }
      throw new UnsupportedOperationException(
          "operator "
              + op.qualifiedName()
              + " (node '"
              + n.name()
              + "') has no reference kernel, so the exported program cannot run it");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> kwargs = (Map<String, Object>) s.kwargsTemplate;
    List<Object> all = args;
    if (!kwargs.isEmpty()) {
      all = new ArrayList<>(args);
      List<OpSchema.Argument> params = schema.arguments();
      int last = -1;
      for (int i = args.size(); i < params.size(); i++) {
        if (kwargs.containsKey(params.get(i).name())) {
          last = i;
        }
      }
      for (int i = args.size(); i <= last; i++) {
        Object v = kwargs.get(params.get(i).name());
        all.add(v == null ? null : resolve(v, env));
      }
    }
    return normalize(k.apply(all));
  }

  private static Object normalize(Object out) {
    if (out instanceof Integer i) {
      return (long) i;
    }
    if (out instanceof List<?> l) {
      List<Object> r = new ArrayList<>(l.size());
      for (Object o : l) {
        r.add(normalize(o));
      }
      return r;
    }
    return out;
  }

  /** Python's truth value of a condition: a boolean, a number, or a one-element tensor. */
  static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof TensorData t) {
      if (t.numel() != 1) {
        throw new IllegalArgumentException(
            "Boolean value of Tensor with more than one value is ambiguous");
      }
      return truthy(normalize(t.item()));
    }
    throw new IllegalArgumentException("not a condition: " + v);
  }

  private Object higherOrder(String name, List<Object> args, Node n) {
    switch (name) {
      case "cond":
        {
          GraphModule branch = (GraphModule) (truthy(args.get(0)) ? args.get(1) : args.get(2));
          return sub(branch).run((List<?>) args.get(3));
        }
      case "map_impl":
        return map((GraphModule) args.get(0), (List<?>) args.get(1), (List<?>) args.get(2), n);
      case "while_loop":
        return ControlFlowRuns.whileLoop(
            sub((GraphModule) args.get(0)),
            sub((GraphModule) args.get(1)),
            seq(args.get(2)),
            seq(args.get(3)),
            n);
      case "scan":
        return ControlFlowRuns.scan(
            sub((GraphModule) args.get(0)),
            seq(args.get(1)),
            seq(args.get(2)),
            seq(args.get(3)),
            n);
      default:
        throw new UnsupportedOperationException(
            "running torch.ops.higher_order."
                + name
                + " (node '"
                + n.name()
                + "') is not supported");
    }
  }

  /** A list or tuple argument as a list. */
  private static List<?> seq(Object v) {
    return v instanceof Object[] a ? java.util.Arrays.asList(a) : (List<?>) v;
  }

  private GraphInterpreter sub(GraphModule m) {
    GraphInterpreter g = subInterpreters.get(m);
    if (g == null) {
      throw new IllegalStateException("sub-graph is not a child of this graph module");
    }
    return g;
  }

  private Object map(GraphModule body, List<?> xs, List<?> rest, Node n) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("map_impl (node '" + n.name() + "') has no mapped input");
    }
    long count = ((TensorData) xs.get(0)).size(0);
    if (count == 0) {
      throw new UnsupportedOperationException(
          "map_impl (node '" + n.name() + "') over an empty dimension is not supported");
    }
    GraphInterpreter g = sub(body);
    List<List<TensorData>> perOutput = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      List<Object> in = new ArrayList<>();
      for (Object x : xs) {
        in.add(ShapeKernels.select((TensorData) x, 0, i));
      }
      in.addAll(rest);
      List<Object> outs = g.run(in);
      for (int k = 0; k < outs.size(); k++) {
        if (perOutput.size() <= k) {
          perOutput.add(new ArrayList<>());
        }
        perOutput.get(k).add(ShapeKernels.unsqueeze((TensorData) outs.get(k), 0));
      }
    }
    List<Object> stacked = new ArrayList<>(perOutput.size());
    for (List<TensorData> parts : perOutput) {
      stacked.add(ShapeKernels.cat(parts, 0));
    }
    return stacked;
  }
}
