package dev.symshapes.solver;

/**
 * Whether a shape environment records where in the user's code each symbol, guard and runtime
 * assert came from (the {@code (MyModel.java:42 in forward)} of log lines and messages).
 */
public enum LocationCapture {
  /**
   * Walk the stack to the first frame outside symshapes (and outside packages registered with
   * {@code ShapeEnv.Builder.libraryPackage}) once per operation that records something: the
   * default, and what {@code [guard added]} lines and data-dependent errors need.
   */
  USER_FRAME,
  /**
   * Record no locations (they are empty in guards, symbols, events and errors), for tools that
   * replay shape logic at high rates and never show it to a person.
   */
  NONE
}
