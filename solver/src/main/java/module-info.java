/**
 * symshapes-solver: the shape environment (symbols, ranges, replacements, guards, runtime asserts,
 * static evaluation tiers, events).
 */
module dev.symshapes.solver {
  requires transitive dev.symshapes.expr;
  requires transitive com.google.common;
  requires org.slf4j;
  requires tools.aqua.turnkey.z3;

  exports dev.symshapes.solver;
  exports dev.symshapes.solver.event;
  exports dev.symshapes.solver.eval;
  exports dev.symshapes.solver.smt;
  exports dev.symshapes.solver.guardset;
  exports dev.symshapes.solver.constraint;
  exports dev.symshapes.solver.sample;
}
