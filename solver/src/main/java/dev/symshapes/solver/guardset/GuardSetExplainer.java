package dev.symshapes.solver.guardset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.smt.SmtLoader;
import dev.symshapes.solver.smt.SmtOptions;
import dev.symshapes.solver.smt.SmtResult;
import dev.symshapes.solver.smt.SmtSolver;
import dev.symshapes.solver.smt.SmtUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells which facts of a guard set imply a given guard: a small unsat core of "facts and not the
 * guard". Z3 gives a core; each of its facts is then tried without, and left out when the rest
 * still implies the guard, so the answer is minimal (no fact can be removed), though not
 * necessarily the smallest.
 *
 * <pre>{@code
 * // range s0 [2, 512] / s1 < s2 / s0 < s1 / Ne(s3, 0)
 * explainer.explain(set, parse("s0 + 1 < s2"))
 * // TRUE because [s0 < s1 (line 3), s1 < s2 (line 2)]
 * }</pre>
 */
public final class GuardSetExplainer {
  /** Where a fact comes from. */
  public enum Origin {
    /** One bound of a declared range. */
    RANGE,
    /** A guard. */
    GUARD
  }

  /**
   * One fact of a guard set.
   *
   * @param expr the fact: a guard, or one bound of a declared range ({@code s0 >= 2})
   * @param origin a range or a guard
   * @param line the line of a guard, 0 when unknown
   */
  public record Fact(BoolExpr expr, Origin origin, int line) {
    /** {@code s0 < s1 (line 4)}, {@code s0 >= 2 (range)}. */
    @Override
    public String toString() {
      if (origin == Origin.RANGE) {
        return expr + " (range)";
      }
      return expr + (line > 0 ? " (line " + line + ")" : "");
    }
  }

  /**
   * The explanation.
   *
   * @param truth TRUE when the facts imply the guard, FALSE when they imply its negation, UNKNOWN
   *     otherwise (or when Z3 is unavailable or out of budget)
   * @param because a minimal set of facts that implies the answer; empty for UNKNOWN
   */
  public record Explanation(Truth truth, ImmutableList<Fact> because) {
    /** {@code TRUE because s0 < s1 (line 3), s1 < s2 (line 2)}. */
    public String describe() {
      if (truth == Truth.UNKNOWN) {
        return "UNKNOWN";
      }
      List<String> parts = new ArrayList<>();
      for (Fact f : because) {
        parts.add(f.toString());
      }
      return truth + " because " + (parts.isEmpty() ? "it always holds" : String.join(", ", parts));
    }
  }

  private final SmtLoader loader;
  private final SmtOptions options;

  private GuardSetExplainer(SmtLoader loader, SmtOptions options) {
    this.loader = loader;
    this.options = options;
  }

  /** An explainer using Z3 with the default budget. */
  public static GuardSetExplainer create() {
    return create(SmtLoader.z3(), SmtOptions.defaults());
  }

  /** An explainer with another SMT backend or budget. */
  public static GuardSetExplainer create(SmtLoader loader, SmtOptions options) {
    return new GuardSetExplainer(checkNotNull(loader, "loader"), checkNotNull(options, "options"));
  }

  /** The facts of {@code set}: each finite range bound, then each guard. */
  public static ImmutableList<Fact> facts(GuardSet set) {
    ExprFactory f = set.factory();
    List<Fact> out = new ArrayList<>();
    for (Map.Entry<Sym, IntRange> e : set.ranges().entrySet()) {
      IntRange r = e.getValue();
      if (r.lower().isFinite()) {
        out.add(new Fact(f.ge(e.getKey(), f.integer(r.lower().value())), Origin.RANGE, 0));
      }
      if (r.upper().isFinite()) {
        out.add(new Fact(f.le(e.getKey(), f.integer(r.upper().value())), Origin.RANGE, 0));
      }
    }
    for (GuardSet.Guard g : set.guards()) {
      out.add(new Fact(g.expr(), Origin.GUARD, g.line()));
    }
    return ImmutableList.copyOf(out);
  }

  /** Which facts of {@code set} imply {@code guard} (or its negation). */
  public Explanation explain(GuardSet set, BoolExpr guard) {
    checkNotNull(set, "set");
    checkNotNull(guard, "guard");
    checkArgument(guard.factory() == set.factory(), "guard %s was made by another factory", guard);
    ImmutableList<Fact> facts = facts(set);
    SmtSolver solver;
    try {
      solver = loader.open(options);
    } catch (SmtUnavailableException e) {
      return new Explanation(Truth.UNKNOWN, ImmutableList.of());
    }
    try {
      List<Fact> why = core(solver, facts, set.factory().not(guard));
      if (why != null) {
        return new Explanation(Truth.TRUE, ImmutableList.copyOf(why));
      }
      why = core(solver, facts, guard);
      if (why != null) {
        return new Explanation(Truth.FALSE, ImmutableList.copyOf(why));
      }
      return new Explanation(Truth.UNKNOWN, ImmutableList.of());
    } finally {
      solver.close();
    }
  }

  /** A minimal subset of {@code facts} inconsistent with {@code extra}, or null. */
  private static List<Fact> core(SmtSolver solver, List<Fact> facts, BoolExpr extra) {
    SmtResult r = solver.checkAssuming(exprs(facts), extra);
    if (r.status() != SmtResult.Status.UNSAT) {
      return null;
    }
    List<Fact> core = new ArrayList<>();
    for (int i : r.core()) {
      core.add(facts.get(i));
    }
    // Deletion: a fact whose removal keeps the conflict is not needed.
    for (int i = 0; i < core.size(); ) {
      List<Fact> without = new ArrayList<>(core);
      without.remove(i);
      if (solver.checkAssuming(exprs(without), extra).status() == SmtResult.Status.UNSAT) {
        core = without;
      } else {
        i++;
      }
    }
    return core;
  }

  private static List<BoolExpr> exprs(List<Fact> facts) {
    List<BoolExpr> out = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      out.add(f.expr());
    }
    return out;
  }
}
