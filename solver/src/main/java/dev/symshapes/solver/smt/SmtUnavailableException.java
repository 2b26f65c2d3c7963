package dev.symshapes.solver.smt;

/**
 * The SMT backend cannot be used in this process: the Z3 library or its native part failed to load.
 * The SMT tier then answers UNKNOWN.
 */
public final class SmtUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what failed to load, and its cause. */
  public SmtUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
