package dev.symshapes.solver.smt;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.eval.FactView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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

  private final List<Replacement> replacementsSeen = new ArrayList<>();
  private final Map<Sym, List<Replacement>> replacementsByTargetSymbol = new HashMap<>();
  private final Map<Sym, int[]> relatingTargets = new HashMap<>();
  private long replacementsVersion = -1;

  private final Set<Sym> overCap = new HashSet<>();

  SmtFactIndex(SmtFacts builder) {
    this.builder = builder;
  }

  // ---- guards ----

  /** Indexes the guards appended since the last call (all of them after a rollback). */
  void updateGuards(FactView view) {
    List<Guard> live = view.guardList();
    if (live.size() < guardsIndexed
        || (guardsIndexed > 0 && live.get(guardsIndexed - 1) != lastGuard)) {
      // Guards were rolled back (and maybe others added): index them again, from the memo.
      guardsIndexed = 0;
      guardsSeen.clear();
      guardsBySymbol.clear();
      relatingGuards.clear();
      overCap.clear();
    }
    for (int i = guardsIndexed; i < live.size(); i++) {
      index(live.get(i).expr());
    }
    guardsIndexed = live.size();
    lastGuard = guardsIndexed == 0 ? null : live.get(guardsIndexed - 1);
  }

  private void index(BoolExpr e) {
    if (e.isTrue() || !guardsSeen.add(e)) {
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
    }
  }

  // ---- replacements ----

  /** Brings the reverse index of replacements (target symbol to replacements) up to date. */
  void updateReplacements(FactView view) {
    if (view.version() == replacementsVersion) {
      return;
    }
    replacementsVersion = view.version();
    Map<Sym, Replacement> live = view.replacementMap();
    Iterator<Replacement> it = live.values().iterator();
    int n = replacementsSeen.size();
    // The map keeps insertion order and an overwritten entry keeps its place: when the first n
    // entries are the ones seen, the others are new. Anything else is a rollback or an overwrite.
    boolean same = live.size() >= n;
    for (int i = 0; same && i < n; i++) {
      same = it.next() == replacementsSeen.get(i);
    }
    if (!same) {
      replacementsSeen.clear();
      replacementsByTargetSymbol.clear();
      relatingTargets.clear();
      overCap.clear();
      it = live.values().iterator();
    }
    while (it.hasNext()) {
      Replacement r = it.next();
      replacementsSeen.add(r);
      boolean relating = !SmtRelevance.isAbsorbedReplacement(r.target());
      for (Sym x : r.target().freeSymbols()) {
        replacementsByTargetSymbol.computeIfAbsent(x, k -> new ArrayList<>(2)).add(r);
        if (relating) {
          relatingTargets.computeIfAbsent(x, k -> new int[1])[0]++;
        }
      }
    }
  }

  // ---- relevance ----

  /**
   * Whether a fact that the environment has not absorbed into ranges mentions one of {@code syms}
   * (a guard, a divisibility fact, a replacement of it or by an expression over it); reads the
   * replacements only when the guards and divisors do not already tell.
   */
  boolean related(Collection<Sym> syms, FactView view) {
    Map<Sym, Replacement> replacements = view.replacementMap();
    Map<Sym, IntValue> divisors = view.divisorMap();
    for (Sym s : syms) {
      if (relatingGuards.containsKey(s) || divisors.containsKey(s)) {
        return true;
      }
      Replacement r = replacements.get(s);
      if (r != null && !SmtRelevance.isAbsorbedReplacement(r.target())) {
        return true;
      }
    }
    updateReplacements(view);
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
   * maxFacts} facts. Costs O(cone) (at most about {@code maxFacts} facts are visited).
   */
  Cone cone(Collection<Sym> start, FactView view, int maxFacts) {
    for (Sym s : start) {
      if (overCap.contains(s)) {
        return Cone.OVER_CAP;
      }
    }
    updateReplacements(view);
    Map<Sym, Replacement> replacements = view.replacementMap();
    Map<Sym, IntValue> divisors = view.divisorMap();
    Set<BoolExpr> out = new LinkedHashSet<>();
    Set<Sym> seen = new HashSet<>();
    ArrayDeque<Sym> todo = new ArrayDeque<>();
    // One connected component at a time: a component over the cap on its own is marked, one that
    // is over only together with another component of the query is not.
    for (Sym s0 : start) {
      if (!seen.add(s0)) {
        continue;
      }
      int before = out.size();
      List<Sym> component = new ArrayList<>();
      component.add(s0);
      todo.add(s0);
      while (!todo.isEmpty()) {
        Sym x = todo.poll();
        if (overCap.contains(x)) {
          overCap.addAll(component);
          return Cone.OVER_CAP;
        }
        out.addAll(builder.bounds(x, view.range(x)));
        IntValue m = divisors.get(x);
        if (m != null) {
          out.addAll(builder.divisor(x, m));
        }
        Replacement r = replacements.get(x);
        if (r != null) {
          out.addAll(builder.replacement(r));
          reach(r.target().freeSymbols(), seen, todo, component);
        }
        for (Replacement by : replacementsByTargetSymbol.getOrDefault(x, List.of())) {
          if (replacements.get(by.symbol()) == by) {
            out.addAll(builder.replacement(by));
            reach(List.of(by.symbol()), seen, todo, component);
          }
        }
        for (GuardInfo g : guardsBySymbol.getOrDefault(x, List.of())) {
          out.add(g.expr());
          reach(g.symbols(), seen, todo, component);
        }
        if (out.size() > maxFacts) {
          if (out.size() - before > maxFacts) {
            overCap.addAll(component);
          }
          return Cone.OVER_CAP;
        }
      }
    }
    return new Cone(ImmutableList.copyOf(out), false);
  }

  private static void reach(
      Collection<Sym> syms, Set<Sym> seen, ArrayDeque<Sym> todo, List<Sym> component) {
    for (Sym y : syms) {
      if (seen.add(y)) {
        todo.add(y);
        component.add(y);
      }
    }
  }
}
