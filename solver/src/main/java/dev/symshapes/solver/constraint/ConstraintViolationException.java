package dev.symshapes.solver.constraint;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.symshapes.solver.event.LogSwitch;
import java.util.List;
import java.util.TreeSet;

/**
 * The dynamic-shape spec and the program disagree: PyTorch's {@code ConstraintViolationError}. The
 * message lists every violation, then the suggested fixes:
 *
 * <pre>
 * Constraints violated (d1, dy)! For more information, run with SYMSHAPES_LOGS="+dynamic".
 *   - Not all values of d1 = L['x'].size()[1] in the specified range are valid because d1 was inferred to be a constant (4).
 *     Caused by: Eq(s1, 4) (runtime assert added at Foo.java:14 in forward)
 *   - The values of dy = L['y'].size()[0] and dx = L['x'].size()[0] must always be equal.
 *     Caused by: Eq(s0, s2) (runtime assert added at Foo.java:13 in forward)
 *
 * Suggested fixes:
 *   d1 = 4
 *   dy = dx
 * </pre>
 *
 * The header names the dims in sorted order; each bullet's first line is PyTorch's sentence (so
 * that searches find it), and its second line names the guards that caused it and the user's lines
 * that added them. {@link #suggestedFixes()} are structured, so that tools can apply them (the
 * export adapter's {@code DynamicShapes.refine}).
 */
public final class ConstraintViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ImmutableList<ConstraintViolation> violations;
  private final transient ImmutableList<SuggestedFix> suggestedFixes;

  /**
   * An exception for {@code violations} (at least one) with {@code suggestedFixes}.
   *
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ConstraintViolationException(
      List<ConstraintViolation> violations, List<SuggestedFix> suggestedFixes) {
    super(message(violations, suggestedFixes));
    this.violations = ImmutableList.copyOf(violations);
    this.suggestedFixes = ImmutableList.copyOf(suggestedFixes);
  }

  private static String message(List<ConstraintViolation> vs, List<SuggestedFix> fixes) {
    checkArgument(!vs.isEmpty(), "a constraint violation needs at least one violation");
    TreeSet<String> names = new TreeSet<>();
    for (ConstraintViolation v : vs) {
      names.add(v.debugName());
    }
    StringBuilder sb =
        new StringBuilder("Constraints violated (")
            .append(String.join(", ", names))
            .append(")! For more information, run with ")
            .append(LogSwitch.NAME)
            .append("=\"+dynamic\".");
    for (ConstraintViolation v : vs) {
      sb.append('\n').append(v.bullet());
    }
    if (!fixes.isEmpty()) {
      sb.append("\n\nSuggested fixes:");
      for (SuggestedFix f : fixes) {
        sb.append("\n  ").append(f);
      }
    }
    return sb.toString();
  }

  /** The violations, in the order of the message. */
  public ImmutableList<ConstraintViolation> violations() {
    return violations;
  }

  /** The suggested fixes, in the order of the message. */
  public ImmutableList<SuggestedFix> suggestedFixes() {
    return suggestedFixes;
  }
}
