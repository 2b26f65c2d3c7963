package dev.symshapes.solver.constraint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalLong;

/**
 * A change to a dynamic-shape spec that removes a constraint violation, printed the way PyTorch
 * prints its suggested fixes so that people can copy them:
 *
 * <ul>
 *   <li>{@link Specialize}: {@code d1 = 4} (every use of {@code d1} becomes the size 4), or {@code
 *       dynamic_shapes['w'][1] = 5} for an unnamed {@code Dim.DYNAMIC};
 *   <li>{@link Relate}: {@code dy = dx}, {@code dy = 2*dx + 1} ({@code dy} becomes a dim derived
 *       from {@code dx}), or {@code dynamic_shapes['x'][0] = dx};
 *   <li>{@link NewRange}: {@code dx = Dim('dx', min=4, max=256)} (a minimum of at most 2, the
 *       smallest dynamic size, and an unbounded maximum are left out);
 *   <li>{@link MakeAuto}: {@code dynamic_shapes['z'][0] = Dim.AUTO}, for a size that no derived dim
 *       can express ({@code s2*s3}).
 * </ul>
 *
 * <p>{@code toString()} is the printed fix.
 */
public sealed interface SuggestedFix
    permits SuggestedFix.Specialize,
        SuggestedFix.Relate,
        SuggestedFix.NewRange,
        SuggestedFix.MakeAuto {
  /** What a fix changes. */
  Target target();

  /**
   * What a fix changes: every use of a named dim, or one position of the spec.
   *
   * @param kind a dim name or a spec path
   * @param text the name ({@code dy}) or the path ({@code dynamic_shapes['w'][1]})
   */
  record Target(Kind kind, String text) {
    /** A dim name or a spec path. */
    public enum Kind {
      /** Every use of the named dim (and of dims derived from it). */
      DIM,
      /** One position of the spec. */
      SPEC_PATH
    }

    /** Checks the invariants. */
    public Target {
      checkNotNull(kind, "kind");
      checkNotNull(text, "text");
    }

    /** The named dim {@code name}. */
    public static Target dim(String name) {
      return new Target(Kind.DIM, name);
    }

    /** The spec position {@code path}. */
    public static Target specPath(String path) {
      return new Target(Kind.SPEC_PATH, path);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * {@code target = value}.
   *
   * @param target the dim or position
   * @param value the static size
   */
  record Specialize(Target target, long value) implements SuggestedFix {
    /** Checks the invariants. */
    public Specialize {
      checkNotNull(target, "target");
    }

    @Override
    public String toString() {
      return target + " = " + value;
    }
  }

  /**
   * {@code target = coefficient*root + offset}.
   *
   * @param target the dim or position
   * @param root the named root dim
   * @param coefficient at least 1
   * @param offset any integer
   */
  record Relate(Target target, String root, long coefficient, long offset) implements SuggestedFix {
    /** Checks the invariants. */
    public Relate {
      checkNotNull(target, "target");
      checkNotNull(root, "root");
      checkArgument(coefficient >= 1, "coefficient (%s) must be >= 1", coefficient);
    }

    @Override
    public String toString() {
      return target + " = " + Linear.name(root, coefficient, offset);
    }
  }

  /**
   * {@code name = Dim('name', min=.., max=..)}: a new definition of a root dim (or a new root).
   *
   * @param name the root dim
   * @param min the new minimum
   * @param max the new maximum; empty when unbounded
   */
  record NewRange(String name, long min, OptionalLong max) implements SuggestedFix {
    /** Checks the invariants. */
    public NewRange {
      checkNotNull(name, "name");
      checkNotNull(max, "max");
      checkArgument(
          max.isEmpty() || max.getAsLong() >= min, "min (%s) must be <= max (%s)", min, max);
    }

    @Override
    public Target target() {
      return Target.dim(name);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(name).append(" = Dim('").append(name).append('\'');
      if (min > 2) {
        sb.append(", min=").append(min);
      }
      if (max.isPresent()) {
        sb.append(", max=").append(max.getAsLong());
      }
      return sb.append(')').toString();
    }
  }

  /**
   * {@code target = Dim.AUTO}: the position's size is not a derived dim of anything.
   *
   * @param target a spec position
   */
  record MakeAuto(Target target) implements SuggestedFix {
    /** Checks the invariants. */
    public MakeAuto {
      checkNotNull(target, "target");
      checkArgument(
          target.kind() == Target.Kind.SPEC_PATH, "MakeAuto targets a spec path, not %s", target);
    }

    @Override
    public String toString() {
      return target + " = Dim.AUTO";
    }
  }
}
