package dev.symshapes.export.ops;

import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.LinearAlgebraKernels;
import dev.symshapes.export.tensor.ShapeKernels;
import dev.symshapes.export.tensor.ShapeRules;
import dev.symshapes.export.tensor.UnaryKernels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The aten operators symshapes knows, each with PyTorch's schema, a meta kernel that computes the
 * output's symbolic metadata and emits exactly the guards and runtime asserts PyTorch's meta kernel
 * emits, in the same order, and a reference kernel. The constants are the ops' handles; {@link
 * OpRegistry#standard()} registers them all.
 *
 * <p>Kernels read their arguments by schema position, with the schema's defaults for trailing
 * arguments that a call left out ({@link OpDef#trimDefaults}). Every {@link
 * IllegalArgumentException} a kernel raises names the op: {@code aten::add.Tensor: The size of
 * tensor a (4) must match the size of tensor b (5) at non-singleton dimension 1 (shapes [3, 4] and
 * [3, 5])}.
 */
public final class AtenOps {
  private AtenOps() {}

  private static final List<OpDef> ALL = new ArrayList<>();

  /** A meta kernel over schema-aware arguments. */
  @FunctionalInterface
  private interface Meta {
    Object apply(MetaContext ctx, Args args);
  }

  /** A reference kernel over schema-aware arguments. */
  @FunctionalInterface
  private interface Eager {
    Object apply(Args args);
  }

  private static OpDef def(String text, Meta meta, Eager eager) {
    OpSchema schema = OpSchema.parse(text);
    MetaKernel mk = (ctx, args) -> named(schema, () -> meta.apply(ctx, new Args(schema, args)));
    EagerKernel ek = args -> named(schema, () -> eager.apply(new Args(schema, args)));
    OpDef op = new OpDef(schema, mk, ek);
    ALL.add(op);
    return op;
  }

  /** Runs {@code body}, prefixing the op's name to the message of a caller error. */
  private static <T> T named(OpSchema schema, Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      String q = schema.qualifiedName();
      String m = e.getMessage();
      if (m != null && m.startsWith(q + ":")) {
        throw e;
      }
      throw new IllegalArgumentException(q + ": " + m, e);
    }
  }

  static void registerAll(OpRegistry r) {
    for (OpDef op : ALL) {
      r.register(op);
    }
  }

  // ---- elementwise binary ----

  /** {@code aten::add.Tensor}; {@code other} may be a tensor, a number or a {@code SymInt}. */
  public static final OpDef ADD_TENSOR =
      def(
          "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
          (ctx, a) -> ElementwiseMetas.arithmetic(ctx, a, Metas.Promotion.DEFAULT, false, true),
          a -> EagerOps.binary(a, EagerOps.Binary.ADD));

  /** {@code aten::sub.Tensor}. */
  public static final OpDef SUB_TENSOR =
      def(
          "aten::sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
          (ctx, a) -> ElementwiseMetas.arithmetic(ctx, a, Metas.Promotion.DEFAULT, true, true),
          a -> EagerOps.binary(a, EagerOps.Binary.SUB));

  /** {@code aten::mul.Tensor}. */
  public static final OpDef MUL_TENSOR =
      def(
          "aten::mul.Tensor(Tensor self, Tensor other) -> Tensor",
          (ctx, a) -> ElementwiseMetas.arithmetic(ctx, a, Metas.Promotion.DEFAULT, false, false),
          a -> EagerOps.binary(a, EagerOps.Binary.MUL));

  /** {@code aten::div.Tensor}: true division (integers give the default float type). */
  public static final OpDef DIV_TENSOR =
      def(
          "aten::div.Tensor(Tensor self, Tensor other) -> Tensor",
          (ctx, a) ->
              ElementwiseMetas.arithmetic(ctx, a, Metas.Promotion.INT_TO_FLOAT, false, false),
          a -> EagerOps.binary(a, EagerOps.Binary.DIV));

  /** {@code aten::add_.Tensor}: in place. */
  public static final OpDef ADD__TENSOR =
      def(
          "aten::add_.Tensor(Tensor(a!) self, Tensor other, *, Scalar alpha=1) -> Tensor(a!)",
          ElementwiseMetas::addInPlace,
          EagerOps::addInPlace);

  // ---- elementwise unary ----

  /** {@code aten::relu}. */
  public static final OpDef RELU =
      def(
          "aten::relu(Tensor self) -> Tensor",
          (ctx, a) -> ElementwiseMetas.relu(a),
          a -> UnaryKernels.relu(a.data(0)));

  /** {@code aten::relu_}: in place. */
  public static final OpDef RELU_ =
      def(
          "aten::relu_(Tensor(a!) self) -> Tensor(a!)",
          (ctx, a) -> ElementwiseMetas.reluInPlace(a),
          a -> UnaryKernels.relu_(a.data(0)));

  /** {@code aten::sin}. */
  public static final OpDef SIN =
      def(
          "aten::sin(Tensor self) -> Tensor",
          (ctx, a) -> ElementwiseMetas.floatUnary(a),
          a -> UnaryKernels.sin(a.data(0)));

  /** {@code aten::cos}. */
  public static final OpDef COS =
      def(
          "aten::cos(Tensor self) -> Tensor",
          (ctx, a) -> ElementwiseMetas.floatUnary(a),
          a -> UnaryKernels.cos(a.data(0)));

  // ---- comparisons ----

  /** {@code aten::gt.Scalar}. */
  public static final OpDef GT_SCALAR = comparison("gt", EagerOps.Binary.GT, false);

  /** {@code aten::gt.Tensor}. */
  public static final OpDef GT_TENSOR = comparison("gt", EagerOps.Binary.GT, true);

  /** {@code aten::lt.Scalar}. */
  public static final OpDef LT_SCALAR = comparison("lt", EagerOps.Binary.LT, false);

  /** {@code aten::lt.Tensor}. */
  public static final OpDef LT_TENSOR = comparison("lt", EagerOps.Binary.LT, true);

  /** {@code aten::ge.Scalar}. */
  public static final OpDef GE_SCALAR = comparison("ge", EagerOps.Binary.GE, false);

  /** {@code aten::ge.Tensor}. */
  public static final OpDef GE_TENSOR = comparison("ge", EagerOps.Binary.GE, true);

  /** {@code aten::le.Scalar}. */
  public static final OpDef LE_SCALAR = comparison("le", EagerOps.Binary.LE, false);

  /** {@code aten::le.Tensor}. */
  public static final OpDef LE_TENSOR = comparison("le", EagerOps.Binary.LE, true);

  /** {@code aten::eq.Scalar}. */
  public static final OpDef EQ_SCALAR = comparison("eq", EagerOps.Binary.EQ, false);

  /** {@code aten::eq.Tensor}. */
  public static final OpDef EQ_TENSOR = comparison("eq", EagerOps.Binary.EQ, true);

  private static OpDef comparison(String name, EagerOps.Binary op, boolean tensor) {
    String schema =
        tensor
            ? "aten::" + name + ".Tensor(Tensor self, Tensor other) -> Tensor"
            : "aten::" + name + ".Scalar(Tensor self, Scalar other) -> Tensor";
    return def(
        schema,
        (ctx, a) -> ElementwiseMetas.comparison(ctx, a, tensor),
        a -> {
          if (tensor) {
            a.data(1);
          } else {
            a.number(1);
          }
          return EagerOps.binary(a, op);
        });
  }

  // ---- reductions, linear algebra ----

  /** {@code aten::sum}: the sum of all elements. */
  public static final OpDef SUM =
      def(
          "aten::sum(Tensor self, *, ScalarType? dtype=None) -> Tensor",
          (ctx, a) -> MatmulMetas.sum(a),
          a -> EagerOps.sum(a, false));

  /** {@code aten::sum.dim_IntList}. */
  public static final OpDef SUM_DIM_INTLIST =
      def(
          "aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType?"
              + " dtype=None) -> Tensor",
          (ctx, a) -> MatmulMetas.sumDims(a),
          a -> EagerOps.sum(a, true));

  /** {@code aten::matmul}. */
  public static final OpDef MATMUL =
      def(
          "aten::matmul(Tensor self, Tensor other) -> Tensor",
          MatmulMetas::matmul,
          a -> LinearAlgebraKernels.matmul(a.data(0), a.data(1)));

  /** {@code aten::linear}: {@code input @ weight.T + bias}. */
  public static final OpDef LINEAR =
      def(
          "aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor",
          (ctx, a) -> Metas.linear(ctx, a.meta(0), a.meta(1), a.optMeta(2)),
          a -> LinearAlgebraKernels.linear(a.data(0), a.data(1), a.optData(2)));

  // ---- shapes ----

  /** {@code aten::flatten.using_ints}. */
  public static final OpDef FLATTEN =
      def(
          "aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)",
          (ctx, a) -> ShapeMetas.flatten(a),
          a -> ShapeKernels.flatten(a.data(0), a.integer(1), a.integer(2)));

  /** {@code aten::view}. */
  public static final OpDef VIEW =
      def(
          "aten::view(Tensor(a) self, SymInt[] size) -> Tensor(a)",
          ShapeMetas::view,
          a -> ShapeKernels.view(a.data(0), a.longList(1)));

  /** {@code aten::reshape}. */
  public static final OpDef RESHAPE =
      def(
          "aten::reshape(Tensor(a) self, SymInt[] shape) -> Tensor(a)",
          ShapeMetas::reshape,
          a -> ShapeKernels.reshape(a.data(0), a.longList(1)));

  /** {@code aten::unsqueeze}. */
  public static final OpDef UNSQUEEZE =
      def(
          "aten::unsqueeze(Tensor(a) self, int dim) -> Tensor(a)",
          (ctx, a) -> ShapeMetas.unsqueeze(a),
          a -> ShapeKernels.unsqueeze(a.data(0), a.integer(1)));

  /** {@code aten::select.int}; the index may be symbolic. */
  public static final OpDef SELECT_INT =
      def(
          "aten::select.int(Tensor(a) self, int dim, SymInt index) -> Tensor(a)",
          (ctx, a) -> ShapeMetas.select(a),
          a -> ShapeKernels.select(a.data(0), a.integer(1), a.integer(2)));

  /** {@code aten::expand}. */
  public static final OpDef EXPAND =
      def(
          "aten::expand(Tensor(a) self, SymInt[] size, *, bool implicit=False) -> Tensor(a)",
          ShapeMetas::expand,
          a -> ShapeKernels.expand(a.data(0), a.longList(1)));

  /** {@code aten::repeat}; the repeats may be symbolic. */
  public static final OpDef REPEAT =
      def(
          "aten::repeat(Tensor self, SymInt[] repeats) -> Tensor",
          CopyingShapeMetas::repeat,
          a -> ShapeKernels.repeat(a.data(0), a.longList(1)));

  /** {@code aten::cat}. */
  public static final OpDef CAT =
      def(
          "aten::cat(Tensor[] tensors, int dim=0) -> Tensor",
          CopyingShapeMetas::cat,
          a -> ShapeKernels.cat(a.dataList(0), a.integer(1)));

  // ---- factories and copies ----

  /** {@code aten::ones}. */
  public static final OpDef ONES =
      def(
          "aten::ones(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device?"
              + " device=None, bool? pin_memory=None) -> Tensor",
          (ctx, a) -> FactoryMetas.factory(ctx, a, false),
          a -> EagerOps.fill(a, true));

  /** {@code aten::zeros}. */
  public static final OpDef ZEROS =
      def(
          "aten::zeros(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device?"
              + " device=None, bool? pin_memory=None) -> Tensor",
          (ctx, a) -> FactoryMetas.factory(ctx, a, false),
          a -> EagerOps.fill(a, false));

  /**
   * {@code aten::randn}: standard normal samples; a program run draws from a generator seeded with
   * 0 (graphs do not record generators).
   */
  public static final OpDef RANDN =
      def(
          "aten::randn(SymInt[] size, *, ScalarType? dtype=None, Layout? layout=None, Device?"
              + " device=None, bool? pin_memory=None) -> Tensor",
          (ctx, a) -> FactoryMetas.factory(ctx, a, true),
          EagerOps::randn);

  /** {@code aten::empty_like}: zeros in the reference kernel, so that runs are reproducible. */
  public static final OpDef EMPTY_LIKE =
      def(
          "aten::empty_like(Tensor self, *, ScalarType? dtype=None, Layout? layout=None, Device?"
              + " device=None, bool? pin_memory=None, MemoryFormat? memory_format=None) -> Tensor",
          (ctx, a) -> FactoryMetas.like(a, true),
          EagerOps::emptyLike);

  /** {@code aten::clone}. */
  public static final OpDef CLONE =
      def(
          "aten::clone(Tensor self, *, MemoryFormat? memory_format=None) -> Tensor",
          (ctx, a) -> FactoryMetas.like(a, false),
          EagerOps::clone);

  /** {@code aten::copy_}: in place. */
  public static final OpDef COPY_ =
      def(
          "aten::copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)",
          FactoryMetas::copyInPlace,
          EagerOps::copyInPlace);

  // ---- neural networks ----

  /** {@code aten::conv2d}. */
  public static final OpDef CONV2D =
      def(
          "aten::conv2d(Tensor input, Tensor weight, Tensor? bias=None, SymInt[2] stride=1,"
              + " SymInt[2] padding=0, SymInt[2] dilation=1, SymInt groups=1) -> Tensor",
          NnMetas::conv2d,
          EagerOps::conv2d);

  /** {@code aten::convolution} (not transposed). */
  public static final OpDef CONVOLUTION =
      def(
          "aten::convolution(Tensor input, Tensor weight, Tensor? bias, SymInt[] stride, SymInt[]"
              + " padding, SymInt[] dilation, bool transposed, SymInt[] output_padding, SymInt"
              + " groups) -> Tensor",
          NnMetas::convolution,
          EagerOps::convolution);

  /**
   * {@code aten::batch_norm}: one tensor; in training mode the reference kernel updates the running
   * statistics in place.
   */
  public static final OpDef BATCH_NORM =
      def(
          "aten::batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean,"
              + " Tensor? running_var, bool training, float momentum, float eps, bool"
              + " cudnn_enabled) -> Tensor",
          (ctx, a) -> NnMetas.batchNorm(a),
          EagerOps::batchNorm);

  /**
   * {@code aten::_native_batch_norm_legit_functional}: the functional batch norm that
   * decompositions produce, with five results (output, save_mean, save_rstd, new running_mean, new
   * running_var).
   */
  public static final OpDef NATIVE_BATCH_NORM_LEGIT_FUNCTIONAL =
      def(
          "aten::_native_batch_norm_legit_functional(Tensor input, Tensor? weight, Tensor? bias,"
              + " Tensor running_mean, Tensor running_var, bool training, float momentum, float"
              + " eps) -> (Tensor, Tensor, Tensor, Tensor, Tensor)",
          (ctx, a) -> NnMetas.nativeBatchNormFunctional(a),
          EagerOps::nativeBatchNormFunctional);

  // ---- functional and core forms (functionalization and decompositions produce these) ----

  /** {@code aten::copy}: the functional form of {@code copy_}, a new tensor. */
  public static final OpDef COPY =
      def(
          "aten::copy(Tensor self, Tensor src, bool non_blocking=False) -> Tensor",
          CoreOpKernels::copyMeta,
          CoreOpKernels::copy);

  /** {@code aten::permute}: a view with reordered dimensions. */
  public static final OpDef PERMUTE =
      def(
          "aten::permute(Tensor(a) self, int[] dims) -> Tensor(a)",
          (ctx, a) -> CoreOpKernels.permuteMeta(a),
          CoreOpKernels::permute);

  /** {@code aten::mm}: the product of two matrices. */
  public static final OpDef MM =
      def("aten::mm(Tensor self, Tensor mat2) -> Tensor", CoreOpKernels::mmMeta, CoreOpKernels::mm);

  /** {@code aten::addmm}: {@code beta * self + alpha * (mat1 @ mat2)}. */
  public static final OpDef ADDMM =
      def(
          "aten::addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) ->"
              + " Tensor",
          CoreOpKernels::addmmMeta,
          CoreOpKernels::addmm);

  /**
   * {@code aten::_native_batch_norm_legit_no_training}: batch norm with the running statistics
   * (evaluation mode), three results (output, empty save_mean and save_rstd).
   */
  public static final OpDef NATIVE_BATCH_NORM_LEGIT_NO_TRAINING =
      def(
          "aten::_native_batch_norm_legit_no_training(Tensor input, Tensor? weight, Tensor? bias,"
              + " Tensor running_mean, Tensor running_var, float momentum, float eps) -> (Tensor,"
              + " Tensor, Tensor)",
          (ctx, a) -> CoreOpKernels.batchNormNoTrainingMeta(a),
          CoreOpKernels::batchNormNoTraining);

  // ---- data-dependent and symbolic ----

  /** {@code aten::item}: an unbacked {@code SymInt} while tracing. */
  public static final OpDef ITEM =
      def("aten::item(Tensor self) -> Scalar", FactoryMetas::item, EagerOps::item);

  /** {@code aten::sym_size.int}. */
  public static final OpDef SYM_SIZE_INT =
      def(
          "aten::sym_size.int(Tensor self, int dim) -> SymInt",
          (ctx, a) -> symSize(a),
          EagerOps::symSize);

  /** {@code aten::_assert_scalar}: fails a program run when its condition is false. */
  public static final OpDef ASSERT_SCALAR =
      def(
          "aten::_assert_scalar(Scalar self, str assert_msg) -> ()",
          (ctx, a) -> FactoryMetas.assertScalar(a),
          EagerOps::assertScalar);

  /** {@code aten::sym_constrain_range_for_size}: marks a data-dependent value as a size. */
  public static final OpDef SYM_CONSTRAIN_RANGE_FOR_SIZE =
      def(
          "aten::sym_constrain_range_for_size(Scalar size, *, int? min=None, int? max=None) ->"
              + " ()",
          FactoryMetas::constrainRangeForSize,
          EagerOps::constrainRangeForSize);

  private static SymInt symSize(Args a) {
    dev.symshapes.export.spi.TensorMeta self = a.meta(0);
    return self.size(ShapeRules.wrapDim(a.integer(1), self.dim()));
  }
}
