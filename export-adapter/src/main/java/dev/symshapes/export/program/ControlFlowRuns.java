package dev.symshapes.export.program;

import dev.symshapes.export.graph.Node;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.ShapeKernels;
import dev.symshapes.export.tensor.TensorData;
import java.util.ArrayList;
import java.util.List;

/**
 * How the interpreter runs the loops among the higher-order ops on concrete values: {@code
 * while_loop} (run the body while the condition sub-graph returns true) and {@code scan} (thread a
 * carry through the slices of the scanned tensors and stack the per-step outputs).
 */
final class ControlFlowRuns {
  private ControlFlowRuns() {}

  /**
   * {@code while_loop(cond_graph, body_graph, carried_inputs, additional_inputs)}: the final
   * carried values.
   */
  static List<Object> whileLoop(
      GraphInterpreter cond, GraphInterpreter body, List<?> carried, List<?> additional, Node n) {
    List<Object> vals = new ArrayList<>(carried);
    while (condition(cond.run(concat(vals, additional)), n)) {
      List<Object> next = body.run(concat(vals, additional));
      if (next.size() != vals.size()) {
        throw new IllegalStateException(
            "while_loop (node '"
                + n.name()
                + "'): body_fn returned "
                + next.size()
                + " values for "
                + vals.size()
                + " carried inputs");
      }
      vals = next;
    }
    return vals;
  }

  private static boolean condition(List<Object> out, Node n) {
    if (out.size() == 1
        && out.get(0) instanceof TensorData t
        && t.numel() == 1
        && t.dtype() == DType.BOOL) {
      return (Boolean) t.item();
    }
    throw new IllegalStateException(
        "while_loop (node '"
            + n.name()
            + "'): cond_fn must return a boolean scalar tensor, but returned "
            + out);
  }

  /**
   * {@code scan(combine_graph, init, xs, additional_inputs)} along dimension 0: the final carry
   * followed by the stacked per-step outputs.
   *
   * @throws UnsupportedOperationException when the scanned dimension is empty (the stacked outputs'
   *     shapes would have to come from the graph's metadata)
   */
  static List<Object> scan(
      GraphInterpreter combine, List<?> init, List<?> xs, List<?> additional, Node n) {
    long count = ((TensorData) xs.get(0)).size(0);
    for (Object x : xs) {
      if (((TensorData) x).size(0) != count) {
        throw new IllegalArgumentException(
            "scan (node '"
                + n.name()
                + "'): the scanned tensors have different first sizes ("
                + count
                + " and "
                + ((TensorData) x).size(0)
                + ")");
      }
    }
    if (count == 0) {
      throw new UnsupportedOperationException(
          "scan (node '" + n.name() + "') over an empty dimension is not supported");
    }
    List<Object> carry = new ArrayList<>(init);
    List<List<TensorData>> ys = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      List<Object> in = new ArrayList<>(carry);
      for (Object x : xs) {
        in.add(ShapeKernels.select((TensorData) x, 0, i));
      }
      in.addAll(additional);
      List<Object> out = combine.run(in);
      carry = new ArrayList<>(out.subList(0, init.size()));
      for (int k = init.size(); k < out.size(); k++) {
        int y = k - init.size();
        if (ys.size() <= y) {
          ys.add(new ArrayList<>());
        }
        ys.get(y).add(ShapeKernels.unsqueeze((TensorData) out.get(k), 0));
      }
    }
    List<Object> result = new ArrayList<>(carry);
    for (List<TensorData> parts : ys) {
      result.add(ShapeKernels.cat(parts, 0));
    }
    return result;
  }

  private static List<Object> concat(List<?> a, List<?> b) {
    List<Object> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
