/**
 * The SMT tier (tier 4): Z3 over every fact a shape environment knows, for the decisions the fast
 * tiers (constant folding, value ranges, axioms) leave UNKNOWN.
 *
 * <p>{@link dev.symshapes.solver.smt.SmtTier} is the {@link dev.symshapes.solver.eval.DecisionTier}
 * a {@link dev.symshapes.solver.ShapeEnv} uses; it loads Z3 only when tier 4 is first needed,
 * asserts the facts once per fact version and asks each query within a budget ({@link
 * dev.symshapes.solver.smt.SmtOptions}). {@link dev.symshapes.solver.smt.SmtSolver} is the backend
 * seam: expressions in, satisfiability out, with Python's floor division and modulo encoded
 * exactly. When the native library cannot load, the tier answers UNKNOWN and one warning is logged.
 */
package dev.symshapes.solver.smt;
