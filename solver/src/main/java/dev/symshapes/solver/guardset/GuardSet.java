package dev.symshapes.solver.guardset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A set of facts about integer symbols: declared ranges, example values (hints) and guards (boolean
 * expressions known to hold), each guard with the line it came from. Symbols named {@code u...} are
 * unbacked (they have no hint); the others are backed. A symbol without a declared range ranges
 * over all integers: nothing is assumed that the set does not say.
 *
 * <p>Immutable. The text form ({@link #toText()}) is the format {@link GuardSetParser} reads:
 *
 * <pre>
 * range s0 [2, 512]
 * hint s0 6
 * Eq(s1, s0 + 2)
 * </pre>
 */
public final class GuardSet {
  /**
   * One guard.
   *
   * @param expr the guard
   * @param line the 1-based line it was read from, or 0 when it was built in code
   */
  public record Guard(BoolExpr expr, int line) {
    /** Checks the arguments. */
    public Guard {
      checkNotNull(expr, "expr");
      checkArgument(line >= 0, "line (%s) must be >= 0", line);
    }
  }

  private final ExprFactory factory;
  private final ImmutableMap<Sym, IntRange> ranges;
  private final ImmutableMap<Sym, IntValue> hints;
  private final ImmutableList<Guard> guards;

  private GuardSet(Builder b) {
    this.factory = b.factory;
    this.ranges = ImmutableMap.copyOf(b.ranges);
    this.hints = ImmutableMap.copyOf(b.hints);
    this.guards = ImmutableList.copyOf(b.guards);
  }

  /** A builder of a guard set over expressions of {@code factory}. */
  public static Builder builder(ExprFactory factory) {
    return new Builder(checkNotNull(factory, "factory"));
  }

  /** The factory of the set's expressions. */
  public ExprFactory factory() {
    return factory;
  }

  /** The declared ranges, in the order the symbols were first declared. */
  public ImmutableMap<Sym, IntRange> ranges() {
    return ranges;
  }

  /** The range of {@code s}: declared, or all integers. */
  public IntRange range(Sym s) {
    return ranges.getOrDefault(s, IntRange.all());
  }

  /** The example values of backed symbols. */
  public ImmutableMap<Sym, IntValue> hints() {
    return hints;
  }

  /** The guards, in order. */
  public ImmutableList<Guard> guards() {
    return guards;
  }

  /** Every symbol: declared ones first, then the others in order of appearance in the guards. */
  public ImmutableList<Sym> symbols() {
    Set<Sym> out = new LinkedHashSet<>(ranges.keySet());
    out.addAll(hints.keySet());
    for (Guard g : guards) {
      out.addAll(g.expr().freeSymbols());
    }
    return ImmutableList.copyOf(out);
  }

  /** Whether {@code s} is unbacked: its name starts with {@code u}. */
  public static boolean isUnbacked(Sym s) {
    return s.name().startsWith("u");
  }

  /** The number of declared ranges that bound something (not {@code [-int_oo, int_oo]}). */
  public int boundedRangeCount() {
    int n = 0;
    for (IntRange r : ranges.values()) {
      if (!r.equals(IntRange.all())) {
        n++;
      }
    }
    return n;
  }

  /**
   * The set in the text format: one {@code range} line per bounded symbol, one {@code hint} line
   * per hint, then one guard per line.
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Sym, IntRange> e : ranges.entrySet()) {
      if (!e.getValue().equals(IntRange.all())) {
        IntRange r = e.getValue();
        sb.append("range ").append(e.getKey()).append(" [").append(r.lower()).append(", ");
        sb.append(r.upper()).append("]\n");
      }
    }
    for (Map.Entry<Sym, IntValue> e : hints.entrySet()) {
      sb.append("hint ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
    }
    for (Guard g : guards) {
      sb.append(g.expr()).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toText();
  }

  /** Builds a guard set; ranges declared twice for one symbol are intersected. */
  public static final class Builder {
    private final ExprFactory factory;
    private final Map<Sym, IntRange> ranges = new LinkedHashMap<>();
    private final Map<Sym, IntValue> hints = new LinkedHashMap<>();
    private final List<Guard> guards = new ArrayList<>();

    private Builder(ExprFactory factory) {
      this.factory = factory;
    }

    private void checkOwn(Sym s) {
      checkNotNull(s, "symbol");
      checkArgument(
          s.factory() == factory, "%s was made by another factory than the guard set's", s);
    }

    /**
     * Declares (or narrows) the range of {@code s}.
     *
     * @throws IllegalArgumentException if the intersection with an earlier range is empty
     */
    public Builder range(Sym s, IntRange r) {
      checkOwn(s);
      checkNotNull(r, "range");
      IntRange old = ranges.get(s);
      if (old == null) {
        ranges.put(s, r);
        return this;
      }
      Optional<IntRange> both = old.tryIntersect(r);
      checkArgument(
          both.isPresent(),
          "range %s of %s does not meet its earlier range %s",
          bracket(r),
          s,
          bracket(old));
      ranges.put(s, both.get());
      return this;
    }

    /**
     * The example value of backed symbol {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} is unbacked or already has another hint
     */
    public Builder hint(Sym s, IntValue v) {
      checkOwn(s);
      checkNotNull(v, "hint");
      checkArgument(!isUnbacked(s), "%s is unbacked, so it has no hint", s);
      IntValue old = hints.get(s);
      checkArgument(old == null || old.equals(v), "%s has two hints: %s and %s", s, old, v);
      hints.put(s, v);
      return this;
    }

    /** Adds a guard read from {@code line} (0 when built in code). */
    public Builder guard(BoolExpr g, int line) {
      checkNotNull(g, "guard");
      checkArgument(g.factory() == factory, "%s was made by another factory", g);
      guards.add(new Guard(g, line));
      return this;
    }

    /** Adds a guard built in code. */
    public Builder guard(BoolExpr g) {
      return guard(g, 0);
    }

    /** The guard set. */
    public GuardSet build() {
      return new GuardSet(this);
    }
  }

  /** {@code [2, int_oo]}. */
  static String bracket(IntRange r) {
    return "[" + r.lower() + ", " + r.upper() + "]";
  }
}
