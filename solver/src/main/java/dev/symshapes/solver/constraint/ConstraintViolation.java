package dev.symshapes.solver.constraint;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.solver.Fact;

/**
 * One way in which the final facts of a shape environment disagree with the user's spec.
 *
 * @param kind what kind of disagreement
 * @param debugName the dim as the header of the error names it ({@code d1}, or {@code
 *     L['w'].size()[1]} for an unnamed {@code Dim.DYNAMIC})
 * @param message the sentence of the bullet, in PyTorch's template where PyTorch has one
 * @param causes the guards and runtime asserts that caused it, with the user's lines
 */
public record ConstraintViolation(
    Kind kind, String debugName, String message, ImmutableList<Fact> causes) {
  /** The kinds of violation. */
  public enum Kind {
    /** A dim that must stay dynamic was inferred to be a constant. */
    SPECIALIZED,
    /** Two independent named dims must always be equal. */
    EQUAL,
    /** A named dim must always be {@code A*other + B}. */
    RELATED,
    /** A named dim was inferred to be an expression no derived dim can express. */
    UNSUPPORTED_RELATION,
    /** The program accepts only part of a named dim's declared range. */
    RANGE,
    /** A guard on one named dim that its range cannot express ({@code Eq(Mod(s0, 4), 0)}). */
    GUARD
  }

  /** Checks the invariants. */
  public ConstraintViolation {
    checkNotNull(kind, "kind");
    checkNotNull(debugName, "debugName");
    checkNotNull(message, "message");
    checkNotNull(causes, "causes");
  }

  /**
   * The bullet of the error message: {@code " - "} and the sentence, then, when the causes are
   * known, an indented line {@code " Caused by: Eq(s1, 4) (runtime assert added at Foo.java:12 in
   * forward)"}.
   */
  public String bullet() {
    StringBuilder sb = new StringBuilder("  - ").append(message);
    if (!causes.isEmpty()) {
      sb.append("\n    Caused by: ");
      for (int i = 0; i < causes.size(); i++) {
        if (i > 0) {
          sb.append("; ");
        }
        sb.append(causes.get(i).describe());
      }
    }
    return sb.toString();
  }
}
