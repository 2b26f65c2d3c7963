package dev.symshapes.export.dynamic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One dimension of a dynamic-shape spec, as PyTorch's {@code torch.export.Dim}: a hint ({@link
 * #AUTO}, {@link #DYNAMIC}, {@link #STATIC}), a named dimension with a range ({@code Dim("dx",
 * min=4, max=256)}), or a dimension derived from a named one ({@code 2*dx + 1}).
 *
 * <pre>{@code
 * Dim dx = Dim.of("dx", 4, 256);               // Dim('dx', min=4, max=256)
 * Dim dh = Dim.of("dh").withMax(512);          // Dim('dh', max=512)
 * Map<String, Object> spec = Map.of(
 *     "x", Arrays.asList(dx, null),            // x.shape[0] in [4, 256], x.shape[1] static
 *     "y", List.of(dx.times(2), dh));          // y.shape[0] == 2 * x.shape[0]
 * List<Dim> ds = Dim.dims("dx", "dy", "d1");   // three unrelated named dims
 * }</pre>
 *
 * <p>Named dims: the same name used for several input dimensions means that they are always equal;
 * a name is one range ({@code Dim.of("d", 2, 8)} and {@code Dim.of("d", 2, 9)} in one spec are an
 * error). The default range is {@code [0, int_oo]}, as in PyTorch; a dynamic dimension's symbol is
 * at least 2 (sizes 0 and 1 are always specialized), so the effective range of a named dim is
 * {@code [max(min, 2), max]}.
 *
 * <p>Derived dims are increasing integer-linear functions {@code A*dim + B} of a named dim ({@code
 * A >= 1}), built with {@link #times}, {@link #plus} and {@link #minus}; the root is always a named
 * dim ({@code dx.times(2).plus(1)} is {@code 2*dx + 1} with root {@code dx}). {@code 4*dx} means
 * "divisible by 4". Any other form is rejected when it is built, with PyTorch's words: {@code
 * Attempted to multiply 0 with dx, where a positive integer was expected. (Only increasing linear
 * operations with integer coefficients are supported.)}. A root that appears only through derived
 * dims is a "phantom" root: its value is solved from the example input.
 *
 * <p>Immutable; named and derived dims are equal when their names, ranges and derivations are.
 */
public final class Dim {
  /** What a {@link Dim} is. */
  public enum Kind {
    /** {@link Dim#AUTO}: dynamic unless the program's code forces a constant. */
    AUTO,
    /** {@link Dim#DYNAMIC}: dynamic; specializing it is a constraint violation. */
    DYNAMIC,
    /** {@link Dim#STATIC}: the example's size. */
    STATIC,
    /** A named dim with a range: {@code Dim('dx', min=4, max=256)}. */
    NAMED,
    /** {@code A*root + B} for a named root. */
    DERIVED
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String LINEAR_ONLY =
      " (Only increasing linear operations with integer coefficients are supported.)";

  /** Dynamic unless the program's code forces a constant; 0/1 example sizes are specialized. */
  public static final Dim AUTO = new Dim(Kind.AUTO, "AUTO", null, null, 1, 0);

  /** Dynamic; if the program's code specializes it, export fails with a constraint violation. */
  public static final Dim DYNAMIC = new Dim(Kind.DYNAMIC, "DYNAMIC", null, null, 1, 0);

  /** Static: the example input's size. */
  public static final Dim STATIC = new Dim(Kind.STATIC, "STATIC", null, null, 1, 0);

  private final Kind kind;
  private final String name;
  private final IntRange range;
  private final Dim root;
  private final long coefficient;
  private final long offset;

  private Dim(Kind kind, String name, IntRange range, Dim root, long coefficient, long offset) {
    this.kind = kind;
    this.name = name;
    this.range = range;
    this.root = root;
    this.coefficient = coefficient;
    this.offset = offset;
  }

  /** {@code Dim("name")}: a named dim with the default range {@code [0, int_oo]}. */
  public static Dim of(String name) {
    return named(name, 0, Bound.INT_OO);
  }

  /**
   * {@code Dim("name", min=min, max=max)}.
   *
   * @throws IllegalArgumentException if the name is not a Java/Python identifier, {@code min} is
   *     negative, or {@code min > max}
   */
  public static Dim of(String name, long min, long max) {
    return named(name, min, Bound.of(max));
  }

  /** {@code Dim(name)} for each name, all with the default range: PyTorch's {@code dims}. */
  public static ImmutableList<Dim> dims(String... names) {
    checkNotNull(names, "names");
    ImmutableList.Builder<Dim> b = ImmutableList.builder();
    for (String n : names) {
      b.add(of(n));
    }
    return b.build();
  }

  /** {@code Dim(name, min=min, max=max)} for each name. */
  public static ImmutableList<Dim> dims(long min, long max, String... names) {
    checkNotNull(names, "names");
    ImmutableList.Builder<Dim> b = ImmutableList.builder();
    for (String n : names) {
      b.add(of(n, min, max));
    }
    return b.build();
  }

  private static Dim named(String name, long min, Bound max) {
    checkNotNull(name, "name");
    checkArgument(
        IDENTIFIER.matcher(name).matches(), "Dim name must be a valid identifier, got %s", name);
    checkArgument(min >= 0, "Dim %s: min (%s) must be >= 0", name, min);
    checkArgument(
        Bound.of(min).compareTo(max) <= 0,
        "Cannot create Dim with inconsistent min=%s, max=%s",
        min,
        max);
    return new Dim(Kind.NAMED, name, IntRange.of(Bound.of(min), max), null, 1, 0);
  }

  /** This named dim with another minimum. */
  public Dim withMin(long min) {
    requireNamed("withMin");
    return named(name, min, range.upper());
  }

  /** This named dim with a maximum. */
  public Dim withMax(long max) {
    requireNamed("withMax");
    return named(name, range.lower().value().longValueExact(), Bound.of(max));
  }

  private void requireNamed(String op) {
    checkArgument(
        kind == Kind.NAMED,
        "%s applies to a named Dim such as Dim.of(\"dx\"), not to %s",
        op,
        this);
  }

  // ---- derived dims ----

  /**
   * {@code k * this}: a derived dim.
   *
   * @throws IllegalArgumentException if {@code k <= 0}, or this is a hint
   */
  public Dim times(long k) {
    if (k <= 0) {
      throw new IllegalArgumentException(
          "Attempted to multiply "
              + k
              + " with "
              + name
              + ", where a positive integer was expected."
              + LINEAR_ONLY);
    }
    requireDerivable("multiply " + k + " with");
    return derive(multiply(coefficient, k), multiply(offset, k));
  }

  /** {@code this + k}: a derived dim ({@code k} may be negative). */
  public Dim plus(long k) {
    requireDerivable("add " + k + " to");
    return derive(coefficient, add(offset, k));
  }

  /** {@code this - k}: a derived dim. */
  public Dim minus(long k) {
    requireDerivable("subtract " + k + " from");
    if (k == Long.MIN_VALUE) {
      throw new IllegalArgumentException(
          "Attempted to subtract " + k + " from " + name + ": the offset overflows a long");
    }
    return derive(coefficient, add(offset, -k));
  }

  private void requireDerivable(String what) {
    if (kind != Kind.NAMED && kind != Kind.DERIVED) {
      throw new IllegalArgumentException(
          "Attempted to "
              + what
              + " "
              + this
              + ", where a named Dim was expected: only named dims (Dim.of(\"dx\")) can be"
              + " derived."
              + LINEAR_ONLY);
    }
  }

  private long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "Derived dim " + a + "*" + b + " of " + rootDim().name + " overflows a long", e);
    }
  }

  private long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "Derived dim offset " + a + " + " + b + " of " + rootDim().name + " overflows a long", e);
    }
  }

  private Dim derive(long a, long b) {
    Dim r = rootDim();
    if (a == 1 && b == 0) {
      return r;
    }
    String derivedName = linearName(r.name, a, b);
    Bound lo = r.range.lower();
    Bound hi = r.range.upper();
    long min = add(multiply(lo.value().longValueExact(), a), b);
    if (min < 0) {
      throw new IllegalArgumentException(
          "Expected derived min value of "
              + derivedName
              + " to be >= 0. Please specify an appropriate min value for "
              + r.name
              + " (currently "
              + lo
              + ").");
    }
    if (hi.isFinite()) {
      try {
        long max = Math.addExact(Math.multiplyExact(hi.value().longValueExact(), a), b);
        if (max > Long.MAX_VALUE - 1) {
          throw new ArithmeticException("too large");
        }
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "Expected derived max value of "
                + derivedName
                + " to be <= "
                + (Long.MAX_VALUE - 1)
                + ". Please specify an appropriate max value for "
                + r.name
                + " (currently "
                + hi
                + ").",
            e);
      }
    }
    return new Dim(Kind.DERIVED, derivedName, null, r, a, b);
  }

  /** {@code 2*dx + 1}, {@code dx - 1}, {@code 4*dx}: sympy's spelling of {@code a*root + b}. */
  static String linearName(String root, long a, long b) {
    StringBuilder sb = new StringBuilder();
    if (a != 1) {
      sb.append(a).append('*');
    }
    sb.append(root);
    if (b > 0) {
      sb.append(" + ").append(b);
    } else if (b < 0) {
      sb.append(" - ").append(b == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(-b));
    }
    return sb.toString();
  }

  // ---- accessors ----

  /** What this dim is. */
  public Kind kind() {
    return kind;
  }

  /** True for {@link #AUTO}, {@link #DYNAMIC} and {@link #STATIC}. */
  public boolean isHint() {
    return kind == Kind.AUTO || kind == Kind.DYNAMIC || kind == Kind.STATIC;
  }

  /**
   * The name: {@code dx} for a named dim, {@code 2*dx + 1} for a derived one, {@code AUTO}, {@code
   * DYNAMIC} or {@code STATIC} for hints.
   */
  public String name() {
    return name;
  }

  /** The root of a derived dim; a named dim is its own root. */
  public Dim root() {
    checkArgument(!isHint(), "%s has no root", this);
    return rootDim();
  }

  private Dim rootDim() {
    return kind == Kind.DERIVED ? root : this;
  }

  /** {@code A} in {@code A*root + B}; 1 for a named dim. */
  public long coefficient() {
    return coefficient;
  }

  /** {@code B} in {@code A*root + B}; 0 for a named dim. */
  public long offset() {
    return offset;
  }

  /**
   * The declared range of a named dim ({@code [min, max]}, {@code max} may be {@code int_oo}), or
   * the image of the root's range for a derived dim.
   */
  public IntRange range() {
    checkArgument(!isHint(), "%s has no range", this);
    if (kind == Kind.NAMED) {
      return range;
    }
    IntRange r = root.range;
    Bound lo = Bound.of(r.lower().value().longValueExact() * coefficient + offset);
    Bound hi =
        r.upper().isFinite()
            ? Bound.of(r.upper().value().longValueExact() * coefficient + offset)
            : Bound.INT_OO;
    return IntRange.of(lo, hi);
  }

  /** The declared minimum. */
  public long min() {
    return range().lower().value().longValueExact();
  }

  /** The declared maximum; empty when unbounded ({@code int_oo}). */
  public OptionalLong max() {
    Bound hi = range().upper();
    return hi.isFinite() ? OptionalLong.of(hi.value().longValueExact()) : OptionalLong.empty();
  }

  /**
   * PyTorch's readable form: {@code Dim.AUTO}, {@code Dim('dx')}, {@code Dim('dx', max=512)},
   * {@code Dim('dx', min=4, max=256)} (a minimum of 0, the default, is left out), or the derived
   * name {@code 2*dx + 1}.
   */
  @Override
  public String toString() {
    switch (kind) {
      case AUTO:
      case DYNAMIC:
      case STATIC:
        return "Dim." + name;
      case DERIVED:
        return name;
      default:
        return readable(name, range.lower().value().longValueExact(), max(), 0);
    }
  }

  /**
   * {@code Dim('name', min=.., max=..)} leaving out a minimum of at most {@code defaultMin} and an
   * unbounded maximum.
   */
  static String readable(String name, long min, OptionalLong max, long defaultMin) {
    StringBuilder sb = new StringBuilder("Dim('").append(name).append('\'');
    if (min > defaultMin) {
      sb.append(", min=").append(min);
    }
    if (max.isPresent()) {
      sb.append(", max=").append(max.getAsLong());
    }
    return sb.append(')').toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Dim d) || isHint() || d.isHint()) {
      return false;
    }
    return kind == d.kind
        && name.equals(d.name)
        && Objects.equals(range, d.range)
        && Objects.equals(root, d.root)
        && coefficient == d.coefficient
        && offset == d.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, range, root, coefficient, offset);
  }
}
