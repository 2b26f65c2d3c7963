package dev.symshapes.benchmarks.solver;

import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;

/**
 * Which decision tiers the environments of a solver benchmark have: the fast tiers alone, or the
 * default set with the SMT tier, so that the cost of tier 4 is measured apart from the rest.
 */
public enum Tiers {
  /** The default environment: tiers 1-3 and the SMT tier (tier 4). */
  DEFAULT,
  /** Tiers 1-3 only ({@link ShapeEnv.Builder#noExtraTier()}). */
  FAST;

  /** A builder with logging off and these tiers. */
  ShapeEnv.Builder builder() {
    ShapeEnv.Builder b = ShapeEnv.builder().logSwitch(LogSwitch.OFF);
    if (this == FAST) {
      b.noExtraTier();
    }
    return b;
  }
}
