package dev.symshapes.solver;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.Expr;
import dev.symshapes.solver.event.LogSwitch;
import java.util.Optional;

/**
 * A guard on a value the shape environment has no example for (an unbacked symbol such as the
 * result of {@code item()}): the trace would have to branch on data. PyTorch calls this {@code
 * GuardOnDataDependentSymNode}; the message starts with the same words, so that searches for it
 * find the same explanations:
 *
 * <pre>
 * Could not guard on data-dependent expression -u0 &gt; 60 (unhinted: -u0 &gt; 60).  (Size-like symbols: none)
 *
 * Caused by: (MyModel.java:42 in forward)
 * For more information, run with SYMSHAPES_LOGS="dynamic"
 *
 * To fix the error, insert one of the following checks before this call:
 *   1. check(x.item() &lt; -60)
 *   2. check(x.item() &gt;= -60)
 *
 * (These checks write u0 as x.item(), the value read at MyModel.java:41 in forward; check the
 * variable that holds it.)
 * </pre>
 *
 * The suggested checks are concrete conditions that decide the expression (better than PyTorch's
 * strict mode, which suggests none), solved for the data-dependent value when it occurs linearly
 * ({@code ((u0//2)) >= 5} becomes {@code u0 >= 10}).
 *
 * <p>They are written in the user's terms, as PyTorch's non-strict mode writes them with the user's
 * local variable names ({@code torch._check(a >= 10)}). Java does not keep the names of local
 * variables at run time, so a value is named by its origin instead: the input size {@code
 * y.size(0)} for a size, the call that produced a data-dependent value ({@code x.item()}, {@code
 * y.select(0, 1).item()} for an element of {@code y.tolist()}), or the symbol ({@code u0}) when the
 * origin has no short Java spelling. The origin is what the user can find in their code; a note
 * after the checks says which symbol it stands for and where the value was read, because the check
 * must be written on the variable that holds that value, not on a second call.
 */
public final class DataDependentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Expr expr;
  private final ImmutableList<String> suggestedChecks;
  private final transient Optional<Location> location;

  /** See the class documentation for the message layout; no note after the checks. */
  public DataDependentException(
      String description,
      Expr expr,
      String hinted,
      String sizeLike,
      Optional<Location> location,
      ImmutableList<String> suggestedChecks) {
    this(description, expr, hinted, sizeLike, location, suggestedChecks, Optional.empty());
  }

  /**
   * See the class documentation for the message layout.
   *
   * @param checksNote printed in parentheses after the suggested checks: how they name the
   *     data-dependent values
   */
  public DataDependentException(
      String description,
      Expr expr,
      String hinted,
      String sizeLike,
      Optional<Location> location,
      ImmutableList<String> suggestedChecks,
      Optional<String> checksNote) {
    super(message(description, expr, hinted, sizeLike, location, suggestedChecks, checksNote));
    this.expr = expr;
    this.location = location;
    this.suggestedChecks = suggestedChecks;
  }

  private static String message(
      String description,
      Expr expr,
      String hinted,
      String sizeLike,
      Optional<Location> location,
      ImmutableList<String> checks,
      Optional<String> checksNote) {
    StringBuilder sb = new StringBuilder();
    sb.append(description)
        .append(' ')
        .append(hinted)
        .append(" (unhinted: ")
        .append(expr)
        .append(").  (Size-like symbols: ")
        .append(sizeLike)
        .append(")\n\nCaused by: ")
        .append(location.map(l -> "(" + l.describe() + ")").orElse("(unknown location)"))
        .append("\nFor more information, run with ")
        .append(LogSwitch.NAME)
        .append("=\"dynamic\"\n");
    if (!checks.isEmpty()) {
      sb.append("\nTo fix the error, insert one of the following checks before this call:\n");
      for (int i = 0; i < checks.size(); i++) {
        sb.append("  ").append(i + 1).append(". ").append(checks.get(i)).append('\n');
      }
      checksNote.ifPresent(n -> sb.append("\n(").append(n).append(")\n"));
    }
    return sb.toString();
  }

  /** The expression that could not be decided, as stated. */
  public Expr expr() {
    return expr;
  }

  /** Checks that would let the trace go on, such as {@code check(u0 >= 10)}. */
  public ImmutableList<String> suggestedChecks() {
    return suggestedChecks;
  }

  /** The user's code that needed the decision. */
  public Optional<Location> location() {
    return location;
  }
}
