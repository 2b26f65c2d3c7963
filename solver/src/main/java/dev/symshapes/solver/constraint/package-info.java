/**
 * Dimension constraints: what a user declared about input dimensions ({@link
 * dev.symshapes.solver.constraint.DimSpec}: {@code Dim.DYNAMIC}, named dims with ranges, derived
 * dims {@code A*dx + B}), compared with what a shape environment's final facts require ({@link
 * dev.symshapes.solver.constraint.DimConstraints}). The differences are {@link
 * dev.symshapes.solver.constraint.ConstraintViolation}s, reported together in one {@link
 * dev.symshapes.solver.constraint.ConstraintViolationException} with PyTorch's templates and the
 * {@link dev.symshapes.solver.constraint.SuggestedFix}es that would make the spec agree ({@code d1
 * = 4}, {@code dy = dx}, {@code dy = 2*dx + 1}, {@code dx = Dim('dx', min=4, max=256)}).
 */
package dev.symshapes.solver.constraint;
