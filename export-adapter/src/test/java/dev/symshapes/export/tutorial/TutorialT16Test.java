package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** T16: a guard on a data-dependent expression fails, with checks in the user's terms. */
class TutorialT16Test {
  @Test
  void failsWithTheUsersLineAndChecksThatDecideIt() {
    CaseRun r = CaseRun.of(new T16DataDependentGuard());
    String branch = CaseRun.line("T16DataDependentGuard.java", "if (a.floorDiv(2).ge(5).bool())");
    String item = CaseRun.line("T16DataDependentGuard.java", "SymInt a = x.item();");
    assertThat(r.text())
        .startsWith(
            "Could not guard on data-dependent expression ((u0//2)) >= 5 (unhinted: ((u0//2)) >="
                + " 5).  (Size-like symbols: none)\n")
        .isEqualTo(
            "Could not guard on data-dependent expression ((u0//2)) >= 5 (unhinted: ((u0//2)) >="
                + " 5).  (Size-like symbols: none)\n"
                + "\n"
                + "Caused by: ("
                + branch
                + " in forward)\n"
                + "For more information, run with SYMSHAPES_LOGS=\"dynamic\"\n"
                + "\n"
                + "To fix the error, insert one of the following checks before this call:\n"
                + "  1. check(x.item() >= 10)\n"
                + "  2. check(x.item() < 10)\n"
                + "\n"
                + "(These checks write u0 as x.item(), the value read at "
                + item
                + " in forward; check the variable that holds it.)\n");
  }
}
