package dev.symshapes.export.trace;

import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;

/**
 * Package bridge for the exporter: swaps module tensors to traced values and reads the graph nodes
 * behind traced values. Not part of the user-facing model API.
 */
public final class TraceAccess {
  private TraceAccess() {}

  /** Makes {@code t} refer to {@code traced} for the duration of a trace. */
  public static Object swapIn(Tracer tracer, Tensor t, Tensor traced) {
    return tracer.swapIn(t, traced);
  }

  /** Undoes {@link #swapIn}. */
  public static void restore(Tracer tracer, Tensor t, Object old) {
    tracer.restore(t, old);
  }

  /** The node computing a traced tensor (or a lifted constant's placeholder). */
  public static Object nodeOf(Tracer tracer, Tensor t) {
    return tracer.toNodeArg(t);
  }

  /**
   * The graph argument for any value of a trace: a traced tensor's node, a symbolic value's node
   * (written as nodes when needed), a constant as it is, a list of these.
   */
  public static Object graphArg(Tracer tracer, Object value) {
    return tracer.toNodeArg(value);
  }

  /** The graph argument for a symbolic integer. */
  public static Object symArg(Tracer tracer, SymInt s) {
    return tracer.symValues().symArg(s);
  }

  /** The graph argument for a symbolic boolean (its node, made now if it was recorded lazily). */
  public static Object symBoolArg(Tracer tracer, SymBool b) {
    return tracer.toNodeArg(b);
  }
}
