package dev.symshapes.export.passes;

import dev.symshapes.export.nn.BatchNorm2d;
import dev.symshapes.export.nn.Conv2d;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.ControlFlow;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;

/** Models whose programs the decomposition tests lower: one per decomposition or mutation. */
final class PassModels {
  private PassModels() {}

  /** {@code relu_(lin(x))}: linear becomes permute and addmm, relu_ becomes relu. */
  static final class LinearRelu extends Module {
    final Linear lin = registerModule("lin", new Linear(4, 3));

    public Tensor forward(@Name("x") Tensor x) {
      return lin.forward(x).relu_();
    }
  }

  /** A linear layer on a 3-D input: views around addmm. */
  static final class Linear3d extends Module {
    final Linear lin = registerModule("lin", new Linear(4, 2));

    public Tensor forward(@Name("x") Tensor x) {
      return lin.forward(x);
    }
  }

  /** {@code flatten(x + y)}: a view with symbolic sizes. */
  static final class AddFlatten extends Module {
    public Tensor forward(@Name("x") Tensor x, @Name("y") Tensor y) {
      return x.add(y).flatten();
    }
  }

  /** Matrix products of every kind the decomposition lowers, and one it keeps. */
  static final class Products extends Module {
    public Object forward(
        @Name("a") Tensor a, @Name("b") Tensor b, @Name("c") Tensor c, @Name("v") Tensor v) {
      Tensor w = a.matmul(v);
      return new Object[] {
        a.matmul(b),
        c.matmul(b),
        v.matmul(b.view(4, 2)).add(0),
        w,
        v.matmul(v),
        c.matmul(c.view(2, 4, 3))
      };
    }
  }

  /** A reshape of an expanded (non-contiguous) tensor: clone, then view. */
  static final class ExpandReshape extends Module {
    public Tensor forward(@Name("x") Tensor x) {
      return x.expand(3, 4).reshape(2, -1).mul(2);
    }
  }

  /** {@code x += 1; return 2 x}: a mutated user input. */
  static final class InPlaceInput extends Module {
    public Tensor forward(@Name("x") Tensor x) {
      x.add_(1);
      return x.mul(2);
    }
  }

  /** A buffer overwritten with {@code copy_}, then read. */
  static final class BufferCopy extends Module {
    final Tensor buf = registerBuffer("buf", TensorData.zeros(new long[] {3}, DType.FLOAT32));

    public Tensor forward(@Name("x") Tensor x) {
      buf.copy_(x.select(0, 0));
      return x.add(buf);
    }
  }

  /** A convolution of an unbatched input. */
  static final class ConvUnbatched extends Module {
    final Conv2d conv = registerModule("conv", new Conv2d(2, 3, 2, 1));

    public Tensor forward(@Name("x") Tensor x) {
      return conv.forward(x);
    }
  }

  /** Convolution and batch norm in training (default) or evaluation mode. */
  static final class ConvBn extends Module {
    final Conv2d conv = registerModule("conv", new Conv2d(1, 3, 1, 1));
    final BatchNorm2d bn = registerModule("bn", new BatchNorm2d(3));

    public Tensor forward(@Name("x") Tensor x) {
      return bn.forward(conv.forward(x));
    }
  }

  /** Control flow whose bodies hold ops to decompose: flatten and matmul in branches and a map. */
  static final class Branches extends Module {
    public Tensor forward(@Name("x") Tensor x, @Name("m") Tensor m) {
      Tensor picked =
          ControlFlow.cond(
              x.sum().gt(0),
              o -> o.get(0).matmul(o.get(1)).flatten(),
              o -> o.get(0).add(1).matmul(o.get(1)).flatten(),
              List.of(x, m));
      Tensor rows = ControlFlow.map(o -> o.get(0).matmul(o.get(1)), x, m);
      return picked.add(rows.flatten());
    }
  }

  /** A data-dependent value with checks: runtime asserts and {@code u0} survive decomposition. */
  static final class Unbacked extends Module {
    public Tensor forward(@Name("x") Tensor x, @Name("y") Tensor y) {
      SymInt a = x.item();
      Torch.check(a.ge(2));
      Torch.check(a.le(10));
      return y.relu_().add(a);
    }
  }
}
