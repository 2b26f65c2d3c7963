package dev.symshapes.solver.guardset;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Substitution;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import dev.symshapes.expr.solve.LinearSolver;
import dev.symshapes.expr.solve.Solution;
import dev.symshapes.solver.smt.SmtLoader;
import dev.symshapes.solver.smt.SmtOptions;
import dev.symshapes.solver.smt.SmtResult;
import dev.symshapes.solver.smt.SmtSolver;
import dev.symshapes.solver.smt.SmtUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simplifies a guard set into an equivalent, smaller one: the same assignments of all its symbols
 * satisfy both. Three steps, repeated until nothing changes, then a fourth:
 *
 * <ol>
 *   <li><b>substitute equalities</b>: an equality that isolates a symbol exactly over the integers
 *       ({@code Eq(s1, s0 + 2)}; the symbol declared last is eliminated first, as PyTorch replaces
 *       newer symbols by older ones) is kept as a definition and substituted into every other
 *       guard; the eliminated symbol's range becomes guards on its definition;
 *   <li><b>merge ranges</b>: a guard on one symbol that isolates it against a constant ({@code 2*s0
 *       <= 7} is {@code s0 <= 3}) is folded into the symbol's range, as is {@code Ne(s0, c)} at a
 *       range end;
 *   <li>guards that became constantly true are dropped;
 *   <li><b>drop implied guards</b>: in order, each guard implied by the ranges and the guards still
 *       kept (decided by value ranges, else by Z3 within its budget) is dropped.
 * </ol>
 *
 * <p>If Z3 is unavailable, step 4 uses value ranges only. A set whose facts contradict each other
 * is reported with a {@link GuardSetException}.
 */
public final class GuardSetSimplifier {
  /**
   * The outcome.
   *
   * @param before the set given
   * @param after the simplified set
   * @param substituted equalities turned into definitions
   * @param merged guards folded into ranges
   * @param dropped guards dropped as implied (or constantly true)
   * @param smtUsed whether Z3 could be used for step 4
   */
  public record Result(
      GuardSet before, GuardSet after, int substituted, int merged, int dropped, boolean smtUsed) {
    /**
     * {@code before: 7 guards, 1 range; after: 3 guards, 2 ranges (1 equality substituted, 2 guards
     * merged into ranges, 1 implied guard dropped)}.
     */
    public String report() {
      return "before: "
          + size(before)
          + "; after: "
          + size(after)
          + " ("
          + plural(substituted, "equality", "equalities")
          + " substituted, "
          + plural(merged, "guard", "guards")
          + " merged into ranges, "
          + plural(dropped, "implied guard", "implied guards")
          + " dropped"
          + (smtUsed ? "" : "; Z3 unavailable, implications by ranges only")
          + ")";
    }

    private static String size(GuardSet g) {
      return plural(g.guards().size(), "guard", "guards")
          + ", "
          + plural(g.boundedRangeCount(), "range", "ranges");
    }

    private static String plural(int n, String one, String many) {
      return n + " " + (n == 1 ? one : many);
    }
  }

  private final SmtLoader loader;
  private final SmtOptions options;

  private GuardSetSimplifier(SmtLoader loader, SmtOptions options) {
    this.loader = loader;
    this.options = options;
  }

  /** A simplifier using Z3 with the default budget. */
  public static GuardSetSimplifier create() {
    return create(SmtLoader.z3(), SmtOptions.defaults());
  }

  /** A simplifier with another SMT backend or budget. */
  public static GuardSetSimplifier create(SmtLoader loader, SmtOptions options) {
    return new GuardSetSimplifier(checkNotNull(loader, "loader"), checkNotNull(options, "options"));
  }

  /** A guard still in play, with the line it came from (0 for derived guards). */
  private record Item(BoolExpr expr, int line) {}

  /**
   * Simplifies {@code set}.
   *
   * @throws GuardSetException if its guards and ranges contradict each other
   */
  public Result simplify(GuardSet set) {
    checkNotNull(set, "set");
    ExprFactory f = set.factory();
    List<Sym> order = set.symbols();
    Map<Sym, IntRange> ranges = new LinkedHashMap<>(set.ranges());
    Map<Sym, IntExpr> defs = new LinkedHashMap<>();
    List<Item> work = new ArrayList<>();
    for (GuardSet.Guard g : set.guards()) {
      work.add(new Item(g.expr(), g.line()));
    }
    int substituted = 0;
    int merged = 0;
    int dropped = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < work.size(); i++) {
        Item it = work.get(i);
        BoolExpr g = it.expr();
        if (g.isTrue()) {
          work.remove(i--);
          dropped++;
          continue;
        }
        if (g.isFalse()) {
          throw contradiction(it, "is false once the equalities are substituted");
        }
        Optional<IntRange> single = singleSymbolRange(g, ranges, it);
        if (single != null) {
          Sym s = g.freeSymbols().iterator().next();
          if (single.isPresent()) {
            ranges.put(s, single.get());
            merged++;
          } else {
            dropped++;
          }
          work.remove(i--);
          changed = true;
          continue;
        }
        if (g.kind() == ExprKind.EQ) {
          Sym x = eliminate(g, set.hints());
          if (x != null) {
            IntExpr rhs = ((Solution.Solved) LinearSolver.solve(g, x)).rhs();
            work.remove(i);
            Map<Sym, IntExpr> sub = Map.of(x, rhs);
            defs.replaceAll((k, v) -> Substitution.apply(v, sub));
            defs.put(x, rhs);
            work.replaceAll(w -> new Item(Substitution.apply(w.expr(), sub), w.line()));
            IntRange rx = ranges.remove(x);
            if (rx != null && rx.lower().isFinite()) {
              work.add(new Item(f.ge(rhs, f.integer(rx.lower().value())), it.line()));
            }
            if (rx != null && rx.upper().isFinite()) {
              work.add(new Item(f.le(rhs, f.integer(rx.upper().value())), it.line()));
            }
            substituted++;
            changed = true;
            i = -1;
          }
        }
      }
    }
    boolean smtUsed = dropImplied(f, ranges, work);
    int before = work.size();
    GuardSet.Builder out = GuardSet.builder(f);
    for (Sym s : order) {
      IntRange r = ranges.get(s);
      if (r != null && !r.equals(IntRange.all())) {
        out.range(s, r);
      }
    }
    set.hints().forEach(out::hint);
    for (Map.Entry<Sym, IntExpr> d : defs.entrySet()) {
      out.guard(f.eq(d.getKey(), d.getValue()));
    }
    int kept = 0;
    for (Item it : work) {
      if (it != null) {
        out.guard(it.expr(), it.line());
        kept++;
      }
    }
    dropped += before - kept;
    return new Result(set, out.build(), substituted, merged, dropped, smtUsed);
  }

  /**
   * For a guard on one symbol that isolates it against a constant: the narrowed range, or empty
   * when the guard holds throughout the current range; null when the guard is not of that shape (or
   * narrows nothing it can express as a range).
   */
  private static Optional<IntRange> singleSymbolRange(
      BoolExpr g, Map<Sym, IntRange> ranges, Item it) {
    if (g.freeSymbols().size() != 1 || !g.kind().isRelation()) {
      return null;
    }
    Sym s = g.freeSymbols().iterator().next();
    Solution sol = LinearSolver.solve(g, s);
    IntRange current = ranges.getOrDefault(s, IntRange.all());
    if (sol instanceof Solution.AlwaysTrue) {
      return Optional.empty();
    }
    if (sol instanceof Solution.NoIntegerSolution) {
      throw contradiction(it, "has no integer solution");
    }
    if (!(sol instanceof Solution.Solved solved) || solved.rhs().constantValue() == null) {
      return null;
    }
    IntValue c = solved.rhs().constantValue();
    IntRange r;
    switch (solved.kind()) {
      case EQ:
        r = IntRange.exactly(c);
        break;
      case LE:
        r = IntRange.atMost(c);
        break;
      case LT:
        r = IntRange.atMost(c.subtract(IntValue.ONE));
        break;
      case GE:
        r = IntRange.atLeast(c);
        break;
      case GT:
        r = IntRange.atLeast(c.add(IntValue.ONE));
        break;
      case NE:
        if (!current.contains(c)) {
          return Optional.empty();
        }
        if (current.lower().equals(Bound.of(c)) && !current.isSingleton()) {
          r = IntRange.of(Bound.of(c.add(IntValue.ONE)), current.upper());
        } else if (current.upper().equals(Bound.of(c)) && !current.isSingleton()) {
          r = IntRange.of(current.lower(), Bound.of(c.subtract(IntValue.ONE)));
        } else if (current.isSingleton()) {
          throw contradiction(it, "excludes the only value of " + s);
        } else {
          return null;
        }
        break;
      default:
        return null;
    }
    Optional<IntRange> both = current.tryIntersect(r);
    if (both.isEmpty()) {
      throw contradiction(it, "leaves no value of " + s + " in " + GuardSet.bracket(current));
    }
    return both.get().equals(current) ? Optional.empty() : both;
  }

  /**
   * The symbol an equality eliminates: among those it isolates exactly, one without a hint if any,
   * else the one with the largest hint, ties broken by the larger name (PyTorch's order in {@code
   * _maybe_guard_rel}, which keeps older, smaller symbols).
   */
  private static Sym eliminate(BoolExpr eq, Map<Sym, IntValue> hints) {
    Sym best = null;
    for (Sym s : eq.freeSymbols()) {
      if (LinearSolver.solve(eq, s) instanceof Solution.Solved solved
          && solved.kind() == ExprKind.EQ
          && (best == null || before(s, best, hints))) {
        best = s;
      }
    }
    return best;
  }

  /** Whether {@code a} is eliminated in preference to {@code b}. */
  private static boolean before(Sym a, Sym b, Map<Sym, IntValue> hints) {
    IntValue ha = hints.get(a);
    IntValue hb = hints.get(b);
    if ((ha == null) != (hb == null)) {
      return ha == null;
    }
    int c = ha == null ? 0 : ha.compareTo(hb);
    return c != 0 ? c > 0 : a.name().compareTo(b.name()) > 0;
  }

  private static GuardSetException contradiction(Item it, String why) {
    return new GuardSetException(
        (it.line() > 0 ? "line " + it.line() + ": " : "")
            + "the guards contradict each other: "
            + it.expr()
            + " "
            + why);
  }

  /** Step 4; sets dropped entries of {@code work} to null. Returns whether Z3 was used. */
  private boolean dropImplied(ExprFactory f, Map<Sym, IntRange> ranges, List<Item> work) {
    RangeAnalyzer analyzer = RangeAnalyzer.create();
    for (int i = 0; i < work.size(); i++) {
      if (analyzer
          .bound(work.get(i).expr(), s -> ranges.getOrDefault(s, IntRange.all()))
          .isTrue()) {
        work.set(i, null);
      }
    }
    SmtSolver solver;
    try {
      solver = loader.open(options);
    } catch (SmtUnavailableException e) {
      return false;
    }
    try {
      for (Map.Entry<Sym, IntRange> e : ranges.entrySet()) {
        IntRange r = e.getValue();
        if (r.lower().isFinite()) {
          solver.addFact(f.ge(e.getKey(), f.integer(r.lower().value())));
        }
        if (r.upper().isFinite()) {
          solver.addFact(f.le(e.getKey(), f.integer(r.upper().value())));
        }
      }
      List<BoolExpr> all = new ArrayList<>();
      for (Item it : work) {
        if (it != null) {
          all.add(it.expr());
        }
      }
      SmtResult consistent = solver.checkAssuming(all, f.trueExpr());
      if (consistent.status() == SmtResult.Status.UNSAT) {
        List<String> lines = new ArrayList<>();
        for (int k : consistent.core()) {
          lines.add(all.get(k).toString());
        }
        throw new GuardSetException(
            "the guards contradict each other and the ranges: " + String.join(", ", lines));
      }
      for (int i = 0; i < work.size(); i++) {
        Item it = work.get(i);
        if (it == null) {
          continue;
        }
        List<BoolExpr> others = new ArrayList<>();
        for (int j = 0; j < work.size(); j++) {
          if (j != i && work.get(j) != null) {
            others.add(work.get(j).expr());
          }
        }
        if (solver.checkAssuming(others, f.not(it.expr())).status() == SmtResult.Status.UNSAT) {
          work.set(i, null);
        }
      }
      return true;
    } finally {
      solver.close();
    }
  }
}
