package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T20: asking for the Java long of an unbacked value fails. */
class TutorialT20Test {
  @Test
  void failsToSpecialize() {
    CaseRun r = CaseRun.of(new T20SpecializeUnbacked());
    String loop = CaseRun.line("T20SpecializeUnbacked.java", "for (long i = 0; i < a.guardLong();");
    assertThat(r.text())
        .isEqualTo(
            "Could not extract specialized integer from data-dependent expression u0 (unhinted:"
                + " u0).  (Size-like symbols: none)\n"
                + "\n"
                + "Caused by: ("
                + loop
                + " in forward)\n"
                + "For more information, run with SYMSHAPES_LOGS=\"dynamic\"\n");
  }
}
