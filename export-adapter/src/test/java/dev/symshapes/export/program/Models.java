package dev.symshapes.export.program;

import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import java.util.List;

/**
 * Small models for the program tests; the tutorial's own models are in {@code
 * dev.symshapes.export.tutorial.models}.
 */
final class Models {
  private Models() {}

  private static final Generator RNG = new Generator(1234);

  /** A tensor of the given shape with standard-normal float values. */
  static Tensor randn(long... shape) {
    return Tensor.of(dev.symshapes.export.tensor.CreationKernels.randn(shape, DType.FLOAT32, RNG));
  }

  /** An int64 scalar tensor. */
  static Tensor scalar(long v) {
    return Tensor.of(TensorData.scalar(v));
  }

  /** A model that bounds its input: {@code 4 <= w.size(0) <= 512}. */
  public static final class Bounded extends Module {
    public Tensor forward(Tensor w) {
      w.size(0).le(512).check();
      w.size(0).ge(4).check();
      return w.add(1);
    }
  }

  /** A model that ties {@code y.size(0) == 2 * x.size(0)}: y's size is derived. */
  public static final class Derived extends Module {
    public Tensor forward(Tensor y, Tensor x) {
      y.size(0).eq(x.size(0).times(2)).check();
      return x.add(1);
    }
  }

  /** A model that branches on {@code x.size(0) != y.size(0)}: a guard the checks evaluate last. */
  public static final class Branch extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      if (x.size(0).ne(y.size(0)).bool()) {
        return x.add(1);
      }
      return y.add(1);
    }
  }

  /** T14's inputs: two tensors, an int and a bool. */
  public static final class Mixed extends Module {
    public Tensor forward(Tensor a, Tensor b, int n, boolean flag) {
      return flag ? a.add(n) : b.add(n);
    }
  }

  /** An integer input made dynamic. */
  public static final class IntInput extends Module {
    public Tensor forward(Tensor x, SymInt n) {
      return x.add(n);
    }
  }

  /** A list input. */
  public static final class ListInput extends Module {
    public Tensor forward(List<Tensor> xs, Tensor y) {
      return xs.get(0).add(xs.get(1)).add(y);
    }
  }

  /** T17: {@code item} checked to lie in [10, 60]. */
  public static final class CheckedItem extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      a.ge(10).check();
      a.le(60).check();
      return y.add(2);
    }
  }
}
