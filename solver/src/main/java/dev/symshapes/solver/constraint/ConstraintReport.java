package dev.symshapes.solver.constraint;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * The outcome of {@link DimConstraints#check}: the violations (empty when the spec and the program
 * agree) and the fixes that would remove them.
 *
 * @param violations in the order of the error message
 * @param suggestedFixes in the order of the error message
 */
public record ConstraintReport(
    ImmutableList<ConstraintViolation> violations, ImmutableList<SuggestedFix> suggestedFixes) {
  /** Checks the invariants. */
  public ConstraintReport {
    checkNotNull(violations, "violations");
    checkNotNull(suggestedFixes, "suggestedFixes");
  }

  /** True when there is no violation. */
  public boolean isSatisfied() {
    return violations.isEmpty();
  }

  /**
   * Throws the violations as one exception.
   *
   * @throws ConstraintViolationException if there is any violation
   */
  public void throwIfViolated() {
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations, suggestedFixes);
    }
  }
}
