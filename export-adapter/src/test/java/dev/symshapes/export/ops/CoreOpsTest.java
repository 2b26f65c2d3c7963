package dev.symshapes.export.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops that functionalization and decompositions produce ({@code copy}, {@code permute}, {@code
 * mm}, {@code addmm}, {@code _native_batch_norm_legit_no_training}): values against their
 * definitions, metadata while tracing against the values, and PyTorch's messages for bad inputs.
 */
class CoreOpsTest {
  private final Trace t = new Trace();

  private static Tensor call(OpDef op, Object... args) {
    return (Tensor) Dispatch.call(op, args);
  }

  @Test
  void permuteIsAViewWithReorderedDimensions() {
    Tensor x = Torch.randn(1, 2, 3, 4);
    Tensor p = call(AtenOps.PERMUTE, x, List.of(2L, 0L, 1L));
    assertThat(p.data().shape()).containsExactly(4, 2, 3);
    assertThat(p.data().getDouble(3, 1, 2)).isEqualTo(x.data().getDouble(1, 2, 3));
    assertThat(p.data().sharesStorageWith(x.data())).isTrue();
    Tensor traced = t.input("x", 2, 3, 4);
    TensorMeta m = call(AtenOps.PERMUTE, traced, List.of(2L, 0L, 1L)).meta();
    assertThat(m.toString()).isEqualTo("f32[s2, s0, s1]");
    assertThat(m.strides().toString()).isEqualTo("[1, s1*s2, s2]");
  }

  @Test
  void mmAndAddmmComputeProducts() {
    Tensor a = Torch.randn(2, 3, 4);
    Tensor b = Torch.randn(3, 4, 5);
    Tensor bias = Torch.randn(4, 5);
    assertThat(call(AtenOps.MM, a, b).data().allClose(a.matmul(b).data())).isTrue();
    Tensor addmm = call(AtenOps.ADDMM, bias, a, b);
    assertThat(addmm.data().allClose(a.matmul(b).add(bias).data())).isTrue();
    Tensor scaled = (Tensor) Dispatch.call(AtenOps.ADDMM, bias, a, b, 0.5, 2.0);
    assertThat(scaled.data().allClose(a.matmul(b).mul(2).add(bias.mul(0.5)).data())).isTrue();
    Tensor ta = t.input("a", 3, 4);
    Tensor tb = t.input("b", 4, 5);
    assertThat(call(AtenOps.MM, ta, tb).meta().toString()).isEqualTo("f32[s0, s3]");
  }

  @Test
  void copyIsANewTensorLikeSelf() {
    Tensor self = Tensor.of(TensorData.zeros(new long[] {2, 3}, DType.FLOAT64));
    Tensor src = Torch.tensor(1.0, 2.0, 3.0);
    Tensor out = call(AtenOps.COPY, self, src);
    assertThat(out.data().dtype()).isEqualTo(DType.FLOAT64);
    assertThat(out.data().toDoubleArray()).containsExactly(1, 2, 3, 1, 2, 3);
    assertThat(self.data().toDoubleArray()).containsOnly(0.0);
  }

  @Test
  void batchNormWithoutTrainingUsesTheRunningStatistics() {
    Tensor x = Torch.randn(5, 2, 3, 2, 2);
    Tensor mean = Torch.tensor(1.0, -1.0, 0.5);
    Tensor var = Torch.tensor(4.0, 1.0, 0.25);
    List<?> out =
        (List<?>)
            Dispatch.call(
                AtenOps.NATIVE_BATCH_NORM_LEGIT_NO_TRAINING, x, null, null, mean, var, 0.1, 1e-5);
    Tensor expected = Torch.batchNorm(x, null, null, mean, var, false, 0.1, 1e-5, true);
    assertThat(((Tensor) out.get(0)).data().allClose(expected.data())).isTrue();
    assertThat(((Tensor) out.get(1)).data().shape()).containsExactly(0);
  }

  @Test
  void badInputsFailWithPyTorchsMessages() {
    assertThatThrownBy(() -> call(AtenOps.MM, Torch.randn(1, 2, 3), Torch.randn(2, 4, 5)))
        .hasMessage("aten::mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
    assertThatThrownBy(() -> call(AtenOps.MM, Torch.randn(1, 3), Torch.randn(2, 3, 5)))
        .hasMessage("aten::mm: self must be a matrix");
    assertThatThrownBy(() -> call(AtenOps.PERMUTE, Torch.randn(1, 2, 3), List.of(0L)))
        .hasMessage(
            "aten::permute: permute(sparse_coo): number of dimensions in the tensor input does"
                + " not match the length of the desired ordering of dimensions i.e. input.dim() ="
                + " 2 is not equal to len(dims) = 1");
    assertThatThrownBy(() -> call(AtenOps.PERMUTE, Torch.randn(1, 2, 3), List.of(0L, 0L)))
        .hasMessage("aten::permute: permute(): duplicate dims are not allowed.");
    Tensor ta = t.input("a", 3, 4);
    Tensor tb = t.input("b", 5, 2);
    assertThatThrownBy(() -> call(AtenOps.MM, ta, tb))
        .hasMessageStartingWith(
            "aten::mm: mat1 and mat2 shapes cannot be multiplied (3x4 and 5x2)");
  }
}
