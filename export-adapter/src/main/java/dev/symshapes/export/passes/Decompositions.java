package dev.symshapes.export.passes;

import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.Views;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The core decomposition table ({@code torch.export.default_decompositions()}): the composite ops
 * of the registry lowered to the core ops they are made of.
 *
 * <ul>
 *   <li>{@code conv2d} becomes {@code convolution(x, w, b, stride, padding, dilation, False, [0,
 *       0], groups)} (unbatched inputs get a batch dimension and lose it again with {@code
 *       select});
 *   <li>{@code batch_norm} in training mode becomes {@code _native_batch_norm_legit_functional}
 *       (functionalization does this for every table, as in PyTorch, since it updates the running
 *       statistics); in evaluation mode the table makes it {@code
 *       _native_batch_norm_legit_no_training}; without running statistics it is kept;
 *   <li>{@code linear} becomes {@code permute} of the weight and {@code addmm} (or {@code mm}
 *       without bias), with {@code view}s around it for inputs that are not matrices;
 *   <li>{@code matmul} becomes {@code mm} with {@code view}s when one side is a matrix or vector
 *       and the other a matrix, vector or (folded) stack of matrices; batched products of two
 *       stacks are kept;
 *   <li>{@code flatten.using_ints} and {@code reshape} become {@code view}, or {@code clone} then
 *       {@code view} when the input's strides allow no view.
 * </ul>
 */
public final class Decompositions {
  private Decompositions() {}

  private static final DecompositionTable CORE =
      DecompositionTable.empty()
          .with(AtenOps.CONV2D, Decompositions::conv2d)
          .with(AtenOps.BATCH_NORM, Decompositions::batchNorm)
          .with(AtenOps.LINEAR, Decompositions::linear)
          .with(AtenOps.MATMUL, Decompositions::matmul)
          .with(AtenOps.FLATTEN, Decompositions::flatten)
          .with(AtenOps.RESHAPE, Decompositions::reshape);

  /** The core table; derive tables from it with {@link DecompositionTable#with}. */
  public static DecompositionTable defaultDecompositions() {
    return CORE;
  }

  private static Tensor call(OpDef op, Object... args) {
    return (Tensor) Dispatch.call(op, args);
  }

  static Object conv2d(List<Object> a) {
    Tensor x = (Tensor) a.get(0);
    List<?> stride = (List<?>) a.get(3);
    boolean unbatched = x.dim() == 3;
    Tensor in = unbatched ? x.unsqueeze(0) : x;
    Tensor out =
        call(
            AtenOps.CONVOLUTION,
            in,
            a.get(1),
            a.get(2),
            a.get(3),
            a.get(4),
            a.get(5),
            false,
            new ArrayList<Object>(Collections.nCopies(stride.size(), 0L)),
            a.get(6));
    return unbatched ? out.select(0, 0) : out;
  }

  static Object batchNorm(List<Object> a) {
    boolean training = (Boolean) a.get(5);
    if (!training && a.get(3) != null && a.get(4) != null) {
      List<?> outs =
          (List<?>)
              Dispatch.call(
                  AtenOps.NATIVE_BATCH_NORM_LEGIT_NO_TRAINING,
                  a.get(0),
                  a.get(1),
                  a.get(2),
                  a.get(3),
                  a.get(4),
                  a.get(6),
                  a.get(7));
      return outs.get(0);
    }
    return Dispatch.call(AtenOps.BATCH_NORM, a.toArray());
  }

  static Object linear(List<Object> a) {
    Tensor x = (Tensor) a.get(0);
    Tensor w = (Tensor) a.get(1);
    Object bias = a.get(2);
    Tensor wt = call(AtenOps.PERMUTE, w, List.of(1L, 0L));
    Tensor x2 = x.dim() == 2 ? x : view(x, List.of(-1L, w.size(1)));
    Tensor out = bias == null ? call(AtenOps.MM, x2, wt) : call(AtenOps.ADDMM, bias, x2, wt);
    if (x.dim() == 2) {
      return out;
    }
    List<Object> sizes = new ArrayList<>(x.sizes().subList(0, x.dim() - 1));
    sizes.add(w.size(0));
    return view(out, sizes);
  }

  static Object matmul(List<Object> a) {
    Tensor x = (Tensor) a.get(0);
    Tensor y = (Tensor) a.get(1);
    int dx = x.dim();
    int dy = y.dim();
    if (dx >= 1 && dy >= 1 && dy <= 2 && (dx <= 2 || Views.viewable(x.meta(), folded(x)))) {
      Tensor m1 = dx == 2 ? x : view(x, List.of(-1L, x.size(-1)));
      Tensor m2 = dy == 2 ? y : view(y, List.of(y.size(0), 1L));
      Tensor out = call(AtenOps.MM, m1, m2);
      List<Object> sizes = new ArrayList<>(x.sizes().subList(0, dx - 1));
      if (dy == 2) {
        sizes.add(y.size(1));
      }
      return dx == 2 && dy == 2 ? out : view(out, sizes);
    }
    return Dispatch.call(AtenOps.MATMUL, x, y);
  }

  private static List<SymInt> folded(Tensor x) {
    SymInt rows = SymInt.of(1);
    for (int d = 0; d < x.dim() - 1; d++) {
      rows = rows.times(x.size(d));
    }
    return List.of(rows, x.size(-1));
  }

  static Object flatten(List<Object> a) {
    Tensor x = (Tensor) a.get(0);
    if (x.dim() == 0) {
      return reshaped(x, List.of(SymInt.of(1)));
    }
    int start = wrap(((Number) a.get(1)).longValue(), x.dim());
    int end = wrap(((Number) a.get(2)).longValue(), x.dim());
    if (start >= end) {
      // start == end returns the input; start > end fails in the op's own check
      return start == end ? x : Dispatch.call(AtenOps.FLATTEN, a.toArray());
    }
    SymInt merged = SymInt.of(1);
    for (int d = start; d <= end; d++) {
      merged = merged.times(x.size(d));
    }
    List<SymInt> shape = new ArrayList<>(x.sizes().subList(0, start));
    shape.add(merged);
    shape.addAll(x.sizes().subList(end + 1, x.dim()));
    return reshaped(x, shape);
  }

  static Object reshape(List<Object> a) {
    Tensor x = (Tensor) a.get(0);
    List<?> shape = (List<?>) a.get(1);
    // view itself infers a -1 size (and checks the shape); viewability needs it now
    List<SymInt> inferred = new ArrayList<>();
    SymInt known = SymInt.of(1);
    int unknown = -1;
    for (int i = 0; i < shape.size(); i++) {
      SymInt s =
          shape.get(i) instanceof SymInt v ? v : SymInt.of(((Number) shape.get(i)).longValue());
      if (s.isConstant() && s.constantValue() == -1) {
        unknown = i;
      } else {
        known = known.times(s);
      }
      inferred.add(s);
    }
    if (unknown >= 0) {
      inferred.set(unknown, x.numel().floorDiv(known.max(SymInt.of(1))));
    }
    return Views.viewable(x.meta(), inferred) ? view(x, shape) : view(x.clone(), shape);
  }

  private static Tensor reshaped(Tensor x, List<SymInt> shape) {
    return Views.viewable(x.meta(), shape) ? view(x, shape) : view(x.clone(), shape);
  }

  private static Tensor view(Tensor x, List<?> sizes) {
    return call(AtenOps.VIEW, x, new ArrayList<Object>(sizes));
  }

  private static int wrap(long d, int n) {
    return (int) (d < 0 ? d + n : d);
  }
}
