package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.graph.Node;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.expr.BoolExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Data-dependent control flow that export can capture: PyTorch's higher-order operators {@code
 * torch.cond}, {@code map}, {@code while_loop} and {@code scan} for Java models. Run directly, each
 * executes its Java functions on concrete tensors; while a model is exported, each traces its
 * functions into sub-graphs ({@code true_graph_0}, {@code body_graph_0}) and records one {@code
 * torch.ops.higher_order} node whose results are read with {@code getitem}.
 *
 * <pre>{@code
 * public Tensor forward(Tensor x) {
 *   return ControlFlow.cond(x.sum().gt(0), ops -> ops.get(0).sin(), ops -> ops.get(0).cos(),
 *       List.of(x));
 * }
 * }</pre>
 *
 * <p>The functions follow PyTorch's restrictions, and breaking one fails with a {@link
 * ControlFlowException} that names the rule: operands are tensors; a body uses only what it is
 * given (no tensors or symbolic values captured from the enclosing code), except the module's state
 * ("{@code self}"): parameters, buffers and constant tensors a body uses are passed to its
 * sub-graph as extra inputs ({@code cond(gt, true_graph_0, false_graph_0, [x, p_lin_weight])}); it
 * returns tensors; it does not mutate its inputs or return one of them (or a view of one); both
 * branches of {@code cond} return tensors of the same dtype and shape; a loop body returns what it
 * was given.
 */
public final class ControlFlow {
  private ControlFlow() {}

  // ---- cond ----

  /**
   * {@code torch.cond(pred, true_fn, false_fn, operands)}: {@code trueFn(operands)} when {@code
   * pred} holds, else {@code falseFn(operands)}.
   *
   * <p>{@code pred} is a Java {@code boolean}, a {@link SymBool} (such as {@code x.size(0).gt(4)})
   * or a one-element tensor. While exporting, a tensor or a symbolic {@code SymBool} keeps both
   * branches in the graph ({@code torch.ops.higher_order.cond(gt, true_graph_0, false_graph_0,
   * [x])}) and stays symbolic: no guard is added; a constant predicate (a Java boolean, or a size
   * specialized to a constant) runs only its branch, inline, as {@code torch.cond} does.
   *
   * @param trueFn called with the operands; returns a {@link Tensor}, a {@code List<Tensor>} or a
   *     {@code Tensor[]}
   * @param falseFn the same for the other branch; returns tensors of the same dtypes and shapes
   * @param operands the tensors both functions receive
   * @return what the branch returned, in the same form (a tensor, a list or an array)
   * @throws ControlFlowException when a rule of {@code cond} is broken
   */
  public static <R> R cond(
      Object pred,
      Function<List<Tensor>, R> trueFn,
      Function<List<Tensor>, R> falseFn,
      List<?> operands) {
    checkNotNull(trueFn, "trueFn");
    checkNotNull(falseFn, "falseFn");
    List<Tensor> ops = ControlFlowChecks.tensors("cond", "operands", "operand", operands);
    List<Object> all = new ArrayList<>(ops);
    all.add(pred);
    Tracer t = tracerOf(all);
    Object predArg;
    if (pred instanceof Boolean b) {
      return (b ? trueFn : falseFn).apply(Collections.unmodifiableList(ops));
    } else if (pred instanceof SymBool sb) {
      // A predicate specialized to a constant (a size that is 0 or 1, a static shape) runs only
      // its branch; a symbolic one stays symbolic in the graph, without a guard.
      BoolExpr known = sb.isConstant() || t == null ? null : t.env().replace(sb.expr());
      if (t == null || sb.isConstant() || known.isConstant()) {
        boolean v = known != null ? known.isTrue() : sb.bool();
        return (v ? trueFn : falseFn).apply(Collections.unmodifiableList(ops));
      }
      predArg = t.symValues().boolArg(sb);
    } else if (pred instanceof Tensor pt) {
      if (!pt.numel().eq(1).bool()) {
        throw ControlFlowChecks.predicateError(pred);
      }
      if (t == null) {
        boolean v = truthy(pt.data());
        return (v ? trueFn : falseFn).apply(Collections.unmodifiableList(ops));
      }
      predArg = t.toNodeArg(pt);
    } else {
      throw ControlFlowChecks.predicateError(pred);
    }
    List<Object> nodes = nodes(t, ops);
    List<BodyTracer.Input> inputs = inputs(nodes, ops, false);
    int i = t.freeSubgraphIndex("true_graph_", "false_graph_");
    BodyTracer.Traced tr = BodyTracer.trace(t, "cond", "true_fn", inputs, trueFn);
    BodyTracer.Traced fr = BodyTracer.trace(t, "cond", "false_fn", inputs, tr.lifted(), falseFn);
    ControlFlowChecks.checkSameOutputs(t, tr.outputs(), fr.outputs());
    // module state either branch uses is passed to both, after the operands
    BodyTracer.alignLifted(tr, fr.lifted(), t);
    nodes.addAll(nodes(t, fr.lifted()));
    Node ta = t.addSubgraph("true_graph_" + i, tr.module());
    Node fa = t.addSubgraph("false_graph_" + i, fr.module());
    List<Tensor> outs = t.recordHigherOrder("cond", List.of(predArg, ta, fa, nodes), fr.outputs());
    @SuppressWarnings("unchecked") // the branch returned this form
    R r = (R) structured(outs, tr.structure());
    return r;
  }

  // ---- map ----

  /**
   * {@code map(f, xs, *args)}: applies {@code body} to each slice of {@code xs} along its first
   * dimension and stacks the results. {@code body} receives the slices of the mapped tensors
   * followed by {@code args} (passed whole); recorded as {@code
   * torch.ops.higher_order.map_impl(body_graph_0, [xs], [y, z])}.
   *
   * @param body returns a {@link Tensor}, a {@code List<Tensor>} or a {@code Tensor[]}
   * @param xs the mapped tensor, or a list of mapped tensors with equal first dimensions
   * @param args tensors passed to every call
   * @return the stacked results, in the form {@code body} returns them
   * @throws ControlFlowException when a rule of {@code map} is broken
   */
  public static <R> R map(Function<List<Tensor>, R> body, Object xs, Object... args) {
    checkNotNull(body, "body");
    checkNotNull(args, "args");
    List<Tensor> mapped = mappedXs(xs);
    List<Tensor> rest =
        ControlFlowChecks.tensors("map", "args", "argument", java.util.Arrays.asList(args));
    SymInt n = ControlFlowChecks.leadingSize("map", mapped);
    List<Object> all = new ArrayList<>(mapped);
    all.addAll(rest);
    Tracer t = tracerOf(all);
    if (t == null) {
      long count = n.constantValue();
      List<Object> results = new ArrayList<>();
      BodyTracer.Structure structure = null;
      for (long i = 0; i < count; i++) {
        List<Tensor> in = new ArrayList<>();
        for (Tensor x : mapped) {
          in.add(x.select(0, i));
        }
        in.addAll(rest);
        Object r = body.apply(Collections.unmodifiableList(in));
        structure = structureOf("map", "body_fn", r);
        results.add(r);
      }
      @SuppressWarnings("unchecked") // the body returned this form
      R r = (R) structured(stack(results), structure);
      return r;
    }
    List<Object> mappedNodes = nodes(t, mapped);
    List<Object> restNodes = nodes(t, rest);
    List<BodyTracer.Input> inputs = inputs(mappedNodes, mapped, true);
    inputs.addAll(inputs(restNodes, rest, false));
    String attr = "body_graph_" + t.freeSubgraphIndex("body_graph_");
    BodyTracer.Traced b = BodyTracer.trace(t, "map", "body_fn", inputs, body);
    restNodes.addAll(nodes(t, b.lifted()));
    List<TensorMeta> outs = new ArrayList<>();
    for (TensorMeta m : b.outputs()) {
      List<SymInt> sizes = new ArrayList<>();
      sizes.add(n);
      sizes.addAll(m.sizes());
      outs.add(TensorMeta.contiguous(m.dtype(), sizes));
    }
    Node a = t.addSubgraph(attr, b.module());
    List<Tensor> results =
        t.recordHigherOrder("map_impl", List.of(a, mappedNodes, restNodes), outs);
    @SuppressWarnings("unchecked") // the body returned this form
    R r = (R) structured(results, b.structure());
    return r;
  }

  private static List<Tensor> mappedXs(Object xs) {
    List<?> flat = xs instanceof List<?> l ? l : java.util.Collections.singletonList(xs);
    List<Tensor> out = new ArrayList<>();
    for (Object o : flat) {
      if (!(o instanceof Tensor t) || t.dim() == 0) {
        throw new ControlFlowException(
            ControlFlowException.Rule.OPERANDS,
            "map: Mapped xs can only consist of tensors with at least one dimension. Got xs "
                + ControlFlowChecks.describeAll(flat)
                + ".");
      }
      out.add(t);
    }
    if (out.isEmpty()) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OPERANDS, "map: Mapped xs must hold at least one tensor.");
    }
    return out;
  }

  // ---- while_loop ----

  /**
   * {@code torch.while_loop(cond_fn, body_fn, carried_inputs)}: {@code val = carried; while
   * (condFn(val)) val = bodyFn(val); return val;}. Recorded as {@code
   * torch.ops.higher_order.while_loop(while_loop_cond_graph_0, while_loop_body_graph_0, (x,), ())};
   * the number of iterations is only known when the program runs.
   *
   * @param condFn returns a boolean tensor with one element and no dimensions
   * @param bodyFn returns a list (or array) of tensors with the dtypes and shapes of {@code
   *     carried}
   * @param carried the initial values
   * @return the final values
   * @throws ControlFlowException when a rule of {@code while_loop} is broken
   */
  public static List<Tensor> whileLoop(
      Function<List<Tensor>, ?> condFn, Function<List<Tensor>, ?> bodyFn, List<?> carried) {
    checkNotNull(condFn, "condFn");
    checkNotNull(bodyFn, "bodyFn");
    List<Tensor> init =
        ControlFlowChecks.tensors("while_loop", "carried_inputs", "carried input", carried);
    Tracer t = tracerOf(new ArrayList<>(init));
    if (t == null) {
      List<Tensor> vals = init;
      while (loopCondition(condFn.apply(Collections.unmodifiableList(vals)))) {
        List<Tensor> next = loopBodyOutputs(bodyFn.apply(Collections.unmodifiableList(vals)));
        ControlFlowChecks.checkCarried(
            null, "while_loop", "body_fn", metas(vals), metas(next), "carried input");
        vals = next;
      }
      return Collections.unmodifiableList(new ArrayList<>(vals));
    }
    List<Object> nodes = nodes(t, init);
    List<BodyTracer.Input> inputs = inputs(nodes, init, false);
    int i = t.freeSubgraphIndex("while_loop_cond_graph_", "while_loop_body_graph_");
    BodyTracer.Traced c = BodyTracer.trace(t, "while_loop", "cond_fn", inputs, condFn);
    if (c.outputs().size() != 1
        || c.outputs().get(0).dim() != 0
        || c.outputs().get(0).dtype() != dev.symshapes.export.tensor.DType.BOOL) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          "while_loop: cond_fn must return a boolean scalar tensor, but it returned "
              + ControlFlowChecks.metasText(t, c.outputs())
              + ".");
    }
    BodyTracer.Traced b = BodyTracer.trace(t, "while_loop", "body_fn", inputs, c.lifted(), bodyFn);
    ControlFlowChecks.checkCarried(
        t, "while_loop", "body_fn", metas(init), b.outputs(), "carried input");
    // module state the functions use is an additional input of both
    BodyTracer.alignLifted(c, b.lifted(), t);
    Object[] additional = nodes(t, b.lifted()).toArray();
    Node ca = t.addSubgraph("while_loop_cond_graph_" + i, c.module());
    Node ba = t.addSubgraph("while_loop_body_graph_" + i, b.module());
    List<TensorMeta> outs = new ArrayList<>();
    for (Tensor x : init) {
      outs.add(t.rehome(x.meta()));
    }
    return Collections.unmodifiableList(
        t.recordHigherOrder("while_loop", List.of(ca, ba, nodes.toArray(), additional), outs));
  }

  private static boolean loopCondition(Object r) {
    if (r instanceof Tensor c
        && c.dim() == 0
        && c.dtype() == dev.symshapes.export.tensor.DType.BOOL) {
      return truthy(c.data());
    }
    throw new ControlFlowException(
        ControlFlowException.Rule.OUTPUTS,
        "while_loop: cond_fn must return a boolean scalar tensor, but it returned "
            + ControlFlowChecks.describe(r)
            + ".");
  }

  private static List<Tensor> loopBodyOutputs(Object r) {
    List<?> items = r instanceof Tensor[] a ? List.of(a) : r instanceof List<?> l ? l : null;
    if (items == null) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          "while_loop: body_fn must return a list of tensors, but it returned "
              + ControlFlowChecks.describe(r)
              + ".");
    }
    return ControlFlowChecks.tensors("while_loop", "the outputs of body_fn", "output", items);
  }

  // ---- scan ----

  /**
   * {@code torch.scan(combine_fn, init, xs)} along the first dimension: {@code carry = init; for
   * each slice x of xs: (carry, y) = combineFn(carry, x)}; returns the final carry followed by the
   * stacked {@code y}s. {@code combineFn} receives the carried tensors followed by one slice of
   * each of {@code xs}, and returns the next carried tensors (as many as {@code init}, with the
   * same dtypes and shapes) followed by the per-step outputs. Recorded as {@code
   * torch.ops.higher_order.scan(scan_combine_graph_0, [init], [xs], ())}.
   *
   * @return the final carried tensors, then one stacked tensor per per-step output
   * @throws ControlFlowException when a rule of {@code scan} is broken
   */
  public static List<Tensor> scan(
      Function<List<Tensor>, ? extends List<Tensor>> combineFn, List<?> init, List<?> xs) {
    checkNotNull(combineFn, "combineFn");
    List<Tensor> carry0 = ControlFlowChecks.tensors("scan", "init", "init", init);
    List<Tensor> scanned = ControlFlowChecks.tensors("scan", "xs", "xs", xs);
    if (scanned.isEmpty() || scanned.stream().anyMatch(x -> x.dim() == 0)) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OPERANDS,
          "scan: xs must hold at least one tensor, each with at least one dimension. Got xs "
              + ControlFlowChecks.describeAll(scanned)
              + ".");
    }
    SymInt n = ControlFlowChecks.leadingSize("scan", scanned);
    List<Object> all = new ArrayList<>(carry0);
    all.addAll(scanned);
    Tracer t = tracerOf(all);
    int k = carry0.size();
    if (t == null) {
      List<Tensor> carry = carry0;
      List<List<Tensor>> ys = new ArrayList<>();
      for (long i = 0; i < n.constantValue(); i++) {
        List<Tensor> in = new ArrayList<>(carry);
        for (Tensor x : scanned) {
          in.add(x.select(0, i));
        }
        List<Tensor> out = scanOutputs(combineFn.apply(Collections.unmodifiableList(in)), k);
        ControlFlowChecks.checkCarried(
            null, "scan", "combine_fn", metas(carry0), metas(out.subList(0, k)), "init");
        carry = out.subList(0, k);
        ys.add(out.subList(k, out.size()));
      }
      List<Tensor> result = new ArrayList<>(carry);
      result.addAll(stack(new ArrayList<>(ys)));
      return Collections.unmodifiableList(result);
    }
    List<Object> initNodes = nodes(t, carry0);
    List<Object> xsNodes = nodes(t, scanned);
    List<BodyTracer.Input> inputs = inputs(initNodes, carry0, false);
    inputs.addAll(inputs(xsNodes, scanned, true));
    String attr = "scan_combine_graph_" + t.freeSubgraphIndex("scan_combine_graph_");
    BodyTracer.Traced c = BodyTracer.trace(t, "scan", "combine_fn", inputs, combineFn);
    if (c.outputs().size() < k) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          "scan: combine_fn must return the "
              + k
              + " carried tensor(s) followed by the per-step outputs, but it returned "
              + c.outputs().size()
              + " tensor(s).");
    }
    ControlFlowChecks.checkCarried(
        t, "scan", "combine_fn", metas(carry0), c.outputs().subList(0, k), "init");
    List<TensorMeta> outs = new ArrayList<>();
    for (Tensor x : carry0) {
      outs.add(t.rehome(x.meta()));
    }
    for (TensorMeta m : c.outputs().subList(k, c.outputs().size())) {
      List<SymInt> sizes = new ArrayList<>();
      sizes.add(n);
      sizes.addAll(m.sizes());
      outs.add(TensorMeta.contiguous(m.dtype(), sizes));
    }
    Node a = t.addSubgraph(attr, c.module());
    return Collections.unmodifiableList(
        t.recordHigherOrder(
            "scan", List.of(a, initNodes, xsNodes, nodes(t, c.lifted()).toArray()), outs));
  }

  private static List<Tensor> scanOutputs(Object r, int k) {
    List<?> items = r instanceof List<?> l ? l : null;
    if (items == null || items.size() < k) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          "scan: combine_fn must return the "
              + k
              + " carried tensor(s) followed by the per-step outputs, but it returned "
              + ControlFlowChecks.describe(r)
              + ".");
    }
    return ControlFlowChecks.tensors("scan", "the outputs of combine_fn", "output", items);
  }

  // ---- shared ----

  /** The tracer of the traced values among {@code values}, or the active one; null when eager. */
  private static Tracer tracerOf(List<?> values) {
    Tracer t = Dispatch.findTracer(values);
    return t != null ? t : Tracer.active();
  }

  private static List<Object> nodes(Tracer t, List<Tensor> ts) {
    List<Object> out = new ArrayList<>(ts.size());
    for (Tensor x : ts) {
      out.add(t.toNodeArg(x));
    }
    return out;
  }

  private static List<TensorMeta> metas(List<Tensor> ts) {
    List<TensorMeta> out = new ArrayList<>(ts.size());
    for (Tensor x : ts) {
      out.add(x.meta());
    }
    return out;
  }

  /** Body inputs named after the enclosing graph's nodes; {@code sliced}: one slice of dim 0. */
  private static List<BodyTracer.Input> inputs(
      List<Object> nodes, List<Tensor> values, boolean sliced) {
    List<BodyTracer.Input> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      TensorMeta m = values.get(i).meta();
      if (sliced) {
        m =
            new TensorMeta(
                m.dtype(),
                m.sizes().subList(1, m.dim()),
                m.strides().subList(1, m.dim()),
                m.storageOffset());
      }
      out.add(
          new BodyTracer.Input(
              ((Node) nodes.get(i)).name(), m, !sliced && Nesting.isState(values.get(i))));
    }
    return out;
  }

  private static BodyTracer.Structure structureOf(String op, String fn, Object r) {
    if (r instanceof Tensor) {
      return BodyTracer.Structure.SINGLE;
    }
    if (r instanceof List<?> l) {
      ControlFlowChecks.tensors(op, "the outputs of " + fn, "output", l);
      return BodyTracer.Structure.LIST;
    }
    if (r instanceof Tensor[]) {
      return BodyTracer.Structure.ARRAY;
    }
    throw new ControlFlowException(
        ControlFlowException.Rule.OUTPUTS,
        "Expect "
            + op
            + "'s "
            + fn
            + " to return a tensor or a list of tensors, but it returned "
            + ControlFlowChecks.describe(r)
            + ".");
  }

  private static List<Tensor> flat(Object r) {
    if (r instanceof Tensor t) {
      return List.of(t);
    }
    if (r instanceof Tensor[] a) {
      return List.of(a);
    }
    List<Tensor> out = new ArrayList<>();
    for (Object o : (List<?>) r) {
      out.add((Tensor) o);
    }
    return out;
  }

  /** Stacks the i-th tensors of each step's results along a new first dimension. */
  private static List<Tensor> stack(List<Object> steps) {
    List<List<Tensor>> perOutput = new ArrayList<>();
    for (Object step : steps) {
      List<Tensor> ts = flat(step);
      for (int k = 0; k < ts.size(); k++) {
        if (perOutput.size() <= k) {
          perOutput.add(new ArrayList<>());
        }
        perOutput.get(k).add(ts.get(k).unsqueeze(0));
      }
    }
    List<Tensor> out = new ArrayList<>(perOutput.size());
    for (List<Tensor> parts : perOutput) {
      out.add(Torch.cat(parts, 0));
    }
    return out;
  }

  /** The outputs in the form the body returned them; callers cast to the body's type. */
  private static Object structured(List<Tensor> outs, BodyTracer.Structure s) {
    switch (s) {
      case SINGLE:
        return outs.get(0);
      case ARRAY:
        return outs.toArray(new Tensor[0]);
      default:
        return Collections.unmodifiableList(new ArrayList<>(outs));
    }
  }

  /** Python's truth value of a one-element tensor. */
  private static boolean truthy(TensorData d) {
    Object v = d.item();
    if (v instanceof Boolean b) {
      return b;
    }
    return ((Number) v).doubleValue() != 0;
  }
}
