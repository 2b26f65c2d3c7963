package dev.symshapes.export.trace;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpSchema;
import dev.symshapes.export.spi.TensorMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Traces the body of a control-flow operator into a sub-graph: a child {@link Tracer} with one
 * placeholder per input (named after the value the enclosing graph passes in), the body's Java code
 * run on those placeholders while the enclosing tracer is suspended (so that a body that uses a
 * captured tensor fails), and the checks every body must pass: it returns tensors, it does not
 * mutate its inputs, and it does not return an input or a view of one.
 */
final class BodyTracer {
  private BodyTracer() {}

  /**
   * One input of a body: the placeholder's name and metadata, and whether the value passed in is
   * module state (which the body may then pass on to the bodies it has).
   */
  record Input(String name, TensorMeta meta, boolean state) {}

  /** How a body returned its tensors, so that the operator returns them the same way. */
  enum Structure {
    /** One {@link Tensor}. */
    SINGLE,
    /** A {@code List} of tensors. */
    LIST,
    /** A {@code Tensor[]}. */
    ARRAY
  }

  /**
   * A traced body.
   *
   * @param module the sub-graph
   * @param outputs the metadata of its outputs, as values of the enclosing trace
   * @param structure how the body returned them
   * @param lifted the module state of the enclosing trace the body used, passed to the sub-graph
   *     after the inputs, in this order
   */
  record Traced(
      GraphModule module,
      ImmutableList<TensorMeta> outputs,
      Structure structure,
      ImmutableList<Tensor> lifted) {}

  /**
   * Traces {@code body} of operator {@code op} ({@code "cond"}), called {@code fn} in messages
   * ({@code "true_fn"}), inside {@code parent}.
   */
  static Traced trace(
      Tracer parent, String op, String fn, List<Input> inputs, Function<List<Tensor>, ?> body) {
    return trace(parent, op, fn, inputs, List.of(), body);
  }

  /**
   * As {@link #trace(Tracer, String, String, List, Function)}, with the module state {@code
   * preLifted} lifted first (the state another body of the same operator uses, so that both
   * sub-graphs take the same inputs).
   */
  static Traced trace(
      Tracer parent,
      String op,
      String fn,
      List<Input> inputs,
      List<Tensor> preLifted,
      Function<List<Tensor>, ?> body) {
    String bodyName = op + "'s " + fn;
    Tracer child = new Tracer(parent.env(), parent, bodyName);
    List<Tensor> args = new ArrayList<>(inputs.size());
    Set<String> used = new HashSet<>();
    for (Input in : inputs) {
      String name = in.name();
      for (int k = 1; !used.add(name); k++) {
        name = in.name() + "_" + k;
      }
      Tensor arg = child.tensorInput(name, in.meta());
      if (in.state()) {
        child.markState(arg);
      }
      args.add(arg);
    }
    for (Tensor t : preLifted) {
      child.nesting().lift(t);
    }
    Object result;
    parent.nesting().suspendFor(child);
    try {
      result = child.run(() -> body.apply(java.util.Collections.unmodifiableList(args)));
    } finally {
      parent.nesting().suspendFor(null);
    }
    Structure structure;
    List<?> items;
    if (result instanceof Tensor) {
      structure = Structure.SINGLE;
      items = List.of(result);
    } else if (result instanceof List<?> l) {
      structure = Structure.LIST;
      items = l;
    } else if (result instanceof Tensor[] a) {
      structure = Structure.ARRAY;
      items = List.of(a);
    } else {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          "Expect "
              + bodyName
              + " to return a tensor or a list of tensors, but it returned "
              + ControlFlowChecks.describe(result)
              + ".");
    }
    List<Object> nodes = new ArrayList<>(items.size());
    List<TensorMeta> metas = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Tensor t)) {
        throw new ControlFlowException(
            ControlFlowException.Rule.OUTPUTS,
            "Expect outputs of "
                + bodyName
                + " to only contain tensors, but output "
                + i
                + " is "
                + ControlFlowChecks.describe(items.get(i))
                + ".");
      }
      nodes.add(child.toNodeArg(t));
      metas.add(parent.rehome(t.meta()));
    }
    Graph g = child.graph();
    g.output(nodes);
    checkNoInputMutation(g, bodyName);
    checkNoInputAlias(g, bodyName);
    g.eliminateDeadCode(BodyTracer::hasSideEffect);
    return new Traced(
        child.graphModule(),
        ImmutableList.copyOf(metas),
        structure,
        ImmutableList.copyOf(child.nesting().liftedInputs()));
  }

  /**
   * Adds unused placeholders to {@code t}'s sub-graph for the lifted values in {@code all} that it
   * does not have yet (they follow its own), so that it takes the same inputs as a sibling body.
   */
  static void alignLifted(Traced t, List<Tensor> all, Tracer parent) {
    Graph g = t.module().graph();
    Set<String> taken = new HashSet<>();
    for (Node p : g.placeholders()) {
      taken.add(p.name());
    }
    for (Tensor x : all.subList(t.lifted().size(), all.size())) {
      Node n = (Node) parent.toNodeArg(x);
      String name = n.name();
      for (int k = 1; taken.contains(name); k++) {
        name = n.name() + "_" + k;
      }
      taken.add(name);
      g.placeholder(name, parent.rehome(x.meta()));
    }
  }

  private static void checkNoInputMutation(Graph g, String bodyName) {
    for (Node n : g.nodes()) {
      if (!(n.target() instanceof Target.Op t) || !t.op().mutates()) {
        continue;
      }
      List<OpSchema.Argument> params = t.op().schema().arguments();
      for (int i = 0; i < params.size() && i < n.args().size(); i++) {
        if (!params.get(i).mutated()) {
          continue;
        }
        Node input = inputBehind(n.args().get(i));
        if (input != null) {
          throw new ControlFlowException(
              ControlFlowException.Rule.INPUT_MUTATION,
              bodyName
                  + " is modifying its input '"
                  + input.name()
                  + "' ("
                  + t.op().qualifiedName()
                  + " at node '"
                  + n.name()
                  + "')! Consider cloning the input before modifying it: the bodies of"
                  + " control-flow operators cannot mutate their inputs.");
        }
      }
    }
  }

  private static void checkNoInputAlias(Graph g, String bodyName) {
    List<?> outs = (List<?>) g.output().args().get(0);
    for (Object o : outs) {
      Node input = inputBehind(o);
      if (input != null) {
        throw new ControlFlowException(
            ControlFlowException.Rule.INPUT_ALIAS,
            bodyName
                + " is aliasing its input '"
                + input.name()
                + "': it returns the input or a view of it. If you are returning a view of the"
                + " input, please make sure to clone it.");
      }
    }
  }

  /** The placeholder that {@code arg} is, or is a view of (through aliasing ops); else null. */
  private static Node inputBehind(Object arg) {
    Object a = arg;
    while (a instanceof Node n) {
      if (n.op() == Node.Op.PLACEHOLDER) {
        return n;
      }
      if (!(n.target() instanceof Target.Op t)) {
        return null;
      }
      OptionalInt aliased = t.op().schema().aliasedArgument();
      if (aliased.isEmpty() || aliased.getAsInt() >= n.args().size()) {
        return null;
      }
      a = n.args().get(aliased.getAsInt());
    }
    return null;
  }

  /** Calls that stay in a body even when unused: in-place ops and asserts. */
  static boolean hasSideEffect(Node n) {
    if (n.target() instanceof Target.Op t) {
      OpDef op = t.op();
      String name = op.schema().name();
      return op.mutates()
          || name.equals("_assert_scalar")
          || name.startsWith("sym_constrain_range");
    }
    return false;
  }
}
