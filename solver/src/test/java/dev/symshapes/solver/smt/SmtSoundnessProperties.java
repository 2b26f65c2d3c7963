package dev.symshapes.solver.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.smt.SmtResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Soundness at scale: for random facts and queries over small boxes (see {@link SmtGens}), every
 * answer of the Z3 backend agrees with brute-force enumeration of the box. "Facts and not q is
 * unsatisfiable" must mean that q holds at every enumerated model of the facts; "facts and q is
 * unsatisfiable", that it holds at none. Zero disagreements are allowed.
 *
 * <p>Runs {@code symshapes.smt.soundness.runs} scenarios (default 3,000, a few seconds); {@code
 * -Dsymshapes.smt.soundness.runs=1000000} runs a million (about half an hour on 2 cores).
 * QuickTheories prints the seed and the shrunk scenario of a failure.
 */
class SmtSoundnessProperties {
  private static final int RUNS = Integer.getInteger("symshapes.smt.soundness.runs", 3000);

  private static SmtSolver solver;

  @BeforeAll
  static void open() throws SmtUnavailableException {
    solver = SmtLoader.z3().open(SmtOptions.defaults());
  }

  @AfterAll
  static void close() {
    solver.close();
  }

  @Test
  void z3AnswersAgreeWithEnumeration() {
    qt().withExamples(RUNS)
        .withShrinkCycles(200)
        .forAll(SmtGens.scenarios())
        .checkAssert(
            s -> {
              solver.reset();
              for (var f : s.allFacts()) {
                assertThat(solver.addFact(f)).as("encodes %s", f).isTrue();
              }
              SmtResult negated = solver.check(SmtGens.F.not(s.query()));
              SmtResult asked = solver.check(s.query());
              List<Map<Sym, IntValue>> models = s.models();
              if (negated.status() == Status.UNSAT) {
                for (Map<Sym, IntValue> m : models) {
                  assertThat(SmtGens.value(s.query(), m)).as("%s at %s", s, m).isNotEqualTo(false);
                }
              }
              if (asked.status() == Status.UNSAT) {
                for (Map<Sym, IntValue> m : models) {
                  assertThat(SmtGens.value(s.query(), m)).as("%s at %s", s, m).isNotEqualTo(true);
                }
              }
            });
  }
}
