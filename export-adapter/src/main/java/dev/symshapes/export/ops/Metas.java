package dev.symshapes.export.ops;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TypePromotion;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Shared pieces of meta kernels: broadcasting ({@link #inferSize}, PyTorch's {@code
 * fake_impls.infer_size}), type promotion of binary ops, and {@code linear}.
 *
 * <p>Broadcasting guards exactly as PyTorch's
 *
 * <pre>{@code
 * torch._check(guard_or_false(sizeA == 1) or guard_or_false(sizeB == 1) or sizeA == sizeB, ...)
 * expandedSizes[i] = sizeB if guard_or_false(sizeA == 1) else sizeA
 * }</pre>
 *
 * does, right to left: {@code sizeA == 1} is asked once (PyTorch's second query hits its cache and
 * logs nothing), {@code sizeB == 1} only when the first is false, and {@code Eq(sizeA, sizeB)}
 * becomes a runtime assert when neither is 1. A question already asked in the same call (the same
 * size in two dimensions, or in both operands) is not asked again ({@link Guarding.Memo}).
 */
final class Metas {
  private Metas() {}

  /** How a binary op chooses its result dtype. */
  enum Promotion {
    /** The promoted type of the operands. */
    DEFAULT,
    /** Always bool (comparisons). */
    BOOL,
    /** Integer operands give the default float type (true division). */
    INT_TO_FLOAT
  }

  /** The result dtype of {@code self op other} for a tensor {@code self}. */
  static DType resultType(TensorMeta self, Object other, Promotion promotion) {
    if (promotion == Promotion.BOOL) {
      return DType.BOOL;
    }
    DType p = promote(self, other);
    if (promotion == Promotion.INT_TO_FLOAT && !p.isFloatingPoint()) {
      return DType.DEFAULT_FLOAT;
    }
    return p;
  }

  /**
   * {@code torch.result_type(self, other)}: {@code other} is a tensor's metadata, a symbolic
   * integer, or a Java number.
   */
  static DType promote(TensorMeta self, Object other) {
    if (other instanceof TensorMeta mb) {
      return TypePromotion.resultType(self.dtype(), self.dim(), mb.dtype(), mb.dim());
    }
    if (other instanceof SymInt) {
      return TypePromotion.resultTypeWithScalar(self.dtype(), DType.INT64);
    }
    return TypePromotion.resultTypeWithScalar(
        self.dtype(), TypePromotion.scalarDType((Number) other));
  }

  /**
   * The output of an out-of-place binary elementwise op: the broadcast shape, contiguous, with the
   * promoted dtype.
   */
  static TensorMeta binary(MetaContext ctx, TensorMeta self, Object other, Promotion promotion) {
    DType dtype = resultType(self, other, promotion);
    if (!(other instanceof TensorMeta b)) {
      return TensorMeta.contiguous(dtype, self.sizes());
    }
    return TensorMeta.contiguous(dtype, inferSize(ctx, self.sizes(), b.sizes()));
  }

  /**
   * The broadcast shape of {@code a} and {@code b} (PyTorch's {@code infer_size}), guarding as
   * PyTorch does (see the class documentation).
   *
   * @throws IllegalArgumentException {@code The size of tensor a (4) must match the size of tensor
   *     b (5) at non-singleton dimension 1 (shapes [3, 4] and [3, 5])}
   */
  static ImmutableList<SymInt> inferSize(MetaContext ctx, List<SymInt> a, List<SymInt> b) {
    int ndim = Math.max(a.size(), b.size());
    SymInt[] out = new SymInt[ndim];
    Guarding.Memo memo = new Guarding.Memo();
    for (int i = ndim - 1; i >= 0; i--) {
      int offset = ndim - 1 - i;
      int da = a.size() - 1 - offset;
      int db = b.size() - 1 - offset;
      SymInt sa = da >= 0 ? a.get(da) : SymInt.of(1);
      SymInt sb = db >= 0 ? b.get(db) : SymInt.of(1);
      boolean aIsOne = memo.orFalse(sa.eq(1));
      boolean bIsOne = !aIsOne && memo.orFalse(sb.eq(1));
      if (!aIsOne && !bIsOne) {
        int dim = i;
        // Python reflects `4 == s3` to `s3 == 4`, so a constant sizeA is compared the other way.
        SymBool same = sa.isConstant() && !sb.isConstant() ? sb.eq(sa) : sa.eq(sb);
        Guarding.check(ctx, same, () -> broadcastMessage(sa, sb, dim, a, b));
      }
      out[i] = aIsOne ? sb : sa;
    }
    return ImmutableList.copyOf(out);
  }

  static String broadcastMessage(SymInt sa, SymInt sb, int dim, List<SymInt> a, List<SymInt> b) {
    return "The size of tensor a ("
        + hintOrExpr(sa)
        + ") must match the size of tensor b ("
        + hintOrExpr(sb)
        + ") at non-singleton dimension "
        + dim
        + " (shapes "
        + Guarding.format(a)
        + " and "
        + Guarding.format(b)
        + ")";
  }

  /** The example value of {@code s} when it has one, otherwise its expression. */
  static String hintOrExpr(SymInt s) {
    OptionalLong h = s.hint();
    return h.isPresent() ? Long.toString(h.getAsLong()) : s.toString();
  }

  /**
   * {@code linear}: {@code input @ weight.T + bias}. The inner sizes must match: {@code
   * Eq(in_features, weight.size(1))} is a runtime assert (PyTorch's {@code meta_mm} check); the
   * bias then broadcasts with the product's shape.
   *
   * @throws IllegalArgumentException {@code mat1 and mat2 shapes cannot be multiplied (8x100 and
   *     99x10)}
   */
  static TensorMeta linear(MetaContext ctx, TensorMeta input, TensorMeta weight, TensorMeta bias) {
    if (weight.dim() != 2 || input.dim() < 1) {
      throw new IllegalArgumentException(
          "linear expects a 2-D weight and an input with at least 1 dimension, got "
              + input
              + " and "
              + weight);
    }
    SymInt in = input.size(-1);
    SymInt k = weight.size(1);
    Guarding.check(
        ctx,
        in.eq(k),
        () ->
            "mat1 and mat2 shapes cannot be multiplied ("
                + rows(input)
                + "x"
                + hintOrExpr(in)
                + " and "
                + hintOrExpr(k)
                + "x"
                + hintOrExpr(weight.size(0))
                + ")");
    List<SymInt> out = new ArrayList<>(input.sizes().subList(0, input.dim() - 1));
    out.add(weight.size(0));
    List<SymInt> sizes = out;
    if (bias != null) {
      sizes = inferSize(ctx, out, bias.sizes());
    }
    return TensorMeta.contiguous(promote(input, weight), sizes);
  }

  private static String rows(TensorMeta input) {
    SymInt r = SymInt.of(1);
    for (int i = 0; i < input.dim() - 1; i++) {
      r = r.times(input.size(i));
    }
    return hintOrExpr(r);
  }
}
