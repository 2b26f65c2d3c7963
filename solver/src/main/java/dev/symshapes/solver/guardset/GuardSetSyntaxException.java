package dev.symshapes.solver.guardset;

/**
 * One line of a guard set that cannot be read. The message is {@code line N, column C: detail}, for
 * example {@code line 3, column 9: expected an integer or int_oo, got 'abc'}.
 */
public final class GuardSetSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String detail;

  /** An error at {@code line} and {@code column} (both 1-based). */
  public GuardSetSyntaxException(int line, int column, String detail) {
    super("line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** The 1-based line. */
  public int line() {
    return line;
  }

  /** The 1-based column where reading stopped. */
  public int column() {
    return column;
  }

  /** What was wrong, without the position. */
  public String detail() {
    return detail;
  }
}
