package dev.symshapes.solver;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Where a symbol's value comes from, named the way PyTorch names it in logs and guards: {@code
 * L['w'].size()[0]}, {@code L['w'].stride()[1]}, {@code L['w'].storage_offset()}, or {@code L['n']}
 * for an integer input. People paste these strings into searches, so the spelling is exact.
 *
 * @param base the input expression, such as {@code L['w']}
 * @param property which property of the input
 * @param index the dimension for {@link Property#SIZE} and {@link Property#STRIDE}, else -1
 */
public record Source(String base, Property property, int index) {
  /** The property of an input that a source refers to. */
  public enum Property {
    /** {@code .size()[i]}. */
    SIZE,
    /** {@code .stride()[i]}. */
    STRIDE,
    /** {@code .storage_offset()}. */
    STORAGE_OFFSET,
    /** The input itself, for integer inputs. */
    VALUE
  }

  /** Checks the invariants. */
  public Source {
    checkNotNull(base, "base");
    checkNotNull(property, "property");
    boolean indexed = property == Property.SIZE || property == Property.STRIDE;
    checkArgument(
        indexed ? index >= 0 : index == -1,
        "index (%s) must be >= 0 for sizes and strides and -1 otherwise",
        index);
  }

  /** {@code L['input'].size()[dim]}. */
  public static Source size(String input, int dim) {
    return new Source(local(input), Property.SIZE, dim);
  }

  /** {@code L['input'].stride()[dim]}. */
  public static Source stride(String input, int dim) {
    return new Source(local(input), Property.STRIDE, dim);
  }

  /** {@code L['input'].storage_offset()}. */
  public static Source storageOffset(String input) {
    return new Source(local(input), Property.STORAGE_OFFSET, -1);
  }

  /** {@code L['input']}, an integer input. */
  public static Source value(String input) {
    return new Source(local(input), Property.VALUE, -1);
  }

  /** A source named by free text, for symbols that do not come from an input. */
  public static Source named(String text) {
    return new Source(text, Property.VALUE, -1);
  }

  private static String local(String input) {
    checkNotNull(input, "input");
    return "L['" + input + "']";
  }

  /** PyTorch's source name, such as {@code L['w'].size()[0]}. */
  public String name() {
    switch (property) {
      case SIZE:
        return base + ".size()[" + index + "]";
      case STRIDE:
        return base + ".stride()[" + index + "]";
      case STORAGE_OFFSET:
        return base + ".storage_offset()";
      default:
        return base;
    }
  }

  /**
   * How Java code reads this value: {@code y.size(0)}, {@code y.stride(1)}, {@code
   * y.storageOffset()}, {@code n} (for {@code L['n']}); used to write suggested checks in the
   * user's terms.
   */
  public String javaName() {
    String input =
        base.startsWith("L['") && base.endsWith("']") ? base.substring(3, base.length() - 2) : base;
    switch (property) {
      case SIZE:
        return input + ".size(" + index + ")";
      case STRIDE:
        return input + ".stride(" + index + ")";
      case STORAGE_OFFSET:
        return input + ".storageOffset()";
      default:
        return input;
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
