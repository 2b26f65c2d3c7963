package dev.symshapes.export.ops;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An op without a fake kernel was called while exporting: its output metadata cannot be computed
 * without running it, and export never runs real kernels.
 */
public final class NoFakeKernelException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String op;

  /** The error for {@code op} ({@code my_custom_library::custom_op}). */
  public NoFakeKernelException(String op) {
    super(
        "There was no fake impl registered for "
            + checkNotNull(op, "op")
            + ". This is necessary for export tracing to work. Please define the op with a fake"
            + " kernel (CustomOp.define(...).fake(...)) that computes its output metadata.");
    this.op = op;
  }

  /** The qualified name of the op. */
  public String op() {
    return op;
  }
}
