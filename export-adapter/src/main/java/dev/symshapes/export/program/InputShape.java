package dev.symshapes.export.program;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * A tensor input given by its shape alone, for checking inputs without data: {@link
 * ExportedModule#checkInputs} accepts it wherever it accepts a tensor ({@code symshapes check} uses
 * it). Running a program needs real tensors. Immutable.
 *
 * <pre>{@code
 * ep.module().checkInputs(InputShape.of(8, 100), InputShape.of(8, 100));
 * }</pre>
 */
public final class InputShape {
  private final long[] sizes;

  private InputShape(long[] sizes) {
    this.sizes = sizes;
  }

  /**
   * The shape {@code sizes}.
   *
   * @throws IllegalArgumentException if a size is negative
   */
  public static InputShape of(long... sizes) {
    checkNotNull(sizes, "sizes");
    for (long s : sizes) {
      checkArgument(s >= 0, "sizes (%s) must not be negative", Arrays.toString(sizes));
    }
    return new InputShape(sizes.clone());
  }

  /** The sizes (a copy). */
  public long[] sizes() {
    return sizes.clone();
  }

  /** {@code [8, 100]}. */
  @Override
  public String toString() {
    return Arrays.toString(sizes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputShape s && Arrays.equals(s.sizes, sizes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes);
  }
}
