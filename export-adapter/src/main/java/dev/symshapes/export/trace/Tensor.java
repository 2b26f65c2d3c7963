package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor in a model's code: concrete data when the model runs directly, a traced value (fake
 * tensor) while it is exported. Operations are Java methods that mirror PyTorch ({@code x.add(y)},
 * {@code x.flatten()}, {@code x.size(0)}); each dispatches to the op's reference kernel or to the
 * tracer, depending on the tensor.
 *
 * <p>Sizes are {@link SymInt}s: constants for concrete tensors, symbols ({@code s0}) or expressions
 * ({@code s2*s3}) for traced ones. In-place ops ({@code relu_()}, {@code add_()}) update this
 * handle.
 */
public final class Tensor {
  private TensorImpl impl;

  Tensor(TensorImpl impl) {
    this.impl = checkNotNull(impl, "impl");
  }

  /** A concrete tensor. */
  public static Tensor of(TensorData data) {
    return new Tensor(new TensorImpl.Eager(checkNotNull(data, "data")));
  }

  TensorImpl impl() {
    return impl;
  }

  void setImpl(TensorImpl impl) {
    this.impl = impl;
  }

  /** True while the tensor is a traced (fake) value. */
  public boolean isTraced() {
    return impl instanceof TensorImpl.Fake;
  }

  /**
   * The concrete data.
   *
   * @throws IllegalStateException while tracing (a traced tensor has no data)
   */
  public TensorData data() {
    if (impl instanceof TensorImpl.Eager e) {
      return e.data();
    }
    throw new IllegalStateException(
        "a traced tensor has no data; its value is only known when the exported program runs");
  }

  /** The symbolic metadata of a traced tensor, or the metadata of concrete data. */
  public TensorMeta meta() {
    if (impl instanceof TensorImpl.Fake f) {
      return f.meta();
    }
    TensorData d = data();
    List<SymInt> sizes = new ArrayList<>();
    List<SymInt> strides = new ArrayList<>();
    for (int i = 0; i < d.dim(); i++) {
      sizes.add(SymInt.of(d.size(i)));
      strides.add(SymInt.of(d.stride(i)));
    }
    return new TensorMeta(
        d.dtype(),
        com.google.common.collect.ImmutableList.copyOf(sizes),
        com.google.common.collect.ImmutableList.copyOf(strides),
        SymInt.of(d.storageOffset()));
  }

  /** The element type. */
  public DType dtype() {
    return meta().dtype();
  }

  /** The number of dimensions. */
  public int dim() {
    return meta().dim();
  }

  /** The size of dimension {@code d} (negative counts from the end). */
  public SymInt size(int d) {
    return meta().size(d);
  }

  /** All sizes. */
  public List<SymInt> sizes() {
    return meta().sizes();
  }

  /** The number of elements. */
  public SymInt numel() {
    return meta().numel();
  }

  // ---- arithmetic ----

  /** {@code self + other} ({@code aten.add.Tensor}), broadcasting. */
  public Tensor add(Tensor other) {
    return (Tensor) call(AtenOps.ADD_TENSOR, this, other);
  }

  /** {@code self + other} for a host scalar. */
  public Tensor add(Number other) {
    return (Tensor) call(AtenOps.ADD_TENSOR, this, other);
  }

  /** {@code self + other} where {@code other} is a symbolic integer. */
  public Tensor add(SymInt other) {
    return (Tensor) call(AtenOps.ADD_TENSOR, this, other);
  }

  /** {@code self - other}. */
  public Tensor sub(Tensor other) {
    return (Tensor) call(AtenOps.SUB_TENSOR, this, other);
  }

  /** {@code self - other}. */
  public Tensor sub(Number other) {
    return (Tensor) call(AtenOps.SUB_TENSOR, this, other);
  }

  /** {@code self - other} where {@code other} is a symbolic integer. */
  public Tensor sub(SymInt other) {
    return (Tensor) call(AtenOps.SUB_TENSOR, this, other);
  }

  /** {@code self * other}. */
  public Tensor mul(Tensor other) {
    return (Tensor) call(AtenOps.MUL_TENSOR, this, other);
  }

  /** {@code self * other}. */
  public Tensor mul(Number other) {
    return (Tensor) call(AtenOps.MUL_TENSOR, this, other);
  }

  /** {@code self * other} where {@code other} is a symbolic integer. */
  public Tensor mul(SymInt other) {
    return (Tensor) call(AtenOps.MUL_TENSOR, this, other);
  }

  /** {@code self / other} (true division). */
  public Tensor div(Tensor other) {
    return (Tensor) call(AtenOps.DIV_TENSOR, this, other);
  }

  /** {@code self / other} (true division). */
  public Tensor div(Number other) {
    return (Tensor) call(AtenOps.DIV_TENSOR, this, other);
  }

  /** {@code self += other}, in place; returns this handle. */
  public Tensor add_(Tensor other) {
    call(AtenOps.ADD__TENSOR, this, other);
    return this;
  }

  /** {@code self += other}, in place; returns this handle. */
  public Tensor add_(Number other) {
    call(AtenOps.ADD__TENSOR, this, other);
    return this;
  }

  // ---- elementwise ----

  /** {@code relu(self)}. */
  public Tensor relu() {
    return (Tensor) call(AtenOps.RELU, this);
  }

  /** {@code relu(self)}, in place; returns this handle. */
  public Tensor relu_() {
    call(AtenOps.RELU_, this);
    return this;
  }

  /** {@code sin(self)}. */
  public Tensor sin() {
    return (Tensor) call(AtenOps.SIN, this);
  }

  /** {@code cos(self)}. */
  public Tensor cos() {
    return (Tensor) call(AtenOps.COS, this);
  }

  // ---- comparisons ----

  /** {@code self > other}, elementwise, as a bool tensor. */
  public Tensor gt(Number other) {
    return (Tensor) call(AtenOps.GT_SCALAR, this, other);
  }

  /** {@code self > other}, elementwise. */
  public Tensor gt(Tensor other) {
    return (Tensor) call(AtenOps.GT_TENSOR, this, other);
  }

  /** {@code self < other}, elementwise. */
  public Tensor lt(Number other) {
    return (Tensor) call(AtenOps.LT_SCALAR, this, other);
  }

  /** {@code self < other}, elementwise. */
  public Tensor lt(Tensor other) {
    return (Tensor) call(AtenOps.LT_TENSOR, this, other);
  }

  /** {@code self >= other}, elementwise. */
  public Tensor ge(Number other) {
    return (Tensor) call(AtenOps.GE_SCALAR, this, other);
  }

  /** {@code self >= other}, elementwise. */
  public Tensor ge(Tensor other) {
    return (Tensor) call(AtenOps.GE_TENSOR, this, other);
  }

  /** {@code self <= other}, elementwise. */
  public Tensor le(Number other) {
    return (Tensor) call(AtenOps.LE_SCALAR, this, other);
  }

  /** {@code self <= other}, elementwise. */
  public Tensor le(Tensor other) {
    return (Tensor) call(AtenOps.LE_TENSOR, this, other);
  }

  /** {@code self == other}, elementwise. */
  public Tensor eq(Number other) {
    return (Tensor) call(AtenOps.EQ_SCALAR, this, other);
  }

  /** {@code self == other}, elementwise. */
  public Tensor eq(Tensor other) {
    return (Tensor) call(AtenOps.EQ_TENSOR, this, other);
  }

  // ---- reductions and linear algebra ----

  /** The sum of all elements. */
  public Tensor sum() {
    return (Tensor) call(AtenOps.SUM, this);
  }

  /** The sum over {@code dims}. */
  public Tensor sum(List<Long> dims, boolean keepdim) {
    return (Tensor) call(AtenOps.SUM_DIM_INTLIST, this, dims, keepdim);
  }

  /** Matrix product with PyTorch's broadcasting rules. */
  public Tensor matmul(Tensor other) {
    return (Tensor) call(AtenOps.MATMUL, this, other);
  }

  // ---- shapes ----

  /** Flattens all dimensions into one. */
  public Tensor flatten() {
    return (Tensor) call(AtenOps.FLATTEN, this);
  }

  /** Flattens dimensions {@code start..end}. */
  public Tensor flatten(long start, long end) {
    return (Tensor) call(AtenOps.FLATTEN, this, start, end);
  }

  /** A view with the given sizes (one may be -1). */
  public Tensor view(long... sizes) {
    return (Tensor) call(AtenOps.VIEW, this, boxed(sizes));
  }

  /** A view with the given (symbolic) sizes. */
  public Tensor view(List<?> sizes) {
    return (Tensor) call(AtenOps.VIEW, this, sizes);
  }

  /** A reshape to the given sizes (one may be -1). */
  public Tensor reshape(long... sizes) {
    return (Tensor) call(AtenOps.RESHAPE, this, boxed(sizes));
  }

  /** A reshape to the given (symbolic) sizes. */
  public Tensor reshape(List<?> sizes) {
    return (Tensor) call(AtenOps.RESHAPE, this, sizes);
  }

  /** Inserts a dimension of size 1 at {@code dim}. */
  public Tensor unsqueeze(long dim) {
    return (Tensor) call(AtenOps.UNSQUEEZE, this, dim);
  }

  /** The slice at {@code index} of dimension {@code dim}. */
  public Tensor select(long dim, long index) {
    return (Tensor) call(AtenOps.SELECT_INT, this, dim, index);
  }

  /** The slice at a symbolic {@code index} of dimension {@code dim}. */
  public Tensor select(long dim, SymInt index) {
    return (Tensor) call(AtenOps.SELECT_INT, this, dim, index);
  }

  /** {@code self[index]}: the slice at {@code index} of dimension 0. */
  public Tensor get(long index) {
    return select(0, index);
  }

  /** {@code self[index]} with a symbolic index. */
  public Tensor get(SymInt index) {
    return select(0, index);
  }

  /**
   * Repeats the tensor along each dimension; each count is a {@code long}/{@code int} or a {@link
   * SymInt} ({@code y.unsqueeze(0).repeat(a, 1)} records {@code aten.repeat.default(unsqueeze,
   * [item, 1])}).
   */
  public Tensor repeat(Object... repeats) {
    return (Tensor) call(AtenOps.REPEAT, this, Arrays.asList(repeats));
  }

  /** A view with size-1 dimensions broadcast to {@code sizes} ({@code -1} keeps a size). */
  public Tensor expand(long... sizes) {
    return (Tensor) call(AtenOps.EXPAND, this, boxed(sizes));
  }

  /** A view broadcast to the given (symbolic) sizes. */
  public Tensor expand(List<?> sizes) {
    return (Tensor) call(AtenOps.EXPAND, this, sizes);
  }

  // ---- copies ----

  /** A copy with its own storage ({@code aten.clone}). */
  @Override
  public Tensor clone() {
    return (Tensor) call(AtenOps.CLONE, this);
  }

  /**
   * Copies {@code src} (broadcast to this tensor's shape, converted to its dtype) into this tensor,
   * in place ({@code aten.copy_}); returns this handle.
   */
  public Tensor copy_(Tensor src) {
    call(AtenOps.COPY_, this, src);
    return this;
  }

  // ---- data-dependent values ----

  /**
   * The value of a one-element integer or bool tensor ({@code aten.item}): a data-dependent {@code
   * u0} while tracing, a constant otherwise (true is 1).
   *
   * @throws IllegalArgumentException for a floating-point tensor (symshapes has no symbolic floats;
   *     read {@code data().item()} of a concrete tensor instead)
   */
  public SymInt item() {
    Object v = call(AtenOps.ITEM, this);
    if (v instanceof SymInt s) {
      return s;
    }
    throw new IllegalArgumentException(
        "aten::item: item() of a "
            + dtype().shortName()
            + " tensor is a floating-point value ("
            + v
            + "); Tensor.item() gives integers only, use data().item() for the value");
  }

  /** The elements of a 1-D integer tensor, each via {@code select} and {@code item}. */
  public List<SymInt> tolist() {
    long n = size(0).guardLong();
    List<SymInt> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(select(0, i).item());
    }
    return out;
  }

  /**
   * Java's view of a one-element tensor as a condition ({@code if (x.sum().gt(0).bool())}). Allowed
   * on concrete tensors; while tracing it is data-dependent control flow, which export cannot
   * capture: the error points to {@code cond}.
   *
   * @throws ControlFlowException while tracing (rule {@code DATA_DEPENDENT_BRANCH})
   */
  public boolean bool() {
    if (impl instanceof TensorImpl.Fake f) {
      throw f.tracer().dataDependentBranch();
    }
    return (Boolean) data().item();
  }

  /**
   * Calls {@code op} as PyTorch's dispatcher records it: trailing arguments equal to their schema
   * defaults are left out ({@code x.flatten()} is {@code aten.flatten.using_ints(x)}).
   */
  static Object call(OpDef op, Object... args) {
    return Dispatch.call(op, op.trimDefaults(args));
  }

  static List<Long> boxed(long[] xs) {
    List<Long> out = new ArrayList<>(xs.length);
    for (long x : xs) {
      out.add(x);
    }
    return out;
  }

  @Override
  public String toString() {
    return impl instanceof TensorImpl.Fake f ? "FakeTensor(" + f.meta() + ")" : data().toString();
  }
}
