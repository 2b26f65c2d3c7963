/**
 * Guard sets, for research on guard simplification: a guard set is what a trace leaves behind
 * (symbol ranges, example values and the guards and runtime asserts), read from a documented text
 * format ({@link dev.symshapes.solver.guardset.GuardSetParser}) or built in code, and studied with
 * {@link dev.symshapes.solver.guardset.GuardSetDecider} (decide a query), {@link
 * dev.symshapes.solver.guardset.GuardSetSimplifier} (drop what is implied, merge ranges, substitute
 * equalities) and {@link dev.symshapes.solver.guardset.GuardSetExplainer} (which facts imply a
 * guard).
 */
package dev.symshapes.solver.guardset;
