package dev.symshapes.export.tensor;

import java.util.Arrays;

/**
 * Reference kernels of the core ops that decompositions and functionalization produce: {@code
 * permute}, {@code mm}, {@code addmm} and the functional {@code copy}.
 */
public final class CoreKernels {
  private CoreKernels() {}

  /**
   * {@code aten::permute(Tensor(a) self, int[] dims) -> Tensor(a)}: the view whose dimension {@code
   * i} is dimension {@code dims[i]} of {@code self}.
   *
   * @throws IllegalArgumentException when {@code dims} is not a permutation of the dimensions
   */
  public static TensorData permute(TensorData self, long[] dims) {
    int n = self.dim();
    if (dims.length != n) {
      throw new IllegalArgumentException(
          "permute(sparse_coo): number of dimensions in the tensor input does not match the length"
              + " of the desired ordering of dimensions i.e. input.dim() = "
              + n
              + " is not equal to len(dims) = "
              + dims.length);
    }
    long[] shape = new long[n];
    long[] strides = new long[n];
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      int d = ShapeRules.wrapDim(dims[i], n);
      if (seen[d]) {
        throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
      }
      seen[d] = true;
      shape[i] = self.size(d);
      strides[i] = self.stride(d);
    }
    return self.asStrided(shape, strides, self.storageOffset());
  }

  /**
   * {@code aten::mm(Tensor self, Tensor mat2) -> Tensor}: the product of two matrices.
   *
   * @throws IllegalArgumentException {@code self must be a matrix}, or {@code mat1 and mat2 shapes
   *     cannot be multiplied (2x3 and 4x5)}
   */
  public static TensorData mm(TensorData self, TensorData mat2) {
    checkMatrices(self, mat2);
    return LinearAlgebraKernels.matmul(self, mat2);
  }

  /**
   * {@code aten::addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1) ->
   * Tensor}: {@code beta * self + alpha * (mat1 @ mat2)}, {@code self} broadcast to the product's
   * shape.
   *
   * @throws IllegalArgumentException as {@link #mm}, or when {@code self} does not broadcast
   */
  public static TensorData addmm(
      TensorData self, TensorData mat1, TensorData mat2, Number beta, Number alpha) {
    checkMatrices(mat1, mat2);
    TensorData product = LinearAlgebraKernels.matmul(mat1, mat2);
    long[] broadcast = ShapeRules.broadcastShapes(self.shape(), product.shape());
    if (!Arrays.equals(broadcast, product.shape())) {
      throw new IllegalArgumentException(
          "The expanded size of the tensor ("
              + product.size(1)
              + ") must match the existing size ("
              + self.size(self.dim() - 1)
              + ") at non-singleton dimension 1.  Target sizes: "
              + ShapeRules.format(product.shape())
              + ".  Tensor sizes: "
              + ShapeRules.format(self.shape()));
    }
    TensorData scaled = isOne(alpha) ? product : ArithmeticKernels.mul(product, alpha);
    TensorData base = isOne(beta) ? self : ArithmeticKernels.mul(self, beta);
    return ArithmeticKernels.add(scaled, base, 1L);
  }

  /**
   * {@code aten::copy(Tensor self, Tensor src, bool non_blocking=False) -> Tensor}: a new tensor
   * with {@code self}'s shape and dtype holding {@code src} (broadcast and converted), what {@code
   * copy_} writes into {@code self}.
   */
  public static TensorData copy(TensorData self, TensorData src) {
    return CopyKernels.copy_(CopyKernels.clone(self), src);
  }

  private static boolean isOne(Number n) {
    return n.doubleValue() == 1.0;
  }

  private static void checkMatrices(TensorData a, TensorData b) {
    if (a.dim() != 2) {
      throw new IllegalArgumentException("self must be a matrix");
    }
    if (b.dim() != 2) {
      throw new IllegalArgumentException("mat2 must be a matrix");
    }
    if (a.size(1) != b.size(0)) {
      throw new IllegalArgumentException(
          "mat1 and mat2 shapes cannot be multiplied ("
              + a.size(0)
              + "x"
              + a.size(1)
              + " and "
              + b.size(0)
              + "x"
              + b.size(1)
              + ")");
    }
  }
}
