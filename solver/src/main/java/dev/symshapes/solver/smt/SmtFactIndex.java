package dev.symshapes.solver.smt;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.eval.FactView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of one shape environment indexed by symbol, and the cone of influence of a query: the
 * facts connected to its symbols, transitively through the symbols they share (guards and runtime
 * asserts, replacements in both directions, divisibility), with the range bounds of every symbol
 * reached.
 *
 * <p>Sending Z3 only the cone is sound for both answers: the facts are hypotheses, and with fewer
 * hypotheses an implication can only fail to be proved, never be proved wrongly, so a TRUE (the
 * cone and {@code not q} are unsatisfiable) and a FALSE (the cone and {@code q} are) hold for all
 * facts as well. It loses nothing either when the environment is consistent: the facts outside the
 * cone share no symbol with it or with the query, so any model of them combines with a model of the
 * cone.
 *
 * <p>The index is kept up to date without building expressions. Guards and runtime asserts are read
 * from where the last update stopped (the list only grows, except when a failed operation is rolled
 * back; that is noticed, and the guards are indexed again, from the memo); what is computed on a
 * guard expression (its symbols, whether the environment absorbed it into ranges) is memoized per
 * expression across versions. Replacements are compared by identity, in the map's order, with those
 * seen at the last update, and only when a query needs them; ranges and divisors are read when a
 * cone reaches their symbol, and the facts for them are built then ({@link SmtFacts}).
 *
 * <p>A cone that grows beyond the cap marks the symbols of its connected component: while facts
 * only grow, a query on any of them is over the cap too and is answered at once. The marks are
 * dropped when a rollback is noticed; a stale mark could only make a query UNKNOWN, never wrong.
 */
final class SmtFactIndex {
  /** What is computed once per distinct guard expression. */
  private record GuardInfo(BoolExpr expr, ImmutableSet<Sym> symbols, boolean relating) {}

  /**
   * A query's cone of influence.
   *
   * @param facts the facts of the cone, in a deterministic order; empty when over the cap
   * @param overCap whether the cone holds more facts than the cap (its facts are then not listed)
   */
  record Cone(ImmutableList<BoolExpr> facts, boolean overCap) {
    static final Cone OVER_CAP = new Cone(ImmutableList.of(), true);
  }

  private final SmtFacts builder;

  private final Map<BoolExpr, GuardInfo> guardMemo = new HashMap<>();
  private final Set<BoolExpr> guardsSeen = new HashSet<>();
  private final Map<Sym, List<GuardInfo>> guardsBySymbol = new HashMap<>();
  private final Map<Sym, int[]> relatingGuards = new HashMap<>();
  private int guardsIndexed;
  private Guard lastGuard;

  /** The replacement last seen for each replaced symbol. */
  private final Map<Sym, Replacement> replacementsSeen = new HashMap<>();

  /** For each symbol, the replaced symbols whose target mentioned it when it was seen. */
  private final Map<Sym, Set<Sym>> keysByTargetSymbol = new HashMap<>();

  private final Map<Sym, int[]> relatingTargets = new HashMap<>();

  private final Set<Sym> overCap = new HashSet<>();

  SmtFactIndex(SmtFacts builder) {
    this.builder = builder;
  }

  // ---- guards ----

  /**
   * Indexes the guards appended since the last call (all of them after a rollback), and the
   * replacements of their symbols.
   */
  void update(FactView view) {
    List<Guard> live = view.guards();
    Map<Sym, Replacement> replacements = view.replacements();
    if (live.size() < guardsIndexed
        || (guardsIndexed > 0 && live.get(guardsIndexed - 1) != lastGuard)) {
      // Guards were rolled back (and maybe others added): index them again, from the memo.
      guardsIndexed = 0;
      guardsSeen.clear();
      guardsBySymbol.clear();
      relatingGuards.clear();
      replacementsSeen.clear();
      keysByTargetSymbol.clear();
      relatingTargets.clear();
      overCap.clear();
    }
    for (int i = guardsIndexed; i < live.size(); i++) {
      index(live.get(i).expr(), replacements);
    }
    guardsIndexed = live.size();
    lastGuard = guardsIndexed == 0 ? null : live.get(guardsIndexed - 1);
    if (replacements.size() > replacementsSeen.size()) {
      // A replacement of a symbol that no new guard mentions (a renamed unbacked symbol): rare,
      // so all of them are looked at.
      for (Replacement r : replacements.values()) {
        see(r);
      }
    }
  }

  private void index(BoolExpr e, Map<Sym, Replacement> replacements) {
    if (e.isTrue()) {
      return;
    }
    if (!guardsSeen.add(e)) {
      return;
    }
    GuardInfo g = guardMemo.get(e);
    if (g == null) {
      g = new GuardInfo(e, e.freeSymbols(), !SmtRelevance.isAbsorbed(e));
      guardMemo.put(e, g);
    }
    for (Sym s : g.symbols()) {
      guardsBySymbol.computeIfAbsent(s, k -> new ArrayList<>(2)).add(g);
      if (g.relating()) {
        relatingGuards.computeIfAbsent(s, k -> new int[1])[0]++;
      }
      // The replacements a guard causes are of its own symbols (solved for, or a multiple's
      // quotient): they are found here, without walking the replacement map.
      Replacement r = replacements.get(s);
      if (r != null) {
        see(r);
      }
    }
  }

  // ---- replacements ----

  /**
   * Records {@code r} under the symbols of its target. Entries are never removed until a rollback:
   * a replaced symbol whose replacement has since been overwritten (its target resolved further) is
   * still connected to the old target's symbols through the replacements between them, and the cone
   * reads each replacement from the live map.
   */
  private void see(Replacement r) {
    if (replacementsSeen.put(r.symbol(), r) == r) {
      return;
    }
    boolean relating = !SmtRelevance.isAbsorbedReplacement(r.target());
    for (Sym x : r.target().freeSymbols()) {
      keysByTargetSymbol.computeIfAbsent(x, k -> new LinkedHashSet<>()).add(r.symbol());
      if (relating) {
        relatingTargets.computeIfAbsent(x, k -> new int[1])[0]++;
      }
    }
  }

  // ---- relevance ----

  /**
   * Whether a fact that the environment has not absorbed into ranges mentions one of {@code syms}
   * (a guard, a divisibility fact, a replacement of it or by an expression over it).
   */
  boolean related(Collection<Sym> syms, FactView view) {
    Map<Sym, Replacement> replacements = view.replacements();
    Map<Sym, IntValue> divisors = view.divisors();
    for (Sym s : syms) {
      if (relatingGuards.containsKey(s) || divisors.containsKey(s)) {
        return true;
      }
      Replacement r = replacements.get(s);
      if (r != null && !SmtRelevance.isAbsorbedReplacement(r.target())) {
        return true;
      }
    }
    for (Sym s : syms) {
      if (relatingTargets.containsKey(s)) {
        return true;
      }
    }
    return false;
  }

  // ---- cones ----

  /**
   * The cone of influence of {@code start}, or {@link Cone#OVER_CAP} when it holds more than {@code
   * maxFacts} facts. Costs O(cone), at most about {@code maxFacts} facts visited; the facts are
   * built only once the cone is known to be within the cap.
   */
  Cone cone(Collection<Sym> start, FactView view, int maxFacts) {
    for (Sym s : start) {
      if (overCap.contains(s)) {
        return Cone.OVER_CAP;
      }
    }
    Map<Sym, Replacement> replacements = view.replacements();
    Map<Sym, IntValue> divisors = view.divisors();
    // First the symbols and facts reached, counted but not built.
    Set<Sym> seen = new LinkedHashSet<>();
    Set<Replacement> reachedReplacements = new LinkedHashSet<>();
    Set<GuardInfo> reachedGuards = new LinkedHashSet<>();
    int count = 0;
    ArrayDeque<Sym> pending = new ArrayDeque<>();
    // One connected component at a time: a component over the cap on its own is marked, one that
    // is over only together with another component of the query is not.
    for (Sym s0 : start) {
      if (!seen.add(s0)) {
        continue;
      }
      int before = count;
      List<Sym> component = new ArrayList<>();
      component.add(s0);
      pending.add(s0);
      while (!pending.isEmpty()) {
        Sym x = pending.poll();
        if (overCap.contains(x)) {
          overCap.addAll(component);
          return Cone.OVER_CAP;
        }
        IntRange r = view.range(x);
        count += (r.lower().isFinite() ? 1 : 0) + (r.upper().isFinite() ? 1 : 0);
        if (divisors.containsKey(x)) {
          count++;
        }
        Replacement forward = replacements.get(x);
        if (forward != null && reachedReplacements.add(forward)) {
          count++;
          reach(forward.target().freeSymbols(), seen, pending, component);
        }
        for (Sym key : keysByTargetSymbol.getOrDefault(x, Set.of())) {
          Replacement by = replacements.get(key);
          if (by != null && reachedReplacements.add(by)) {
            count++;
            reach(List.of(key), seen, pending, component);
            reach(by.target().freeSymbols(), seen, pending, component);
          }
        }
        for (GuardInfo g : guardsBySymbol.getOrDefault(x, List.of())) {
          if (reachedGuards.add(g)) {
            count++;
            reach(g.symbols(), seen, pending, component);
          }
        }
        if (count > maxFacts) {
          if (count - before > maxFacts) {
            overCap.addAll(component);
          }
          return Cone.OVER_CAP;
        }
      }
    }
    // Then the facts, in a deterministic order: per symbol, then replacements, then guards.
    Set<BoolExpr> out = new LinkedHashSet<>();
    for (Sym x : seen) {
      out.addAll(builder.bounds(x, view.range(x)));
      IntValue m = divisors.get(x);
      if (m != null) {
        out.addAll(builder.divisor(x, m));
      }
    }
    for (Replacement r : reachedReplacements) {
      out.addAll(builder.replacement(r));
    }
    for (GuardInfo g : reachedGuards) {
      out.add(g.expr());
    }
    return new Cone(ImmutableList.copyOf(out), false);
  }

  private static void reach(
      Collection<Sym> syms, Set<Sym> seen, ArrayDeque<Sym> pending, List<Sym> component) {
    for (Sym y : syms) {
      if (seen.add(y)) {
        pending.add(y);
        component.add(y);
      }
    }
  }
}
