package dev.symshapes.export.ops;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.CoreKernels;
import dev.symshapes.export.tensor.NormKernels;
import dev.symshapes.export.tensor.ShapeRules;
import dev.symshapes.export.tensor.TensorData;
import java.util.ArrayList;
import java.util.List;

/**
 * Meta and reference kernels of the ops that functionalization and the core decompositions produce
 * ({@code copy}, {@code permute}, {@code mm}, {@code addmm}, {@code
 * _native_batch_norm_legit_no_training}).
 */
final class CoreOpKernels {
  private CoreOpKernels() {}

  /** {@code copy(self, src)}: the checks of {@code copy_}, a new tensor like {@code self}. */
  static TensorMeta copyMeta(MetaContext ctx, Args a) {
    TensorMeta self = FactoryMetas.copyInPlace(ctx, a);
    return TensorMeta.contiguous(self.dtype(), self.sizes());
  }

  static TensorData copy(Args a) {
    a.bool(2);
    return CoreKernels.copy(a.data(0), a.data(1));
  }

  /** {@code permute(self, dims)}: sizes and strides reordered, a view. */
  static TensorMeta permuteMeta(Args a) {
    TensorMeta self = a.meta(0);
    long[] dims = a.longList(1);
    int n = self.dim();
    if (dims.length != n) {
      throw new IllegalArgumentException(
          "permute(sparse_coo): number of dimensions in the tensor input does not match the length"
              + " of the desired ordering of dimensions i.e. input.dim() = "
              + n
              + " is not equal to len(dims) = "
              + dims.length);
    }
    List<SymInt> sizes = new ArrayList<>(n);
    List<SymInt> strides = new ArrayList<>(n);
    boolean[] seen = new boolean[n];
    for (long dim : dims) {
      int d = ShapeRules.wrapDim(dim, n);
      if (seen[d]) {
        throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
      }
      seen[d] = true;
      sizes.add(self.size(d));
      strides.add(self.strides().get(d));
    }
    return new TensorMeta(
        self.dtype(),
        ImmutableList.copyOf(sizes),
        ImmutableList.copyOf(strides),
        self.storageOffset());
  }

  static TensorData permute(Args a) {
    return CoreKernels.permute(a.data(0), a.longList(1));
  }

  /** {@code mm(self, mat2)}: {@code [n, k] @ [k, m]}, with {@code Eq(k, k2)} checked. */
  static TensorMeta mmMeta(MetaContext ctx, Args a) {
    return product(ctx, a.meta(0), a.meta(1));
  }

  static TensorData mm(Args a) {
    return CoreKernels.mm(a.data(0), a.data(1));
  }

  /** {@code addmm(self, mat1, mat2, *, beta, alpha)}: {@code self} expands to the product. */
  static TensorMeta addmmMeta(MetaContext ctx, Args a) {
    TensorMeta out = product(ctx, a.meta(1), a.meta(2));
    ShapeMetas.expandTo(ctx, a.meta(0), out.sizes());
    a.number(3);
    a.number(4);
    return out;
  }

  static TensorData addmm(Args a) {
    return CoreKernels.addmm(a.data(0), a.data(1), a.data(2), a.number(3), a.number(4));
  }

  private static TensorMeta product(MetaContext ctx, TensorMeta self, TensorMeta mat2) {
    if (self.dim() != 2) {
      throw new IllegalArgumentException("self must be a matrix");
    }
    if (mat2.dim() != 2) {
      throw new IllegalArgumentException("mat2 must be a matrix");
    }
    MatmulMetas.checkTypes(self.dtype(), mat2.dtype());
    SymInt k = self.size(1);
    SymInt k2 = mat2.size(0);
    Guarding.check(
        ctx,
        k.eq(k2),
        () ->
            "mat1 and mat2 shapes cannot be multiplied ("
                + Metas.hintOrExpr(self.size(0))
                + "x"
                + Metas.hintOrExpr(k)
                + " and "
                + Metas.hintOrExpr(k2)
                + "x"
                + Metas.hintOrExpr(mat2.size(1))
                + ")");
    return TensorMeta.contiguous(self.dtype(), List.of(self.size(0), mat2.size(1)));
  }

  /**
   * {@code _native_batch_norm_legit_no_training(input, weight, bias, running_mean, running_var,
   * momentum, eps)}: the output like {@code input}, and empty {@code save_mean} and {@code
   * save_rstd}.
   */
  static List<Object> batchNormNoTrainingMeta(Args a) {
    TensorMeta input = a.meta(0);
    if (!input.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          "\"batch_norm\" not implemented for '" + input.dtype().scalarTypeName() + "'");
    }
    a.meta(3);
    a.meta(4);
    a.real(5);
    a.real(6);
    List<SymInt> empty = List.of(SymInt.of(0));
    List<Object> out = new ArrayList<>();
    out.add(TensorMeta.contiguous(input.dtype(), input.sizes()));
    out.add(TensorMeta.contiguous(input.dtype(), empty));
    out.add(TensorMeta.contiguous(input.dtype(), empty));
    return out;
  }

  static Object batchNormNoTraining(Args a) {
    List<TensorData> all =
        NormKernels.nativeBatchNormLegitFunctional(
                a.data(0),
                a.optData(1),
                a.optData(2),
                a.data(3),
                a.data(4),
                false,
                a.real(5),
                a.real(6))
            .asList();
    return new ArrayList<Object>(all.subList(0, 3));
  }
}
