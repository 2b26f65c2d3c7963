package dev.symshapes.export.ops;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import java.util.List;

/**
 * Whether a reshape can be a view, as PyTorch's {@code reshape} decides it ({@code computeStride}):
 * decompositions of {@code reshape} and {@code flatten} emit {@code view} when it can, and {@code
 * clone} followed by {@code view} when it cannot.
 */
public final class Views {
  private Views() {}

  /**
   * True when {@code self} can be viewed with {@code shape} (same number of elements): it is
   * contiguous, or its strides allow the view. Undecided symbolic questions are guarded as in
   * {@code view}'s meta kernel.
   */
  public static boolean viewable(TensorMeta self, List<SymInt> shape) {
    checkNotNull(self, "self");
    checkNotNull(shape, "shape");
    return Guarding.isContiguous(self) || StrideMetas.viewStrides(self, shape) != null;
  }
}
