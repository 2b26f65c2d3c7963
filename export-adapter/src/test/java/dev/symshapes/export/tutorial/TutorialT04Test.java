package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import org.junit.jupiter.api.Test;

/** T04: {@code cond} keeps both branches as sub-graphs; the program picks one when it runs. */
class TutorialT04Test {
  @Test
  void printsTheProgramAndBothResults() {
    Golden.check(new T04Cond());
  }

  @Test
  void runsLikeTheModelOnRandomInputs() {
    T04Cond.Bad1Fixed model = new T04Cond.Bad1Fixed();
    ExportedModule m = Export.export(model, new Object[] {Torch.randn(7, 3, 3)}).module();
    int positive = 0;
    for (long seed = 0; seed < 12; seed++) {
      Tensor x = Torch.randn(100 + seed, 3, 3);
      Tensor expected = model.forward(x);
      Tensor actual = (Tensor) m.call(x);
      assertThat(actual.data().allClose(expected.data())).as("seed %s", seed).isTrue();
      positive += ((Number) x.sum().data().item()).doubleValue() > 0 ? 1 : 0;
    }
    // both branches were exercised
    assertThat(positive).isBetween(1, 11);
  }
}
