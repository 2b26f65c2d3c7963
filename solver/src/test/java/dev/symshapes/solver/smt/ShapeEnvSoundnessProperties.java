package dev.symshapes.solver.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.DivisionByZeroException;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.event.LogSwitch;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Soundness of the whole pipeline with tier 4: random facts (see {@link SmtGens}) are recorded in a
 * shape environment with {@code check}, the query is decided, and a TRUE or FALSE answer (from any
 * tier) must hold at every enumerated model of the facts. Runs {@code symshapes.props.runs}
 * scenarios (default 300); each uses a fresh environment and Z3 context.
 */
class ShapeEnvSoundnessProperties {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);

  @Test
  void decisionsAgreeWithEnumeration() {
    qt().withExamples(RUNS)
        .withShrinkCycles(100)
        .forAll(SmtGens.scenarios())
        .checkAssert(
            s -> {
              try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build()) {
                for (int i = 0; i < SmtGens.SYMBOLS.size(); i++) {
                  env.createUnbackedSymInt();
                }
                ExprParser p = ExprParser.of(env.factory());
                try {
                  for (BoolExpr fact : s.allFacts()) {
                    env.check(p.parseBool(fact.toString()));
                  }
                } catch (ContradictionException e) {
                  // Facts that the tiers prove contradictory: then no model may exist.
                  assertThat(s.models()).as("%s: %s", s, e.getMessage()).isEmpty();
                  return;
                } catch (DivisionByZeroException e) {
                  // A fact whose divisor earlier facts make 0 has no value: it is rejected.
                  return;
                }
                Decision d;
                try {
                  d = env.decide(p.parseBool(s.query().toString()));
                } catch (DivisionByZeroException e) {
                  return; // a query whose divisor the facts make 0 has no value
                }
                if (d.truth() == Truth.UNKNOWN) {
                  return;
                }
                for (Map<Sym, IntValue> m : s.models()) {
                  Boolean v = SmtGens.value(s.query(), m);
                  if (v != null) {
                    assertThat(v)
                        .as("%s decided %s by %s at %s", s, d.truth(), d.decidedBy(), m)
                        .isEqualTo(d.truth().value());
                  }
                }
              }
            });
  }
}
