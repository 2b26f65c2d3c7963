package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T06: a static program rejects inputs of other shapes that the model accepts. */
class TutorialT06Test {
  @Test
  void rejectsOtherShapes() {
    CaseRun run = CaseRun.of(new T06StaticShapes());
    assertThat(run.log()).containsExactly("produce_guards");
    assertThat(run.text())
        .isEqualTo(
            """
            > model.call(w, x, randn(3, 4), randn(12))
            (f32[6, 3], f32[12])
            > ep.module().call(w, x, randn(3, 4), randn(12))
            InputCheckException: Expected input at *args[2].shape[0] to be equal to 8, but got 3. \
            If you meant for this dimension to be dynamic, please re-export and specify \
            dynamic_shapes (e.g. with Dim.DYNAMIC)
            """);
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("t06")).containsInstanceOf(T06StaticShapes.class);
  }
}
