package dev.symshapes.export.trace;

import dev.symshapes.export.graph.Node;
import dev.symshapes.export.spi.TensorMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one {@link Tracer} sits among the traces of control-flow bodies: the enclosing trace of a
 * body and what the body is called ({@code "cond's true_fn"}); the body being traced while this
 * trace is suspended (a call recorded on a suspended trace is a capture); and module state
 * (parameters, buffers, lifted constants), which bodies may use: the first use in a body lifts it
 * into the body's sub-graph as an extra input, through every body in between.
 */
final class Nesting {
  private final Tracer owner;
  private final Tracer parent;
  private final String bodyName;
  private Tracer suspendedBy;
  private final Set<Node> stateNodes = new HashSet<>();
  private final Map<Node, Lift> lifted = new LinkedHashMap<>();

  /** A value of the enclosing trace and the placeholder of this body that stands for it. */
  private record Lift(Tensor enclosing, Tensor local) {}

  Nesting(Tracer owner, Tracer parent, String bodyName) {
    this.owner = owner;
    this.parent = parent;
    this.bodyName = bodyName;
  }

  /** The enclosing trace of a body, or null for a top-level trace. */
  Tracer parent() {
    return parent;
  }

  /** What a body traces ({@code "cond's true_fn"}), or null for a top-level trace. */
  String bodyName() {
    return bodyName;
  }

  /** Suspends the trace while {@code body} is traced (null resumes it). */
  void suspendFor(Tracer body) {
    this.suspendedBy = body;
  }

  /** True while a body of this trace is being traced. */
  boolean isSuspended() {
    return suspendedBy != null;
  }

  /** The body being traced, innermost first: where a call of a suspended trace belongs. */
  Tracer innermost() {
    Tracer inner = suspendedBy;
    while (inner.nesting().suspendedBy != null) {
      inner = inner.nesting().suspendedBy;
    }
    return inner;
  }

  /** Marks a placeholder of the trace as module state. */
  void markState(Node n) {
    stateNodes.add(n);
  }

  /** True when {@code t} is module state of the trace it belongs to. */
  static boolean isState(Tensor t) {
    return t.impl() instanceof TensorImpl.Fake f
        && f.tracer().nesting().stateNodes.contains(f.node());
  }

  /**
   * The placeholder of this body for {@code t}, module state of an enclosing trace, created on
   * first use (and in the bodies in between).
   */
  Tensor lift(Tensor t) {
    TensorImpl.Fake f = (TensorImpl.Fake) t.impl();
    if (f.tracer() == owner) {
      return t;
    }
    Tensor enclosing = parent == f.tracer() ? t : parent.nesting().lift(t);
    Node key = ((TensorImpl.Fake) enclosing.impl()).node();
    Lift l = lifted.get(key);
    if (l == null) {
      String name = key.name();
      Set<String> taken = new HashSet<>();
      for (Node p : owner.graph().placeholders()) {
        taken.add(p.name());
      }
      for (int k = 1; taken.contains(name); k++) {
        name = key.name() + "_" + k;
      }
      Tensor local = owner.tensorInput(name, enclosing.meta());
      stateNodes.add(((TensorImpl.Fake) local.impl()).node());
      l = new Lift(enclosing, local);
      lifted.put(key, l);
    }
    return l.local();
  }

  /** The values of the enclosing trace this body lifted, in the order of their placeholders. */
  List<Tensor> liftedInputs() {
    List<Tensor> out = new ArrayList<>();
    for (Lift l : lifted.values()) {
      out.add(l.enclosing());
    }
    return out;
  }

  /**
   * {@code a} with the tensors of enclosing traces replaced by this body's placeholders for them:
   * module state and constant tensors of the model's code are lifted, anything else is a capture.
   */
  Object localize(Object a) {
    if (a instanceof Tensor t && t.impl() instanceof TensorImpl.Fake f && f.tracer() != owner) {
      if (isAncestor(f.tracer()) && isState(t)) {
        return lift(t);
      }
      if (isAncestor(f.tracer())) {
        throw ControlFlowException.capture(bodyName, "a tensor (node '" + f.node() + "')");
      }
      throw new IllegalArgumentException("a tensor of another trace was used in this trace");
    }
    if (a instanceof Tensor t && parent != null && !(t.impl() instanceof TensorImpl.Fake)) {
      // a constant tensor of the model's code: a lifted constant of the program, lifted here
      Tracer root = owner;
      while (root.nesting().parent != null) {
        root = root.nesting().parent;
      }
      Node c = root.constantNode(t.data());
      root.nesting().stateNodes.add(c);
      return lift(new Tensor(new TensorImpl.Fake((TensorMeta) c.val(), root, c)));
    }
    if (a instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(localize(x));
      }
      return out;
    }
    return a;
  }

  /** True when {@code t} encloses this trace. */
  boolean isAncestor(Tracer t) {
    for (Tracer p = parent; p != null; p = p.nesting().parent) {
      if (p == t) {
        return true;
      }
    }
    return false;
  }

  /** True when every tensor of this trace among {@code args} is module state. */
  boolean onlyStateOf(List<?> args) {
    for (Object a : args) {
      if (a instanceof Tensor t
          && t.impl() instanceof TensorImpl.Fake f
          && f.tracer() == owner
          && !stateNodes.contains(f.node())) {
        return false;
      }
      if (a instanceof List<?> l && !onlyStateOf(l)) {
        return false;
      }
    }
    return true;
  }

  /** The error for a body that called an op on {@code args}, values of this suspended trace. */
  ControlFlowException captured(List<Object> args) {
    String body = innermost().nesting().bodyName;
    for (Object a : args) {
      if (a instanceof Tensor t && t.impl() instanceof TensorImpl.Fake f && f.tracer() == owner) {
        return ControlFlowException.capture(body, "a tensor (node '" + f.node() + "')");
      }
    }
    return ControlFlowException.capture(body, "a value of an enclosing trace");
  }
}
