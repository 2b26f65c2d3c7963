package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.ops.CustomOp;
import dev.symshapes.export.ops.NoFakeKernelException;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpRegistry;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.tensor.UnaryKernels;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T22: a custom op with a real and a fake kernel; export runs only the fake one. */
class TutorialT22Test {
  @Test
  void printsTheProgramTheCallAndTheResult() {
    Golden.check(new T22CustomOp());
  }

  @Test
  void exportNeverCallsTheRealKernelAndRunningCallsItOnce() {
    List<String> calls = new ArrayList<>();
    OpDef op = T22CustomOp.register(OpRegistry.standard(), calls::add);
    T22CustomOp.CustomOpExample model = new T22CustomOp.CustomOpExample(op);
    ExportedModule m = Export.export(model, new Object[] {Torch.randn(1, 3, 3)}).module();
    assertThat(calls).isEmpty();
    Tensor x = Torch.randn(2, 3, 3);
    Tensor out = (Tensor) m.call(x);
    assertThat(calls).containsExactly("custom_op called!");
    Tensor direct = model.forward(x);
    assertThat(calls).hasSize(2);
    assertThat(out.data().allClose(direct.data())).isTrue();
    TensorData expected = Torch.cos(Tensor.of(UnaryKernels.relu(Torch.sin(x).data()))).data();
    assertThat(out.data().allClose(expected)).isTrue();
  }

  @Test
  void anOpWithoutAFakeKernelFailsExportClearly() {
    OpDef op =
        CustomOp.define("my_custom_library::no_fake", "(Tensor x) -> Tensor")
            .kernel(args -> args.get(0))
            .build();
    T22CustomOp.CustomOpExample model = new T22CustomOp.CustomOpExample(op);
    assertThatThrownBy(() -> Export.export(model, new Object[] {Torch.randn(1, 3, 3)}))
        .isInstanceOf(NoFakeKernelException.class)
        .hasMessage(
            "There was no fake impl registered for my_custom_library::no_fake. This is necessary"
                + " for export tracing to work. Please define the op with a fake kernel"
                + " (CustomOp.define(...).fake(...)) that computes its output metadata.");
    // it still runs directly
    Tensor x = Torch.randn(3, 3, 3);
    assertThat(model.forward(x).data().allClose(Torch.cos(Torch.sin(x)).data())).isTrue();
  }
}
