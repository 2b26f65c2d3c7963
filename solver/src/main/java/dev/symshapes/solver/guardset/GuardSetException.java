package dev.symshapes.solver.guardset;

/**
 * A guard set that cannot be used: its facts contradict each other or its hints. The message names
 * the line (when known) and the fact, such as {@code line 4: the guard s0 > 600 contradicts the
 * facts before it}.
 */
public final class GuardSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public GuardSetException(String message) {
    super(message);
  }

  /** An exception with a message and its cause. */
  public GuardSetException(String message, Throwable cause) {
    super(message, cause);
  }
}
