package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T18: indexing with an unbacked index fails, with checks that decide the bounds question. */
class TutorialT18Test {
  @Test
  void failsWithTheUsersLineAndChecks() {
    CaseRun r = CaseRun.of(new T18UnbackedIndex());
    String index = CaseRun.line("T18UnbackedIndex.java", "return y.get(a);");
    String item = CaseRun.line("T18UnbackedIndex.java", "SymInt a = x.item();");
    assertThat(r.text())
        .isEqualTo(
            "Could not guard on data-dependent expression -u0 > 60 (unhinted: -u0 > 60)."
                + "  (Size-like symbols: none)\n"
                + "\n"
                + "Caused by: ("
                + index
                + " in forward)\n"
                + "For more information, run with SYMSHAPES_LOGS=\"dynamic\"\n"
                + "\n"
                + "To fix the error, insert one of the following checks before this call:\n"
                + "  1. check(x.item() < -60)\n"
                + "  2. check(x.item() >= -60)\n"
                + "\n"
                + "(These checks write u0 as x.item(), the value read at "
                + item
                + " in forward; check the variable that holds it.)\n");
  }
}
