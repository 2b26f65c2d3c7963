package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.trace.ControlFlowException;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import org.junit.jupiter.api.Test;

/** T02: a Java branch on a traced tensor fails and points to {@code cond}. */
class TutorialT02Test {
  @Test
  void printsTheErrorThatPointsToCond() {
    Golden.check(new T02DataDependentBranch());
  }

  @Test
  void theErrorNamesTheRule() {
    assertThatThrownBy(
            () ->
                Export.export(
                    new T02DataDependentBranch.Bad1(), new Object[] {Torch.randn(1, 3, 3)}))
        .isInstanceOfSatisfying(
            ControlFlowException.class,
            e -> assertThat(e.rule()).isEqualTo(ControlFlowException.Rule.DATA_DEPENDENT_BRANCH))
        .hasMessageStartingWith(
            "Dynamic control flow is not supported at the moment. Please use"
                + " dev.symshapes.export.trace.ControlFlow.cond to explicitly capture the control"
                + " flow.");
  }

  @Test
  void theSameModelRunsDirectly() {
    Tensor positive = Torch.ones(3, 3);
    Tensor out = new T02DataDependentBranch.Bad1().forward(positive);
    assertThat(out.data().allClose(Torch.sin(positive).data())).isTrue();
  }
}
