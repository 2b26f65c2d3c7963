package dev.symshapes.export.passes;

/**
 * A program's mutations cannot be made functional: an in-place op without a functional form, or a
 * mutation of a view (whose effect on the viewed tensor functionalization would have to replay).
 */
public final class FunctionalizationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FunctionalizationException(String message) {
    super(message);
  }
}
