package dev.symshapes.export.passes;

import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.ControlFlow;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a graph again on traced values (PyTorch re-traces a program to decompose it): each node is
 * replayed through the model API into the trace its inputs belong to, with in-place ops made
 * functional ({@link Functionalization}) and the ops of the table replaced by their decompositions.
 * Sub-graphs of control-flow operators are replayed the same way, as the bodies of new control-flow
 * calls.
 *
 * <p>A mutation rebinds the mutated node, and the nodes it was mutated through in place, to the new
 * value, so later uses see it; {@link #mutatedInputs()} gives the final values of the placeholders
 * that were mutated.
 */
final class Retracer {
  private final DecompositionTable table;
  private final IdentityHashMap<Node, Object> values = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Object> mutatedInputs = new IdentityHashMap<>();

  Retracer(DecompositionTable table) {
    this.table = table;
  }

  /** The new values of the placeholders that in-place ops mutated. */
  Map<Node, Object> mutatedInputs() {
    return mutatedInputs;
  }

  /** Replays {@code module}'s graph on one value per placeholder; returns the output values. */
  List<Object> run(GraphModule module, List<?> inputs) {
    MutationChecks.check(module.graph());
    int next = 0;
    List<Object> outputs = null;
    for (Node n : module.graph().nodes()) {
      switch (n.op()) {
        case PLACEHOLDER:
          values.put(n, inputs.get(next++));
          break;
        case GET_ATTR:
          values.put(n, module.submodules().get(n.attr()));
          break;
        case OUTPUT:
          outputs = new ArrayList<>((List<?>) value(n.args().get(0)));
          break;
        default:
          values.put(n, call(n));
          break;
      }
    }
    if (outputs == null) {
      throw new IllegalArgumentException("the graph has no output node");
    }
    return outputs;
  }

  private Object call(Node n) {
    @SuppressWarnings("unchecked")
    List<Object> args = (List<Object>) value(n.args());
    Target t = n.target();
    if (t instanceof Target.Op op) {
      return callOp(n, op.op(), withKeywords(op.op(), args, n));
    }
    if (t instanceof Target.SymOp s) {
      return SymOps.apply(s.op(), args, n);
    }
    if (t instanceof Target.GetItem) {
      return ((List<?>) args.get(0)).get(Math.toIntExact((Long) args.get(1)));
    }
    return higherOrder(((Target.HigherOrder) t).name(), args, n);
  }

  /** Keyword arguments merged into the positional ones, by schema position. */
  private List<Object> withKeywords(OpDef op, List<Object> args, Node n) {
    if (n.kwargs().isEmpty()) {
      return args;
    }
    List<Object> all = op.withDefaults(args);
    int last = args.size() - 1;
    for (int i = args.size(); i < all.size(); i++) {
      String name = op.schema().arguments().get(i).name();
      if (n.kwargs().containsKey(name)) {
        all.set(i, value(n.kwargs().get(name)));
        last = i;
      }
    }
    return new ArrayList<>(all.subList(0, last + 1));
  }

  private Object callOp(Node n, OpDef op, List<Object> args) {
    if (op == AtenOps.ASSERT_SCALAR) {
      args = renamedAssert(args);
    }
    Optional<Functionalization.Result> f = Functionalization.apply(op, args, this::apply);
    if (f.isEmpty()) {
      return apply(op, args);
    }
    for (Map.Entry<Integer, Object> w : f.get().writes().entrySet()) {
      rebind(n.args().get(w.getKey()), w.getValue());
    }
    return f.get().value();
  }

  /**
   * A runtime assert's arguments with its message naming the node that now computes the condition
   * ({@code ... on node 'ge'}), which replaying may have named differently.
   */
  private static List<Object> renamedAssert(List<Object> args) {
    if (args.size() < 2
        || !(args.get(0) instanceof SymBool b)
        || !(b.handle() instanceof Node cond)
        || !(args.get(1) instanceof String message)) {
      return args;
    }
    int at = message.lastIndexOf(" on node '");
    if (at < 0 || !message.endsWith("'")) {
      return args;
    }
    List<Object> out = new ArrayList<>(args);
    out.set(1, message.substring(0, at) + " on node '" + cond.name() + "'");
    return out;
  }

  /** {@code op} on {@code args}: its decomposition when the table has one, else the op itself. */
  Object apply(OpDef op, List<Object> args) {
    Optional<Decomposition> d = table.get(op);
    if (d.isPresent()) {
      return d.get().decompose(op.withDefaults(args));
    }
    return Dispatch.call(op, args.toArray());
  }

  /**
   * Makes {@code mutated} (a node of the old graph) and the nodes it was mutated through in place
   * refer to {@code value}; a placeholder among them is a mutated input.
   */
  private void rebind(Object mutated, Object value) {
    Object a = mutated;
    while (a instanceof Node node) {
      values.put(node, value);
      if (node.op() == Node.Op.PLACEHOLDER) {
        mutatedInputs.put(node, value);
        return;
      }
      OptionalInt through = inPlaceArgument(node);
      if (through.isEmpty()) {
        return;
      }
      a = node.args().get(through.getAsInt());
    }
  }

  /** For an in-place op's node, the position of the argument it mutated. */
  static OptionalInt inPlaceArgument(Node n) {
    if (n.target() instanceof Target.Op t && t.op().mutates()) {
      OptionalInt aliased = t.op().schema().aliasedArgument();
      if (aliased.isPresent() && aliased.getAsInt() < n.args().size()) {
        return aliased;
      }
    }
    return OptionalInt.empty();
  }

  private Object higherOrder(String name, List<Object> args, Node n) {
    switch (name) {
      case "cond":
        {
          GraphModule t = (GraphModule) args.get(1);
          GraphModule f = (GraphModule) args.get(2);
          return ControlFlow.cond(
              args.get(0), ops -> body(t, ops), ops -> body(f, ops), (List<?>) args.get(3));
        }
      case "map_impl":
        {
          GraphModule b = (GraphModule) args.get(0);
          List<?> rest = (List<?>) args.get(2);
          return ControlFlow.map(ops -> body(b, ops), args.get(1), rest.toArray());
        }
      case "while_loop":
        {
          // additional inputs are module state: the new bodies lift them again
          List<?> extra = seq(args.get(3));
          GraphModule c = (GraphModule) args.get(0);
          GraphModule b = (GraphModule) args.get(1);
          return ControlFlow.whileLoop(
              ops -> body(c, concat(ops, extra)).get(0),
              ops -> body(b, concat(ops, extra)),
              seq(args.get(2)));
        }
      case "scan":
        {
          List<?> extra = seq(args.get(3));
          GraphModule c = (GraphModule) args.get(0);
          return ControlFlow.scan(
              ops -> body(c, concat(ops, extra)), seq(args.get(1)), seq(args.get(2)));
        }
      default:
        throw new UnsupportedOperationException(
            "cannot decompose a program with torch.ops.higher_order."
                + name
                + " (node '"
                + n.name()
                + "')");
    }
  }

  private static List<Object> concat(List<Tensor> a, List<?> b) {
    List<Object> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private List<Tensor> body(GraphModule m, List<?> inputs) {
    List<Tensor> out = new ArrayList<>();
    for (Object o : new Retracer(table).run(m, inputs)) {
      out.add((Tensor) o);
    }
    return out;
  }

  private static List<?> seq(Object v) {
    return v instanceof Object[] a ? List.of(a) : (List<?>) v;
  }

  private Object value(Object a) {
    if (a instanceof Node n) {
      if (!values.containsKey(n)) {
        throw new IllegalStateException("node " + n + " is used before it is defined");
      }
      return values.get(n);
    }
    if (a instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(value(x));
      }
      return out;
    }
    if (a instanceof Object[] arr) {
      Object[] out = new Object[arr.length];
      for (int i = 0; i < arr.length; i++) {
        out[i] = value(arr[i]);
      }
      return out;
    }
    return a;
  }

  /** The Python operators on symbolic values, replayed with {@link SymInt} and {@link SymBool}. */
  private static final class SymOps {
    private SymOps() {}

    static Object apply(String op, List<Object> a, Node n) {
      switch (op) {
        case "add":
          return i(a, 0).plus(i(a, 1));
        case "sub":
          return i(a, 0).minus(i(a, 1));
        case "mul":
          return i(a, 0).times(i(a, 1));
        case "floordiv":
          return i(a, 0).floorDiv(i(a, 1));
        case "mod":
          return i(a, 0).mod(i(a, 1));
        case "neg":
          return i(a, 0).neg();
        case "sym_max":
          return i(a, 0).max(i(a, 1));
        case "sym_min":
          return i(a, 0).min(i(a, 1));
        case "eq":
          return i(a, 0).eq(i(a, 1));
        case "ne":
          return i(a, 0).ne(i(a, 1));
        case "lt":
          return i(a, 0).lt(i(a, 1));
        case "le":
          return i(a, 0).le(i(a, 1));
        case "gt":
          return i(a, 0).gt(i(a, 1));
        case "ge":
          return i(a, 0).ge(i(a, 1));
        case "and_":
          return b(a, 0).and(b(a, 1));
        case "or_":
          return b(a, 0).or(b(a, 1));
        case "not_":
          return b(a, 0).not();
        default:
          throw new UnsupportedOperationException(
              "cannot replay the symbolic operator " + op + " (node '" + n.name() + "')");
      }
    }

    private static SymInt i(List<Object> a, int k) {
      Object v = a.get(k);
      return v instanceof SymInt s ? s : SymInt.of(((Number) v).longValue());
    }

    private static SymBool b(List<Object> a, int k) {
      Object v = a.get(k);
      return v instanceof SymBool s ? s : SymBool.constant((Boolean) v);
    }
  }
}
