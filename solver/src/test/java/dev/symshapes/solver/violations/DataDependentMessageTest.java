package dev.symshapes.solver.violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.DataDependentException;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.event.LogSwitch;
import org.junit.jupiter.api.Test;

/** Suggested checks name data-dependent values by their origin, and say so in a note. */
class DataDependentMessageTest {
  private final ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build();
  private final ExprFactory f = env.factory();

  private static String masked(String m) {
    return m.replaceAll("DataDependentMessageTest\\.java:\\d+ in [\\w$]+", "L");
  }

  @Test
  void aValueWithAnOriginIsNamedByIt() {
    Sym u = env.createUnbackedSymInt(Source.named("x.item()"));
    DataDependentException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            DataDependentException.class,
            () -> env.evaluateExpr(f.ge(f.floorDiv(u, f.integer(2)), f.integer(5))));
    assertThat(masked(e.getMessage()))
        .isEqualTo(
            "Could not guard on data-dependent expression ((u0//2)) >= 5 (unhinted: ((u0//2)) >="
                + " 5).  (Size-like symbols: none)\n"
                + "\n"
                + "Caused by: (L)\n"
                + "For more information, run with SYMSHAPES_LOGS=\"dynamic\"\n"
                + "\n"
                + "To fix the error, insert one of the following checks before this call:\n"
                + "  1. check(x.item() >= 10)\n"
                + "  2. check(x.item() < 10)\n"
                + "\n"
                + "(These checks write u0 as x.item(), the value read at L; check the variable that"
                + " holds it.)\n");
    assertThat(e.suggestedChecks())
        .containsExactly("check(x.item() >= 10)", "check(x.item() < 10)");
  }

  @Test
  void aValueWithoutAnOriginKeepsItsSymbolAndNoNote() {
    Sym u = env.createUnbackedSymInt();
    assertThatThrownBy(() -> env.evaluateExpr(f.gt(f.neg(u), f.integer(60))))
        .isInstanceOf(DataDependentException.class)
        .hasMessageEndingWith(
            "To fix the error, insert one of the following checks before this call:\n"
                + "  1. check(u0 < -60)\n"
                + "  2. check(u0 >= -60)\n");
  }

  @Test
  void twoValuesAreBothNamed() {
    Sym a = env.createUnbackedSymInt(Source.named("x.item()"));
    Sym b = env.createUnbackedSymInt(Source.named("y.item()"));
    assertThatThrownBy(() -> env.evaluateExpr(f.lt(a, b)))
        .isInstanceOf(DataDependentException.class)
        .satisfies(
            e ->
                assertThat(masked(e.getMessage()))
                    .contains("  1. check(x.item() < y.item())\n")
                    .endsWith(
                        "(These checks write u0 as x.item(), the value read at L and u1 as"
                            + " y.item(), the value read at L; check the variable that holds each"
                            + " value.)\n"));
  }
}
