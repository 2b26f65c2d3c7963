package dev.symshapes.solver.internal;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.SymbolInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state of a shape environment: symbols, ranges (with the facts that set each bound),
 * replacements, divisibility, guards, axioms and version stamps. Every mutation is recorded in the
 * {@link UndoLog}, so a failing operation leaves no trace.
 *
 * <p>Versions: every change of a fact takes a fresh number from a clock that never goes back, and
 * stamps it on the symbols the fact is about (its range, its replacement, an axiom or divisibility
 * fact mentioning it) and on the whole base (the global version). A cached decision stores the
 * newest version among the symbols it depended on ({@link #stamp}); it is valid while that is
 * unchanged. Facts about other symbols never invalidate it, so the cost of adding a guard does not
 * grow with the number of cached decisions; the global version serves tiers that read all facts.
 *
 * <p>A rollback restores the versions with the facts, so that after a failed operation the base,
 * its versions and the decisions cached before it are exactly as they were. Numbers taken during
 * the failed operation are never handed out again: a decision cached (or facts asserted by the SMT
 * tier) while it ran carry a version that no later state has, so they are never taken for current.
 */
public final class FactBase {
  final ExprFactory f;
  final UndoLog undo;

  final List<SymbolInfo> symbols = new ArrayList<>();
  final Map<Sym, SymbolInfo> info = new HashMap<>();
  final Map<IntValue, Sym> duckSymbols = new HashMap<>();
  final Set<Sym> sizeLike = new HashSet<>();
  int backedCount;
  int unbackedCount;

  private final Map<Sym, IntRange> ranges = new HashMap<>();
  private final Map<Sym, Fact> lowerFacts = new HashMap<>();
  private final Map<Sym, Fact> upperFacts = new HashMap<>();

  final Map<Sym, Replacement> replacements = new LinkedHashMap<>();

  /** Known divisibility of symbols: {@code s % m == 0}. */
  final Map<Sym, IntValue> divisors = new HashMap<>();

  final List<Guard> guards = new ArrayList<>();
  final AxiomStore axioms;

  private final Map<Sym, long[]> versions = new HashMap<>();
  private long globalVersion;

  /** The last version handed out; never rolled back. */
  private long clock;

  FactBase(ExprFactory f, UndoLog undo) {
    this.f = f;
    this.undo = undo;
    this.axioms = new AxiomStore(f, undo, this::bump);
  }

  // ---- versions ----

  long version(Sym s) {
    long[] v = versions.get(s);
    return v == null ? 0 : v[0];
  }

  /** Records that a fact about {@code s} changed: {@code s} and the base get a fresh version. */
  void bump(Sym s) {
    long[] v = versions.computeIfAbsent(s, k -> new long[1]);
    long oldVersion = v[0];
    long oldGlobal = globalVersion;
    clock++;
    v[0] = clock;
    globalVersion = clock;
    undo.record(
        () -> {
          v[0] = oldVersion;
          globalVersion = oldGlobal;
        });
  }

  long globalVersion() {
    return globalVersion;
  }

  /**
   * The newest version among {@code syms}. It changes whenever a fact about one of them changes
   * (the change's version is newer than every version before it) and comes back only when that
   * change is rolled back, which restores exactly the facts it was computed from.
   */
  long stamp(Iterable<Sym> syms) {
    long newest = 0;
    for (Sym s : syms) {
      newest = Math.max(newest, version(s));
    }
    return newest;
  }

  // ---- symbols ----

  void addSymbol(SymbolInfo si) {
    symbols.add(si);
    info.put(si.symbol(), si);
    undo.record(
        () -> {
          symbols.remove(symbols.size() - 1);
          info.remove(si.symbol());
        });
  }

  void replaceInfo(SymbolInfo si) {
    SymbolInfo old = info.put(si.symbol(), si);
    int i = symbols.indexOf(old);
    symbols.set(i, si);
    undo.record(
        () -> {
          info.put(old.symbol(), old);
          symbols.set(i, old);
        });
  }

  // ---- ranges ----

  IntRange range(Sym s) {
    IntRange r = ranges.get(s);
    return r == null ? IntRange.all() : r;
  }

  boolean hasRange(Sym s) {
    return ranges.containsKey(s);
  }

  Fact lowerFact(Sym s) {
    return lowerFacts.get(s);
  }

  Fact upperFact(Sym s) {
    return upperFacts.get(s);
  }

  /** Sets the range of {@code s}; {@code fact} (nullable) is recorded for the bounds that moved. */
  void setRange(Sym s, IntRange r, Fact fact) {
    setRange(s, r, fact, fact);
  }

  /**
   * Sets the range of {@code s}; {@code loFact} and {@code hiFact} (nullable) are recorded for the
   * lower and upper bound if they moved.
   */
  void setRange(Sym s, IntRange r, Fact loFact, Fact hiFact) {
    IntRange old = ranges.put(s, r);
    Fact oldLo = lowerFacts.get(s);
    Fact oldHi = upperFacts.get(s);
    if (loFact != null && (old == null || !old.lower().equals(r.lower()))) {
      lowerFacts.put(s, loFact);
    }
    if (hiFact != null && (old == null || !old.upper().equals(r.upper()))) {
      upperFacts.put(s, hiFact);
    }
    undo.record(
        () -> {
          if (old == null) {
            ranges.remove(s);
          } else {
            ranges.put(s, old);
          }
          restore(lowerFacts, s, oldLo);
          restore(upperFacts, s, oldHi);
        });
    bump(s);
  }

  private static void restore(Map<Sym, Fact> m, Sym s, Fact v) {
    if (v == null) {
      m.remove(s);
    } else {
      m.put(s, v);
    }
  }

  // ---- replacements ----

  void putReplacement(Replacement r) {
    Sym s = r.symbol();
    Replacement old = replacements.put(s, r);
    undo.record(
        () -> {
          if (old == null) {
            replacements.remove(s);
          } else {
            replacements.put(s, old);
          }
        });
    bump(s);
  }

  // ---- divisibility, size-likeness, guards ----

  void putDivisor(Sym s, IntValue m) {
    IntValue old = divisors.put(s, m);
    undo.record(
        () -> {
          if (old == null) {
            divisors.remove(s);
          } else {
            divisors.put(s, old);
          }
        });
    bump(s);
  }

  void markSizeLike(Sym s) {
    if (sizeLike.add(s)) {
      undo.record(() -> sizeLike.remove(s));
      bump(s);
    }
  }

  void addGuard(Guard g) {
    guards.add(g);
    undo.record(() -> guards.remove(guards.size() - 1));
    for (Sym s : g.expr().freeSymbols()) {
      bump(s);
    }
  }

  // ---- read-only accessors for the facade ----

  public ExprFactory factoryForApi() {
    return f;
  }

  public SymbolInfo infoOf(Sym s) {
    return info.get(s);
  }

  public boolean isUnbacked(Sym s) {
    SymbolInfo si = info.get(s);
    return si != null && si.isUnbacked();
  }

  public boolean isSizeLike(Sym s) {
    return sizeLike.contains(s);
  }

  public com.google.common.collect.ImmutableList<SymbolInfo> allSymbols() {
    return com.google.common.collect.ImmutableList.copyOf(symbols);
  }

  public IntRange rangeOf(Sym s) {
    return range(s);
  }

  public com.google.common.collect.ImmutableMap<Sym, Replacement> replacementsView() {
    return com.google.common.collect.ImmutableMap.copyOf(replacements);
  }

  public com.google.common.collect.ImmutableList<Guard> guardsView() {
    return com.google.common.collect.ImmutableList.copyOf(guards);
  }

  public long version() {
    return globalVersion;
  }
}
