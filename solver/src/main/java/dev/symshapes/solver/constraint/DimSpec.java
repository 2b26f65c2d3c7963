package dev.symshapes.solver.constraint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Source;
import java.util.Optional;

/**
 * What a user declared about one input dimension (or one integer input), in the shape environment's
 * terms: the source whose value it is, where it was declared in the spec (for messages and fixes),
 * and the declaration.
 *
 * <ul>
 *   <li>{@link Kind#AUTO}: no promise ({@code Dim.AUTO}); listed so that fixes can name it;
 *   <li>{@link Kind#DYNAMIC}: must not be specialized to a constant ({@code Dim.DYNAMIC});
 *   <li>{@link Kind#NAMED}: {@code coefficient*root + offset} for a named root dim with a declared
 *       range ({@code dx}, {@code 2*dx + 1}); the same root on several sources means they are
 *       related exactly so, and the root is otherwise free within its range;
 *   <li>{@link Kind#PHANTOM_ROOT}: a named root that appears only through derived dims; its source
 *       is the phantom symbol's ({@code Source.named("dx")}).
 * </ul>
 *
 * @param source the input property ({@code L['x'].size()[0]}) or the phantom root's source
 * @param specPath where the spec declares it ({@code dynamic_shapes['x'][0]})
 * @param kind the declaration
 * @param root the root dim's name, for NAMED and PHANTOM_ROOT
 * @param coefficient {@code A} of {@code A*root + B} (1 for a plain root), at least 1
 * @param offset {@code B} of {@code A*root + B}
 * @param rootRange the root's declared range ({@code [0, int_oo]} by default), for NAMED and
 *     PHANTOM_ROOT
 */
public record DimSpec(
    Source source,
    String specPath,
    Kind kind,
    Optional<String> root,
    long coefficient,
    long offset,
    Optional<IntRange> rootRange) {
  /** The kinds of declaration. */
  public enum Kind {
    /** {@code Dim.AUTO}: may be specialized or related freely. */
    AUTO,
    /** {@code Dim.DYNAMIC}: may be related freely but not specialized. */
    DYNAMIC,
    /** A named or derived dim. */
    NAMED,
    /** The root of derived dims that no input dimension is equal to. */
    PHANTOM_ROOT
  }

  /** Checks the invariants. */
  public DimSpec {
    checkNotNull(source, "source");
    checkNotNull(specPath, "specPath");
    checkNotNull(kind, "kind");
    checkNotNull(root, "root");
    checkNotNull(rootRange, "rootRange");
    boolean named = kind == Kind.NAMED || kind == Kind.PHANTOM_ROOT;
    checkArgument(
        named == root.isPresent() && named == rootRange.isPresent(),
        "a %s spec must %s a root and a root range",
        kind,
        named ? "have" : "not have");
    checkArgument(coefficient >= 1, "coefficient (%s) must be >= 1", coefficient);
    checkArgument(
        kind == Kind.NAMED || (coefficient == 1 && offset == 0),
        "only NAMED specs are derived (got %s*%s + %s)",
        coefficient,
        root.orElse("?"),
        offset);
  }

  /** {@code Dim.AUTO} at {@code specPath}. */
  public static DimSpec auto(Source source, String specPath) {
    return new DimSpec(source, specPath, Kind.AUTO, Optional.empty(), 1, 0, Optional.empty());
  }

  /** {@code Dim.DYNAMIC} at {@code specPath}. */
  public static DimSpec dynamic(Source source, String specPath) {
    return new DimSpec(source, specPath, Kind.DYNAMIC, Optional.empty(), 1, 0, Optional.empty());
  }

  /** {@code coefficient*root + offset} at {@code specPath}, the root declared in {@code range}. */
  public static DimSpec named(
      Source source,
      String specPath,
      String root,
      long coefficient,
      long offset,
      IntRange rootRange) {
    return new DimSpec(
        source,
        specPath,
        Kind.NAMED,
        Optional.of(root),
        coefficient,
        offset,
        Optional.of(rootRange));
  }

  /** The phantom root {@code root}, first used at {@code specPath}. */
  public static DimSpec phantomRoot(
      Source source, String specPath, String root, IntRange rootRange) {
    return new DimSpec(
        source, specPath, Kind.PHANTOM_ROOT, Optional.of(root), 1, 0, Optional.of(rootRange));
  }

  /** True for a NAMED spec that is its root ({@code dx}, not {@code 2*dx}). */
  public boolean isPlainRoot() {
    return kind == Kind.NAMED && coefficient == 1 && offset == 0;
  }

  /**
   * The name people see: the dim's name ({@code dx}, {@code 2*dx + 1}) for named dims, the source
   * ({@code L['w'].size()[1]}) otherwise.
   */
  public String displayName() {
    if (kind == Kind.NAMED) {
      return Linear.name(root.get(), coefficient, offset);
    }
    if (kind == Kind.PHANTOM_ROOT) {
      return root.get();
    }
    return source.name();
  }
}
