package dev.symshapes.export.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata of a tensor while tracing: dtype, symbolic sizes, strides and storage offset; what
 * meta kernels compute and what graph nodes carry as {@code val}. Immutable.
 *
 * @param dtype the element type
 * @param sizes the sizes, one per dimension
 * @param strides the strides, one per dimension
 * @param storageOffset the storage offset
 */
public record TensorMeta(
    DType dtype, ImmutableList<SymInt> sizes, ImmutableList<SymInt> strides, SymInt storageOffset) {
  /** Checks the invariants. */
  public TensorMeta {
    checkNotNull(dtype, "dtype");
    checkNotNull(sizes, "sizes");
    checkNotNull(strides, "strides");
    checkNotNull(storageOffset, "storageOffset");
    checkArgument(
        sizes.size() == strides.size(),
        "sizes (%s) and strides (%s) must have the same rank",
        sizes,
        strides);
  }

  /** A contiguous tensor of the given sizes: strides are suffix products, offset 0. */
  public static TensorMeta contiguous(DType dtype, List<SymInt> sizes) {
    SymInt[] strides = new SymInt[sizes.size()];
    SymInt acc = SymInt.of(1);
    for (int i = sizes.size() - 1; i >= 0; i--) {
      strides[i] = acc;
      acc = acc.times(sizes.get(i));
    }
    return new TensorMeta(
        dtype, ImmutableList.copyOf(sizes), ImmutableList.copyOf(strides), SymInt.of(0));
  }

  /**
   * The metadata of an input tensor while tracing: one symbol per dimension made by {@code ctx}'s
   * shape environment from that dimension's spec (a constant for a static dimension, and for an
   * example size of 0 or 1 under the default {@link dev.symshapes.solver.ZeroOne} policy), with the
   * source {@code base.size()[i]}; contiguous strides; offset 0. This is how a framework allocates
   * the symbols of its inputs.
   *
   * <pre>{@code
   * TensorMeta y = TensorMeta.input(ctx, "L['y']", DType.FLOAT32, new long[] {8, 4},
   *     List.of(SymbolSpec.dynamic(), SymbolSpec.staticDim()));   // f32[s0, 4]
   * }</pre>
   *
   * @param ctx the trace; the sizes are symbolic values of it without graph handles
   * @param base the source of the input, in PyTorch's form ({@code L['y']})
   * @param dtype the element type
   * @param example the example's sizes, the symbols' hints
   * @param dims one spec per dimension
   * @throws IllegalArgumentException if there is not one spec per dimension
   * @throws dev.symshapes.solver.ContradictionException if a spec's range excludes the example
   */
  public static TensorMeta input(
      SymContext ctx, String base, DType dtype, long[] example, List<SymbolSpec> dims) {
    checkNotNull(ctx, "ctx");
    checkNotNull(base, "base");
    checkNotNull(example, "example");
    checkArgument(
        dims.size() == example.length,
        "dims (%s) must have one spec per dimension of the example %s",
        dims.size(),
        java.util.Arrays.toString(example));
    ShapeEnv env = ctx.env();
    List<SymInt> sizes = new ArrayList<>(example.length);
    for (int i = 0; i < example.length; i++) {
      IntExpr e =
          env.createSymbol(example[i], new Source(base, Source.Property.SIZE, i), dims.get(i));
      sizes.add(SymInt.of(e, ctx, null));
    }
    return contiguous(dtype, sizes);
  }

  /** The number of dimensions. */
  public int dim() {
    return sizes.size();
  }

  /** The size of dimension {@code d} (negative {@code d} counts from the end). */
  public SymInt size(int d) {
    return sizes.get(wrap(d));
  }

  /** The number of elements. */
  public SymInt numel() {
    SymInt n = SymInt.of(1);
    for (SymInt s : sizes) {
      n = n.times(s);
    }
    return n;
  }

  private int wrap(int d) {
    int n = sizes.size();
    int w = d < 0 ? d + n : d;
    checkArgument(
        w >= 0 && w < Math.max(n, 1),
        "Dimension out of range (expected to be in range of [%s, %s], but got %s)",
        -Math.max(n, 1),
        Math.max(n, 1) - 1,
        d);
    return w;
  }

  /** PyTorch's annotation: {@code f32[s3, s2]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(dtype.shortName()).append('[');
    for (int i = 0; i < sizes.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(sizes.get(i));
    }
    return sb.append(']').toString();
  }
}
