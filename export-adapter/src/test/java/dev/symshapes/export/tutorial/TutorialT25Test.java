package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T25: the exported program computes what the model computes. */
class TutorialT25Test {
  @Test
  void runsLikeTheModel() {
    CaseRun run = CaseRun.of(new T25RunningPrograms());
    assertThat(run.log()).containsExactly("produce_guards");
    assertThat(run.text())
        .isEqualTo(
            """
            > ep.module().call(inp)
            tensor([[ 0.8293,  0.8042, -0.9751],
                    [ 0.1343, -0.5676,  0.2796]])
            > m.call(inp)
            tensor([[ 0.8293,  0.8042, -0.9751],
                    [ 0.1343, -0.5676,  0.2796]])
            """);
  }

  @Test
  void isRegistered() {
    assertThat(TutorialCases.byId("t25")).containsInstanceOf(T25RunningPrograms.class);
  }
}
