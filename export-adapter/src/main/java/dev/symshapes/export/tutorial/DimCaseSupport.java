package dev.symshapes.export.tutorial;

import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared text of the dynamic-shape cases (T08, T09, T12-T21): how a call of an exported module is
 * shown ({@code ep.module()(x: [300, 3]) -> Expected input at ...}).
 */
final class DimCaseSupport {
  private DimCaseSupport() {}

  /**
   * Calls {@code m} and describes the outcome in one line: the outputs' shapes, or the error's
   * class and message.
   *
   * @param argsText how the arguments are shown ({@code x: [300, 3], y: [600, 5]})
   */
  static String call(ExportedModule m, String argsText, Object... args) {
    String head = "ep.module()(" + argsText + ") -> ";
    try {
      return head + describe(m.call(args)) + "\n";
    } catch (RuntimeException e) {
      return head + e.getClass().getSimpleName() + ": " + e.getMessage() + "\n";
    }
  }

  /** {@code f32[3, 60]}, {@code 7}, or a tuple of these. */
  static String describe(Object out) {
    if (out instanceof Tensor t) {
      return t.meta().dtype().shortName() + shape(t);
    }
    if (out instanceof SymInt s) {
      return s.toString();
    }
    if (out instanceof Object[] a) {
      return describeAll(List.of(a), "(", ")");
    }
    if (out instanceof List<?> l) {
      return describeAll(l, "[", "]");
    }
    return String.valueOf(out);
  }

  private static String describeAll(List<?> items, String open, String close) {
    List<String> parts = new ArrayList<>();
    for (Object o : items) {
      parts.add(describe(o));
    }
    return open + String.join(", ", parts) + close;
  }

  /** {@code [6, 3]}. */
  static String shape(Tensor t) {
    List<String> parts = new ArrayList<>();
    for (long s : t.data().shape()) {
      parts.add(Long.toString(s));
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
