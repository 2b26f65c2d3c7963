package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Substitution;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.BoolRange;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.EvalMode;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.eval.DecisionTier;
import dev.symshapes.solver.eval.FactView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Static evaluation: decides a boolean expression with the cheapest tier that can, caches the
 * answer, and counts which tier decided what.
 *
 * <ol>
 *   <li>{@link Tier#CONSTANT}: substitute replacements and known divisibility; canonical form may
 *       fold the expression to a constant;
 *   <li>{@link Tier#RANGE}: value ranges of the symbols, and for non-linear relations the ranges of
 *       the difference polynomial after shifting each symbol to its lower bound ({@code s = t + L},
 *       {@code t >= 0}): {@code s2*s3 - s3} with {@code s2, s3 >= 2} becomes {@code t2*t3 + t2 +
 *       t3*... }, whose non-negative terms bound it below (PyTorch's positive-shift trick);
 *   <li>{@link Tier#AXIOM}: the guards and runtime asserts known true ({@link AxiomStore});
 *   <li>a pluggable tier (SMT), when configured.
 * </ol>
 *
 * <p>Cache entries record the symbols they depend on and the newest of those symbols' versions;
 * they are valid until a fact about one of those symbols changes (see {@link FactBase}).
 */
public final class Decider {
  private static final int MAX_CACHE = 1 << 16;

  /** How deep {@code And}/{@code Or}/{@code Not} are taken apart (see {@link #decideTiers}). */
  static final int MAX_CONNECTIVE_NESTING = 200;

  private record Key(BoolExpr expr, EvalMode mode) {}

  private record Entry(Decision decision, ImmutableList<Sym> deps, long stamp, long global) {}

  private final FactBase facts;
  private final Refiner refiner;
  private final ExprFactory f;
  private final DecisionTier extra;
  private final FactView view;
  private final Map<Key, Entry> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          return size() > MAX_CACHE;
        }
      };

  long queries;
  long cacheHits;
  final long[] byTier = new long[Tier.values().length];
  long extraNanos;

  Decider(FactBase facts, Refiner refiner, DecisionTier extra, FactView view) {
    this.facts = facts;
    this.refiner = refiner;
    this.f = facts.f;
    this.extra = extra;
    this.view = view;
  }

  /** Decides {@code e} under the current facts. */
  public Decision decide(BoolExpr e, EvalMode mode) {
    queries++;
    if (e.isConstant()) {
      return new Decision(Truth.of(e.isTrue()), Tier.CONSTANT, e, ImmutableList.of());
    }
    Key key = new Key(e, mode);
    Entry hit = cache.get(key);
    if (hit != null
        && facts.stamp(hit.deps) == hit.stamp
        && (hit.decision.decidedBy() != Tier.NONE
            || extra == null
            || hit.global == facts.globalVersion())) {
      cacheHits++;
      return hit.decision;
    }
    BoolExpr simplified = simplify(e);
    Decision d = compute(e, simplified, mode);
    byTier[d.decidedBy().ordinal()]++;
    ImmutableList<Sym> depList;
    if (simplified == e || e.freeSymbols().containsAll(simplified.freeSymbols())) {
      depList = e.freeSymbols().asList();
    } else {
      Set<Sym> deps = new LinkedHashSet<>(e.freeSymbols());
      deps.addAll(simplified.freeSymbols());
      depList = ImmutableList.copyOf(deps);
    }
    cache.put(key, new Entry(d, depList, facts.stamp(depList), facts.globalVersion()));
    return d;
  }

  /** {@code e} rewritten with replacements and known divisibility (tier 1's input). */
  public BoolExpr simplify(BoolExpr e) {
    BoolExpr r = refiner.replace(e);
    if (!facts.divisors.isEmpty()) {
      r = applyDivisibility(r);
    }
    return r;
  }

  private BoolExpr applyDivisibility(BoolExpr e) {
    Map<Sym, IntExpr> sub = new HashMap<>();
    for (Sym s : e.freeSymbols()) {
      IntValue m = facts.divisors.get(s);
      if (m != null && !m.isOne()) {
        // Only used to expose Mod/FloorDiv simplifications: s == m*(s//m) exactly.
        sub.put(s, f.mul(f.integer(m), f.floorDiv(s, f.integer(m))));
      }
    }
    if (sub.isEmpty()) {
      return e;
    }
    BoolExpr r = Substitution.apply(e, sub);
    // Undo the rewrite where it did not help, so that printing stays close to the input.
    return r.isConstant() ? r : e;
  }

  private Decision compute(BoolExpr original, BoolExpr e, EvalMode mode) {
    if (e.isConstant()) {
      return new Decision(Truth.of(e.isTrue()), Tier.CONSTANT, e, replacementReasons(original));
    }
    Decision d = decideTiers(original, e, mode, 0);
    return d;
  }

  /**
   * Decides {@code e}, taking {@code And}/{@code Or}/{@code Not} apart so that each part can be
   * decided by the tier that knows it; {@code nesting} is how many connectives enclose {@code e}.
   * Past {@link #MAX_CONNECTIVE_NESTING} the rest is decided as a whole (ranges handle any depth),
   * so that a deeply nested condition cannot overflow the stack.
   */
  private Decision decideTiers(BoolExpr original, BoolExpr e, EvalMode mode, int nesting) {
    switch (nesting < MAX_CONNECTIVE_NESTING ? e.kind() : ExprKind.BOOL_CONST) {
      case AND:
      case OR:
        {
          boolean and = e.kind() == ExprKind.AND;
          Tier worst = Tier.CONSTANT;
          List<Fact> reasons = new ArrayList<>();
          boolean unknown = false;
          for (BoolExpr a : ((Logic) e).args()) {
            Decision d = decideTiers(original, a, mode, nesting + 1);
            if (d.truth() == Truth.UNKNOWN) {
              unknown = true;
              continue;
            }
            if (d.truth().value() != and) {
              return new Decision(Truth.of(!and), d.decidedBy(), e, d.reasons());
            }
            if (d.decidedBy().ordinal() > worst.ordinal()) {
              worst = d.decidedBy();
            }
            reasons.addAll(d.reasons());
          }
          if (unknown) {
            // An axiom may state the connective as a whole (check(Or(a, b)) knows nothing of a).
            Decision whole = byAxioms(original, e, rangeEnv(mode));
            return whole != null ? whole : viaExtra(e, Tier.NONE);
          }
          return new Decision(Truth.of(and), worst, e, ImmutableList.copyOf(reasons));
        }
      case NOT:
        {
          Decision d = decideTiers(original, ((Logic) e).args().get(0), mode, nesting + 1);
          if (!d.truth().isKnown()) {
            Decision whole = byAxioms(original, e, rangeEnv(mode));
            if (whole != null) {
              return whole;
            }
          }
          return new Decision(d.truth().not(), d.decidedBy(), e, d.reasons());
        }
      default:
        break;
    }
    Function<Sym, IntRange> ranges = rangeEnv(mode);
    BoolRange br = RangeAnalyzer.create().bound(e, ranges);
    if (!br.isUnknown()) {
      return new Decision(Truth.of(br.isTrue()), Tier.RANGE, e, rangeReasons(original, e));
    }
    if (e.kind().isRelation()) {
      Truth shifted = shiftedRange((Relation) e, ranges);
      if (shifted.isKnown()) {
        return new Decision(shifted, Tier.RANGE, e, rangeReasons(original, e));
      }
    }
    Decision byAxioms = byAxioms(original, e, ranges);
    return byAxioms != null ? byAxioms : viaExtra(e, Tier.NONE);
  }

  /** Tier 3 on {@code e} as a whole; null when the axioms do not decide it. */
  private Decision byAxioms(BoolExpr original, BoolExpr e, Function<Sym, IntRange> ranges) {
    AxiomStore.Answer a = facts.axioms.decide(e, p -> RangeAnalyzer.create().bound(p, ranges));
    if (!a.truth().isKnown()) {
      return null;
    }
    List<Fact> reasons = new ArrayList<>(a.reasons());
    reasons.addAll(replacementReasons(original));
    return new Decision(a.truth(), Tier.AXIOM, e, ImmutableList.copyOf(reasons));
  }

  private Decision viaExtra(BoolExpr e, Tier fallback) {
    if (extra != null) {
      long t0 = System.nanoTime();
      Truth t;
      try {
        t = extra.decide(e, view);
      } finally {
        extraNanos += System.nanoTime() - t0;
      }
      if (t.isKnown()) {
        return new Decision(t, extra.tier(), e, ImmutableList.of());
      }
    }
    return new Decision(Truth.UNKNOWN, fallback, e, ImmutableList.of());
  }

  /** Symbol ranges, with size-like symbols assumed to be at least 2 in size-oblivious mode. */
  Function<Sym, IntRange> rangeEnv(EvalMode mode) {
    if (mode == EvalMode.SIZE_OBLIVIOUS && !facts.sizeLike.isEmpty()) {
      return s -> {
        IntRange r = facts.range(s);
        if (facts.sizeLike.contains(s)) {
          return r.tryIntersect(IntRange.atLeast(2)).orElse(r);
        }
        return r;
      };
    }
    return facts::range;
  }

  // ---- the positive-shift trick for non-linear relations ----

  private Truth shiftedRange(Relation r, Function<Sym, IntRange> ranges) {
    if (!hasProduct(r.lhs()) && !hasProduct(r.rhs())) {
      return Truth.UNKNOWN; // linear: the shift adds nothing to plain ranges
    }
    IntExpr d = f.sub(r.lhs(), r.rhs());
    if (!isNonLinearPolynomial(d) || unboundedBothWays(d, ranges)) {
      return Truth.UNKNOWN;
    }
    Map<Sym, IntExpr> shift = new HashMap<>();
    Map<Sym, IntRange> shiftedRanges = new HashMap<>();
    int n = 0;
    for (Sym s : d.freeSymbols()) {
      IntRange rs = ranges.apply(s);
      Sym t = f.symbol("__symshapes_shift" + n++);
      if (rs.lower().isFinite()) {
        IntValue lo = rs.lower().value();
        shift.put(s, f.add(t, f.integer(lo)));
        shiftedRanges.put(
            t,
            IntRange.of(
                Bound.ZERO,
                rs.upper().isFinite() ? Bound.of(rs.upper().value().subtract(lo)) : Bound.INT_OO));
      } else if (rs.upper().isFinite()) {
        IntValue hi = rs.upper().value();
        shift.put(s, f.sub(f.integer(hi), t));
        shiftedRanges.put(t, IntRange.of(Bound.ZERO, Bound.INT_OO));
      } else {
        return Truth.UNKNOWN;
      }
    }
    IntExpr shifted = Substitution.apply(d, shift);
    IntRange range = RangeAnalyzer.create().bound(shifted, shiftedRanges::get);
    return compareWithZero(r.kind(), range);
  }

  /**
   * A cheap test that the shifted polynomial is unbounded both ways, in which case shifting cannot
   * decide anything: a monomial that divides no other monomial keeps its coefficient in the shifted
   * expansion (its shifted form's leading term cannot cancel), so if it contains a symbol without
   * upper bound, it makes that side unbounded. {@code Eq(s2*s3, s5)} over sizes is such a case:
   * {@code s2*s3} is unbounded above, {@code -s5} below.
   */
  private static boolean unboundedBothWays(IntExpr d, Function<Sym, IntRange> ranges) {
    if (d.kind() != ExprKind.ADD) {
      return false;
    }
    Add a = (Add) d;
    List<IntExpr> ms = a.monomials();
    boolean up = false;
    boolean down = false;
    for (int i = 0; i < ms.size() && !(up && down); i++) {
      IntExpr m = ms.get(i);
      boolean maximal = true;
      for (int j = 0; j < ms.size() && maximal; j++) {
        if (j != i && Monomials.divides(m, ms.get(j))) {
          maximal = false;
        }
      }
      if (!maximal || !hasUnboundedSymbol(m, ranges)) {
        continue;
      }
      if (a.coefficients().get(i).signum() > 0) {
        up = true;
      } else {
        down = true;
      }
    }
    return up && down;
  }

  private static boolean hasUnboundedSymbol(IntExpr m, Function<Sym, IntRange> ranges) {
    for (Sym s : m.freeSymbols()) {
      if (!ranges.apply(s).upper().isFinite()) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} is or has (as a monomial) a product. */
  private static boolean hasProduct(IntExpr e) {
    if (e.kind() == ExprKind.MUL) {
      return true;
    }
    if (e.kind() == ExprKind.ADD) {
      for (IntExpr m : ((Add) e).monomials()) {
        if (m.kind() == ExprKind.MUL) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNonLinearPolynomial(IntExpr e) {
    if (e.kind() == ExprKind.MUL) {
      return onlySymbolBases((Mul) e);
    }
    if (e.kind() != ExprKind.ADD) {
      return false;
    }
    boolean nonLinear = false;
    for (IntExpr m : ((Add) e).monomials()) {
      if (m.kind() == ExprKind.MUL) {
        if (!onlySymbolBases((Mul) m)) {
          return false;
        }
        nonLinear = true;
      } else if (m.kind() != ExprKind.SYMBOL) {
        return false;
      }
    }
    return nonLinear;
  }

  private static boolean onlySymbolBases(Mul m) {
    for (IntExpr b : m.bases()) {
      if (b.kind() != ExprKind.SYMBOL) {
        return false;
      }
    }
    return true;
  }

  private static Truth compareWithZero(ExprKind op, IntRange d) {
    int lo = d.lower().signum();
    int hi = d.upper().signum();
    switch (op) {
      case LT:
        return hi < 0 ? Truth.TRUE : lo >= 0 ? Truth.FALSE : Truth.UNKNOWN;
      case LE:
        return hi <= 0 ? Truth.TRUE : lo > 0 ? Truth.FALSE : Truth.UNKNOWN;
      case GT:
        return lo > 0 ? Truth.TRUE : hi <= 0 ? Truth.FALSE : Truth.UNKNOWN;
      case GE:
        return lo >= 0 ? Truth.TRUE : hi < 0 ? Truth.FALSE : Truth.UNKNOWN;
      case EQ:
        return (lo > 0 || hi < 0) ? Truth.FALSE : (lo == 0 && hi == 0) ? Truth.TRUE : Truth.UNKNOWN;
      case NE:
        return (lo > 0 || hi < 0) ? Truth.TRUE : (lo == 0 && hi == 0) ? Truth.FALSE : Truth.UNKNOWN;
      default:
        return Truth.UNKNOWN;
    }
  }

  // ---- reasons ----

  /**
   * The facts a decision rests on, made minimal for error messages: for a decision by ranges, each
   * bound set by a fact is dropped in turn and kept only if the answer needs it (only called on
   * error paths, as it re-runs the range tier once per bound).
   */
  ImmutableList<Fact> minimalReasons(BoolExpr original, Decision d, EvalMode mode) {
    if (d.decidedBy() != Tier.RANGE || !d.truth().isKnown()) {
      return d.reasons();
    }
    BoolExpr e = d.simplified();
    List<Sym> lowers = new ArrayList<>();
    List<Sym> uppers = new ArrayList<>();
    for (Sym s : e.freeSymbols()) {
      if (facts.lowerFact(s) != null) {
        lowers.add(s);
      }
      if (facts.upperFact(s) != null) {
        uppers.add(s);
      }
    }
    Set<Sym> droppedLo = new java.util.HashSet<>();
    Set<Sym> droppedHi = new java.util.HashSet<>();
    Function<Sym, IntRange> base = rangeEnv(mode);
    Function<Sym, IntRange> env =
        s -> {
          IntRange r = base.apply(s);
          Bound lo = droppedLo.contains(s) ? Bound.NEG_INT_OO : r.lower();
          Bound hi = droppedHi.contains(s) ? Bound.INT_OO : r.upper();
          return IntRange.of(lo, hi);
        };
    for (Sym s : lowers) {
      droppedLo.add(s);
      if (rangeTruth(e, env) != d.truth()) {
        droppedLo.remove(s);
      }
    }
    for (Sym s : uppers) {
      droppedHi.add(s);
      if (rangeTruth(e, env) != d.truth()) {
        droppedHi.remove(s);
      }
    }
    List<Fact> out = new ArrayList<>();
    for (Sym s : lowers) {
      if (!droppedLo.contains(s)) {
        add(out, facts.lowerFact(s));
      }
    }
    for (Sym s : uppers) {
      if (!droppedHi.contains(s)) {
        add(out, facts.upperFact(s));
      }
    }
    for (Fact r : replacementReasons(original)) {
      add(out, r);
    }
    return ImmutableList.copyOf(out);
  }

  private Truth rangeTruth(BoolExpr e, Function<Sym, IntRange> ranges) {
    BoolRange br = RangeAnalyzer.create().bound(e, ranges);
    if (!br.isUnknown()) {
      return Truth.of(br.isTrue());
    }
    return e.kind().isRelation() ? shiftedRange((Relation) e, ranges) : Truth.UNKNOWN;
  }

  private ImmutableList<Fact> rangeReasons(BoolExpr original, BoolExpr e) {
    List<Fact> out = new ArrayList<>();
    for (Sym s : e.freeSymbols()) {
      add(out, facts.lowerFact(s));
      add(out, facts.upperFact(s));
    }
    out.addAll(replacementReasons(original));
    return ImmutableList.copyOf(out);
  }

  private ImmutableList<Fact> replacementReasons(BoolExpr original) {
    List<Fact> out = new ArrayList<>();
    for (Sym s : original.freeSymbols()) {
      var r = facts.replacements.get(s);
      if (r != null) {
        add(out, r.fact());
      }
    }
    return ImmutableList.copyOf(out);
  }

  private static void add(List<Fact> out, Fact fact) {
    if (fact != null && !out.contains(fact)) {
      out.add(fact);
    }
  }

  public long queries() {
    return queries;
  }

  public long cacheHits() {
    return cacheHits;
  }

  public long[] byTier() {
    return byTier.clone();
  }

  public long extraNanos() {
    return extraNanos;
  }

  ImmutableMap<Tier, Long> counts() {
    ImmutableMap.Builder<Tier, Long> b = ImmutableMap.builder();
    for (Tier t : Tier.values()) {
      b.put(t, byTier[t.ordinal()]);
    }
    return b.build();
  }
}
