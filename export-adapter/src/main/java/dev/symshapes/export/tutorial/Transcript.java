package dev.symshapes.export.tutorial;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The text a tutorial case prints: each step is a line {@code > what} (the Java expression the case
 * evaluated) followed by its value, or by the error it raised as {@code ExceptionType: message},
 * the way the tutorial prints a value or the last line of a traceback.
 *
 * <pre>{@code
 * > ep.module().call(w, x, randn(3, 4), randn(12))
 * InputCheckException: Expected input at *args[2].shape[0] to be equal to 8, but got 3. ...
 * }</pre>
 *
 * <p>Mutable; one per run of a case.
 */
final class Transcript {
  /** How a step shows a value. */
  enum Show {
    /** The value itself: tensors with their elements, as PyTorch prints them. */
    VALUES,
    /**
     * Only the metadata of tensors ({@code f32[7, 3]}): for results whose numbers do not matter.
     */
    SHAPES
  }

  private final StringBuilder text = new StringBuilder();

  /** Adds a step whose value is already known: {@code > what}, then the value. */
  Transcript show(String what, Object value) {
    return step(what, repr(value, Show.VALUES));
  }

  /**
   * Adds a step that evaluates {@code body}: {@code > what}, then its value shown as {@code show}
   * says, or the exception it threw ({@code InputCheckException: Expected input at ...}).
   */
  Transcript run(String what, Show show, Supplier<?> body) {
    checkNotNull(show, "show");
    String result;
    try {
      result = repr(body.get(), show);
    } catch (RuntimeException e) {
      result = error(e);
    }
    return step(what, result);
  }

  /** The text so far; every line ends with {@code '\n'}. */
  String text() {
    return text.toString();
  }

  private Transcript step(String what, String value) {
    text.append("> ").append(checkNotNull(what, "what")).append('\n').append(value);
    if (value.isEmpty() || value.charAt(value.length() - 1) != '\n') {
      text.append('\n');
    }
    return this;
  }

  /** An error as the last line of a traceback shows it: {@code InputCheckException: message}. */
  static String error(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /**
   * A value as Python's {@code print} shows it: tensors as {@code tensor([...])} (or their metadata
   * for {@link Show#SHAPES}), {@code Object[]} as a tuple, lists as lists, {@code null} as {@code
   * None}, booleans as {@code True}/{@code False}.
   */
  static String repr(Object value, Show show) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Tensor t) {
      return show == Show.SHAPES ? t.meta().toString() : t.toString();
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof SymInt || value instanceof SymBool) {
      return value.toString();
    }
    if (value instanceof Object[] items) {
      List<String> parts = new ArrayList<>();
      for (Object o : items) {
        parts.add(repr(o, show));
      }
      return "(" + String.join(", ", parts) + (items.length == 1 ? ",)" : ")");
    }
    if (value instanceof List<?> items) {
      List<String> parts = new ArrayList<>();
      for (Object o : items) {
        parts.add(repr(o, show));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return value.toString();
  }
}
