package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import org.junit.jupiter.api.Test;

/** T05: {@code map} over the rows of {@code xs}, with {@code y} and {@code z} passed whole. */
class TutorialT05Test {
  @Test
  void printsTheProgramAndItsResult() {
    Golden.check(new T05Map());
  }

  @Test
  void runsLikeTheModelOnRandomInputs() {
    T05Map.MapModule model = new T05Map.MapModule();
    Object[] example = {Torch.randn(1, 6, 4), Torch.scalarTensor(5L), Torch.scalarTensor(4L)};
    ExportedModule m = Export.export(model, example).module();
    for (long seed = 0; seed < 5; seed++) {
      Object[] in = {Torch.randn(seed, 6, 4), Torch.scalarTensor(seed), Torch.scalarTensor(-2L)};
      Tensor expected = model.forward((Tensor) in[0], (Tensor) in[1], (Tensor) in[2]);
      Tensor actual = (Tensor) m.call(in);
      assertThat(actual.data().shape()).containsExactly(6, 4);
      assertThat(actual.data().allClose(expected.data())).as("seed %s", seed).isTrue();
    }
  }
}
