package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** T24: a predicate on a dynamic size stays symbolic in {@code cond}. */
class TutorialT24Test {
  @Test
  void printsTheThreePrograms() {
    Golden.check(new T24CondPredicate());
  }

  @Test
  void theSymbolicPredicateIsDecidedWhenTheProgramRuns() {
    T24CondPredicate.CondPredicate model = new T24CondPredicate.CondPredicate();
    ExportedModule m =
        Export.export(
                model,
                new Object[] {Torch.randn(1, 6, 4, 3)},
                Map.of("x", List.of(Dim.STATIC, Dim.STATIC, Dim.AUTO)))
            .module();
    for (long size : new long[] {2, 10, 11, 40}) {
      Tensor x = Torch.randn(size, 6, 4, size);
      Tensor expected = size > 10 ? Torch.cos(x) : Torch.sin(x);
      assertThat(((Tensor) m.call(x)).data().allClose(expected.data()))
          .as("size %s", size)
          .isTrue();
      assertThat(model.forward(x).data().allClose(expected.data())).isTrue();
    }
  }
}
