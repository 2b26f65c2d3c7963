package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.passes.DecompositionTable;
import dev.symshapes.export.passes.Decompositions;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** T23: the training IR, and the programs {@code runDecompositions} makes of it. */
class TutorialT23Test {
  @Test
  void printsTheFourGraphsInFxFormat() {
    Golden.check(new T23Decompositions());
  }

  @Test
  void decomposedProgramsComputeWhatTheTrainingProgramComputes() {
    ExportedProgram training =
        Export.export(
            new T23Decompositions.DecompExample(), new Object[] {Torch.randn(3, 1, 1, 3, 3)});
    List<ExportedProgram> lowered =
        List.of(
            training.runDecompositions(DecompositionTable.empty()),
            training.runDecompositions(Decompositions.defaultDecompositions()));
    for (ExportedProgram ep : lowered) {
      ExportedModule expected = training.module();
      ExportedModule actual = ep.module();
      for (long seed = 0; seed < 3; seed++) {
        Tensor x = Torch.randn(40 + seed, 1, 1, 3, 3);
        Object e = ((Object[]) expected.call(x))[0];
        Object a = ((Object[]) actual.call(x))[0];
        assertThat(((Tensor) a).data().allClose(((Tensor) e).data())).isTrue();
        // the buffers, updated in place by one and through BUFFER_MUTATION outputs by the other
        for (Map.Entry<String, TensorData> s : expected.stateDict().entrySet()) {
          assertThat(actual.stateDict().get(s.getKey()).allClose(s.getValue()))
              .as("%s after run %s", s.getKey(), seed)
              .isTrue();
        }
      }
      assertThat(actual.stateDict().get("bn.num_batches_tracked").item()).isEqualTo(3L);
    }
  }

  @Test
  void theUserTableDoublesTheConvolution() {
    T23Decompositions.DecompExample model = new T23Decompositions.DecompExample();
    model.eval();
    ExportedProgram ep = Export.export(model, new Object[] {Torch.randn(3, 1, 1, 3, 3)});
    ExportedProgram mine = ep.runDecompositions(T23Decompositions.myDecompositionTable());
    ExportedProgram core = ep.runDecompositions(Decompositions.defaultDecompositions());
    assertThat(core.graph().toString())
        .contains("aten._native_batch_norm_legit_no_training.default](args = (%convolution,");
    // a fresh batch norm in evaluation mode scales by 1 / sqrt(1 + eps): doubling its input
    // doubles its output
    for (long seed = 0; seed < 3; seed++) {
      Tensor x = Torch.randn(9 + seed, 1, 1, 3, 3);
      Tensor doubled = (Tensor) ((Object[]) mine.module().call(x))[0];
      Tensor once = (Tensor) ((Object[]) core.module().call(x))[0];
      Tensor eager = (Tensor) ((Object[]) model.forward(x))[0];
      assertThat(once.data().allClose(eager.data())).isTrue();
      assertThat(doubled.data().allClose(once.mul(2).data())).isTrue();
    }
  }
}
