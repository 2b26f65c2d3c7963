package dev.symshapes.export.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wrong inputs fail with PyTorch's message, prefixed by the op's name, the same way eagerly and
 * while tracing; the registry names unknown and duplicate ops.
 */
class BadInputTest {
  private static Tensor zeros(long... shape) {
    return Tensor.of(TensorData.zeros(shape, DType.FLOAT32));
  }

  private final Trace t = new Trace();
  private int inputs;

  private Tensor fixed(long... shape) {
    return t.fixed("x" + inputs++, TensorData.zeros(shape, DType.FLOAT32));
  }

  @Test
  void broadcastMismatchNamesTheOpAndBothShapes() {
    String expected =
        "aten::add.Tensor: The size of tensor a (4) must match the size of tensor b (5) at"
            + " non-singleton dimension 1 (shapes [3, 4] and [3, 5])";
    assertThatThrownBy(() -> zeros(3, 4).add(zeros(3, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
    Tensor a = t.fixed("a", TensorData.zeros(new long[] {3, 4}, DType.FLOAT32));
    Tensor b = t.fixed("b", TensorData.zeros(new long[] {3, 5}, DType.FLOAT32));
    assertThatThrownBy(() -> a.add(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(expected);
  }

  @Test
  void broadcastMismatchOfSymbolicSizesFailsAtTheExampleValues() {
    Tensor a = t.input("a", 3, 4);
    Tensor b = t.input("b", 3, 5);
    assertThatThrownBy(() -> a.add(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "aten::add.Tensor: The size of tensor a (4) must match the size of tensor b (5) at"
                + " non-singleton dimension 1 (shapes [s0, s1] and [s2, s3]) (check(Eq(s1, s3))");
    // The failed check left the environment as it was.
    assertThatThrownBy(() -> a.add(b)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrongArgumentTypes() {
    assertThatThrownBy(() -> Dispatch.call(AtenOps.ADD_TENSOR, zeros(2), "one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::add.Tensor: argument 'other' (position 1) must be a Tensor or a number, but got"
                + " String one");
    Tensor x = fixed(2);
    assertThatThrownBy(() -> Dispatch.call(AtenOps.ADD_TENSOR, x, "one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::add.Tensor: argument 'other' (position 1) must be a Tensor or a number, but got"
                + " String one");
    assertThatThrownBy(() -> Dispatch.call(AtenOps.GT_SCALAR, x, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::gt.Scalar: argument 'other' (position 1) must be a number (use the .Tensor"
                + " overload for a tensor), but got Tensor f32[2]");
    assertThatThrownBy(() -> Dispatch.call(AtenOps.UNSQUEEZE, x, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::unsqueeze: argument 'dim' (position 1) must be an int, but got Double 1.5");
    assertThatThrownBy(() -> Dispatch.call(AtenOps.LINEAR, 3L, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aten::linear: argument 'input' (position 0) must be a Tensor, but got Long 3");
  }

  @Test
  void wrongArgumentCounts() {
    String tooMany =
        "aten::relu() expected at most 1 argument(s) but received 2 argument(s). Declaration:"
            + " aten::relu(Tensor self) -> Tensor";
    String missing =
        "aten::add() is missing value for argument 'other'. Declaration: aten::add.Tensor(Tensor"
            + " self, Tensor other, *, Scalar alpha=1) -> Tensor";
    assertThatThrownBy(() -> Dispatch.call(AtenOps.RELU, zeros(2), zeros(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooMany);
    assertThatThrownBy(() -> Dispatch.call(AtenOps.ADD_TENSOR, zeros(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(missing);
    Tensor x = fixed(2);
    assertThatThrownBy(() -> Dispatch.call(AtenOps.RELU, x, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooMany);
    assertThatThrownBy(() -> Dispatch.call(AtenOps.ADD_TENSOR, x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(missing);
    // Arguments with defaults may be left out; keyword-only ones count by position.
    Dispatch.call(AtenOps.ADD_TENSOR, zeros(2), zeros(2), 2L);
    assertThatThrownBy(() -> Dispatch.call(AtenOps.ADD_TENSOR, zeros(2), zeros(2), 2L, 3L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::add() expected at most 3 argument(s) but received 4 argument(s). Declaration:"
                + " aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");
  }

  @Test
  void badSchemas() {
    assertThatThrownBy(() -> OpSchema.parse("aten::add(Tensor self"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid operator schema 'aten::add(Tensor self': expected"
                + " 'namespace::name[.overload](args) -> returns'");
  }

  @Test
  void registryNamesUnknownAndDuplicateOps() {
    OpRegistry r = OpRegistry.standard();
    assertThatThrownBy(() -> r.get("aten::nope.default"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown operator 'aten::nope.default'");
    assertThatThrownBy(() -> r.register(AtenOps.ADD_TENSOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operator aten::add.Tensor is already registered");
  }

  @Test
  void shapeErrorsAreTheSameEagerlyAndTraced() {
    assertBoth(
        x -> x.view(3, 5),
        new long[] {16},
        "aten::view: shape '[3, 5]' is invalid for input of size 16");
    assertBoth(
        x -> x.select(0, 5),
        new long[] {3, 4},
        "aten::select.int: select(): index 5 out of range for tensor of size [3, 4] at dimension"
            + " 0");
    assertBoth(
        x -> x.flatten(1, 0),
        new long[] {3, 4},
        "aten::flatten.using_ints: flatten() has invalid args: start_dim cannot come after"
            + " end_dim");
    assertBoth(
        x -> x.unsqueeze(3),
        new long[] {3},
        "aten::unsqueeze: Dimension out of range (expected to be in range of [-2, 1], but got 3)");
    assertBoth(
        x -> x.repeat(2),
        new long[] {3, 4},
        "aten::repeat: Number of dimensions of repeat dims can not be smaller than number of"
            + " dimensions of tensor");
    assertBoth(
        x -> x.matmul(Tensor.of(TensorData.zeros(new long[] {5, 2}, DType.FLOAT32))),
        new long[] {3, 4},
        "aten::matmul: mat1 and mat2 shapes cannot be multiplied (3x4 and 5x2)");
    assertBoth(
        x -> x.add_(Tensor.of(TensorData.zeros(new long[] {2, 3}, DType.FLOAT32))),
        new long[] {3},
        "aten::add_.Tensor: output with shape [3] doesn't match the broadcast shape [2, 3]");
    assertBoth(
        x ->
            Torch.cat(List.of(x, Tensor.of(TensorData.zeros(new long[] {2, 4}, DType.FLOAT32))), 1),
        new long[] {3, 4},
        "aten::cat: Sizes of tensors must match except in dimension 1. Expected size 3 but got"
            + " size 2 for tensor number 1 in the list.");
    assertBoth(
        x -> x.relu(),
        new long[] {2},
        DType.BOOL,
        "aten::relu: Boolean inputs not supported for relu");
  }

  @Test
  void linearAndConvolutionMismatches() {
    Tensor w = zeros(10, 99);
    assertThatThrownBy(() -> Dispatch.call(AtenOps.LINEAR, zeros(8, 100), w))
        .hasMessage("aten::linear: mat1 and mat2 shapes cannot be multiplied (8x100 and 99x10)");
    Tensor x = fixed(8, 100);
    Tensor wt = t.fixed("w", TensorData.zeros(new long[] {10, 99}, DType.FLOAT32));
    assertThatThrownBy(() -> Dispatch.call(AtenOps.LINEAR, x, wt))
        .hasMessage("aten::linear: mat1 and mat2 shapes cannot be multiplied (8x100 and 99x10)");
    String conv =
        "aten::conv2d: Given groups=1, weight of size [3, 2, 1, 1], expected input[1, 1, 3, 3] to"
            + " have 2 channels, but got 1 channels instead";
    assertThatThrownBy(
            () ->
                Torch.conv2d(
                    zeros(1, 1, 3, 3),
                    zeros(3, 2, 1, 1),
                    null,
                    new long[] {1},
                    new long[] {0},
                    new long[] {1},
                    1))
        .hasMessage(conv);
    Tensor in = fixed(1, 1, 3, 3);
    Tensor weight = t.fixed("cw", TensorData.zeros(new long[] {3, 2, 1, 1}, DType.FLOAT32));
    assertThatThrownBy(
            () -> Torch.conv2d(in, weight, null, new long[] {1}, new long[] {0}, new long[] {1}, 1))
        .hasMessage(conv);
  }

  @Test
  void floatItemCannotBeTraced() {
    Tensor x = t.fixed("x", TensorData.scalar(1.5));
    assertThatThrownBy(x::item)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("aten::item: item() of a f32 tensor cannot be traced");
  }

  private void assertBoth(
      java.util.function.Function<Tensor, Object> f, long[] shape, String message) {
    assertBoth(f, shape, DType.FLOAT32, message);
  }

  private void assertBoth(
      java.util.function.Function<Tensor, Object> f, long[] shape, DType dtype, String message) {
    assertThatThrownBy(() -> f.apply(Tensor.of(TensorData.zeros(shape, dtype))))
        .as("eager")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    Tensor traced = t.fixed("in" + inputs++, TensorData.zeros(shape, dtype));
    assertThatThrownBy(() -> t.tracer.run(() -> f.apply(traced)))
        .as("traced")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
