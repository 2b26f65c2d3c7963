package dev.symshapes.solver.internal;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntConst;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Substitution;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import dev.symshapes.expr.solve.LinearSolver;
import dev.symshapes.expr.solve.SignOracle;
import dev.symshapes.expr.solve.Solution;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.DivisionByZeroException;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Location;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.ReplacementReason;
import dev.symshapes.solver.SymbolInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Learning from facts, as PyTorch's {@code _maybe_guard_rel}, {@code _refine_ranges}, {@code
 * _set_replacement} and {@code _find}: a new guard or runtime assert narrows symbol ranges (by
 * isolating each symbol with {@link LinearSolver}), an equality eliminates a symbol (the one
 * PyTorch would pick, so logs match: unbacked first, then the larger hint, then the larger name),
 * and replacement chains are compressed when looked up.
 */
public final class Refiner {
  private static final int MAX_SYMBOLS_TO_SOLVE = 5;

  private final FactBase facts;
  private final Events events;
  private final ExprFactory f;
  private final Function<Optional<Location>, Sym> freshUnbacked;

  /**
   * A refiner of {@code facts}; {@code freshUnbacked} creates an unbacked symbol (for the quotient
   * of a divisibility fact about an unbacked symbol).
   */
  Refiner(FactBase facts, Events events, Function<Optional<Location>, Sym> freshUnbacked) {
    this.facts = facts;
    this.events = events;
    this.f = facts.f;
    this.freshUnbacked = freshUnbacked;
  }

  // ---- replacements ----

  /** {@code e} with every replaced symbol substituted by its (fully resolved) target. */
  public IntExpr replace(IntExpr e) {
    return (IntExpr) replaceAny(e);
  }

  /** {@code e} with every replaced symbol substituted by its (fully resolved) target. */
  public BoolExpr replace(BoolExpr e) {
    return (BoolExpr) replaceAny(e);
  }

  /**
   * {@code e} with every replaced symbol substituted (the result of an integer expression is an
   * integer expression, not necessarily of {@code e}'s class: a symbol may become a sum).
   */
  public Expr replaceAny(Expr e) {
    boolean any = false;
    for (Sym s : e.freeSymbols()) {
      if (facts.replacements.containsKey(s)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return e;
    }
    try {
      return Substitution.apply(e, s -> facts.replacements.containsKey(s) ? find(s) : null);
    } catch (ArithmeticException zeroDivisor) {
      // The only arithmetic error of substitution (integers are exact): a divisor became 0.
      throw divisionByZero(e, zeroDivisor);
    }
  }

  /**
   * The error for {@code e}, whose substitution failed with {@code cause}: names the division whose
   * divisor the replacements make 0, and the facts behind those replacements.
   */
  private DivisionByZeroException divisionByZero(Expr e, ArithmeticException cause) {
    Divisions.Zero z =
        Divisions.findZero(
            e,
            d -> {
              try {
                return replace(d).constantValue();
              } catch (DivisionByZeroException inner) {
                return null; // a division inside the divisor; found first, as children come first
              }
            });
    if (z == null) {
      DivisionByZeroException ex =
          new DivisionByZeroException(
              cause.getMessage() + " when applying the replacements to " + e, e, null);
      ex.initCause(cause);
      return ex;
    }
    List<Fact> reasons = new ArrayList<>();
    for (Sym s : z.divisor().freeSymbols()) {
      Replacement r = facts.replacements.get(s);
      if (r != null && r.fact() != null && !reasons.contains(r.fact())) {
        reasons.add(r.fact());
      }
    }
    String why = reasons.isEmpty() ? "" : describeReasons(reasons);
    return new DivisionByZeroException(z.describeIn(e) + why, e, z.division());
  }

  /**
   * The current representative of {@code s}: itself when it is not replaced, else its target with
   * every replaced symbol resolved. Compresses the chain it walks (logged as {@code find}).
   */
  public IntExpr find(Sym s) {
    Replacement r = facts.replacements.get(s);
    if (r == null) {
      return s;
    }
    // Walk a chain of symbol-to-symbol replacements iteratively (chains can be long).
    List<Sym> chain = new ArrayList<>();
    IntExpr target = r.target();
    chain.add(s);
    while (target.kind() == ExprKind.SYMBOL && facts.replacements.containsKey((Sym) target)) {
      Sym next = (Sym) target;
      chain.add(next);
      target = facts.replacements.get(next).target();
    }
    IntExpr resolved = resolveTarget(target);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Sym c = chain.get(i);
      Replacement cr = facts.replacements.get(c);
      if (cr.target() != resolved) {
        setReplacement(c, resolved, ReplacementReason.FIND, cr.fact());
      }
    }
    return resolved;
  }

  private IntExpr resolveTarget(IntExpr target) {
    boolean any = false;
    for (Sym x : target.freeSymbols()) {
      if (facts.replacements.containsKey(x)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return target;
    }
    return Substitution.apply(target, x -> facts.replacements.containsKey(x) ? find(x) : null);
  }

  /**
   * Replaces {@code a} by {@code target}, first narrowing {@code a}'s range to the target's bounds
   * (and the target's symbol to what {@code a} allows); skips the replacement, as PyTorch does,
   * when the target can take values outside {@code a}'s range.
   */
  void setReplacement(Sym a, IntExpr target, ReplacementReason reason, Fact fact) {
    IntExpr tgt = replace(target);
    if (tgt == a || tgt.freeSymbols().contains(a)) {
      return;
    }
    Replacement existing = facts.replacements.get(a);
    if (existing != null && existing.target() == tgt) {
      return;
    }
    if (facts.hasRange(a)) {
      IntRange tb = bound(tgt);
      narrow(a, tb, fact, Singleton.KEEP); // a is about to be replaced anyway
      IntRange src = facts.range(a);
      tb = bound(tgt);
      if (!tb.isSubsetOf(src) && tgt.freeSymbols().size() == 1) {
        // Inverse propagation: the target's symbol must keep the target inside a's range.
        Sym b = tgt.freeSymbols().iterator().next();
        if (src.lower().isFinite()) {
          refineSymbol((Relation) f.ge(tgt, f.integer(src.lower().value())), b, fact);
        }
        if (src.upper().isFinite()) {
          refineSymbol((Relation) f.le(tgt, f.integer(src.upper().value())), b, fact);
        }
        tb = bound(tgt);
      }
      if (!tb.isSubsetOf(facts.range(a))) {
        return;
      }
    }
    forceReplacement(a, tgt, reason, fact);
  }

  /** Records {@code a -> tgt} without range checks (the caller vouches for it). */
  void forceReplacement(Sym a, IntExpr tgt, ReplacementReason reason, Fact fact) {
    facts.putReplacement(new Replacement(a, tgt, reason, fact));
    events.setReplacement(a, tgt, reason, facts.range(a));
    facts.axioms.reindex(a, this::replace, fact);
  }

  /** Whether a range narrowed to one value replaces its symbol by that value. */
  enum Singleton {
    /** Replace the symbol ({@code range_refined_to_singleton}), as PyTorch's range refinement. */
    REPLACE,
    /** Keep the symbol (its replacement is being set by the caller). */
    KEEP
  }

  /** Narrows {@code s}'s range to {@code r}, logging the change; an empty result is an error. */
  void narrow(Sym s, IntRange r, Fact fact) {
    narrow(s, r, fact, Singleton.REPLACE);
  }

  private void narrow(Sym s, IntRange r, Fact fact, Singleton singleton) {
    IntRange old = facts.range(s);
    Optional<IntRange> n = old.tryIntersect(r);
    if (n.isEmpty()) {
      List<Fact> reasons = boundFacts(s);
      throw new ContradictionException(
          (fact == null ? "a new fact" : fact.expr().toString())
              + " can never hold: it needs "
              + s
              + " in "
              + r
              + " but "
              + s
              + " is in "
              + old
              + describeReasons(reasons),
          fact == null ? f.trueExpr() : fact.expr(),
          reasons);
    }
    IntRange nr = n.get();
    if (nr.equals(old) && facts.hasRange(s)) {
      return;
    }
    facts.setRange(s, nr, fact);
    events.updateRange(s, nr);
    if (singleton == Singleton.REPLACE && nr.isSingleton() && !facts.replacements.containsKey(s)) {
      setReplacement(
          s, f.integer(nr.lower().value()), ReplacementReason.RANGE_REFINED_TO_SINGLETON, fact);
    }
  }

  static String describeReasons(List<Fact> reasons) {
    if (reasons.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" because of ");
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        sb.append(" and ");
      }
      sb.append(reasons.get(i).describe());
    }
    return sb.toString();
  }

  // ---- learning from a new fact ----

  /** Learns from a fact that was just established (a guard or a runtime assert). */
  void learn(BoolExpr g, Fact fact) {
    if (g.kind() == ExprKind.AND) {
      for (BoolExpr a : ((Logic) g).args()) {
        learn(a, fact);
      }
      return;
    }
    if (!g.kind().isRelation() || g.kind() == ExprKind.NE) {
      return; // Ne narrows no range and solves nothing (the axiom store keeps it)
    }
    BoolExpr r = replace(g);
    if (!r.kind().isRelation()) {
      return;
    }
    refineRanges((Relation) r, fact);
    if (g.kind() == ExprKind.EQ) {
      BoolExpr again = replace(g);
      if (again.kind() == ExprKind.EQ) {
        solveEquality((Relation) again, fact);
      }
    }
  }

  private void refineRanges(Relation r, Fact fact) {
    for (Sym x : r.freeSymbols()) {
      if (facts.replacements.containsKey(x)) {
        continue; // eliminated by an earlier step of this loop
      }
      refineSymbol(r, x, fact);
    }
  }

  /** Narrows {@code x} to the values {@code r} allows, given the ranges of its other symbols. */
  private void refineSymbol(Relation r, Sym x, Fact fact) {
    LinearBounds.Refinement fast = LinearBounds.refine(r, x, facts::range);
    switch (fast.outcome()) {
      case RANGE:
        narrow(x, fast.range(), fact);
        return;
      case NO_VALUE:
        throw new ContradictionException(
            fact.expr() + " can never hold: no integer " + x + " satisfies " + r,
            fact.expr(),
            List.of());
      default:
        break;
    }
    if (r.kind() == ExprKind.EQ && Monomials.noPolynomialSolution(r.lhs(), r.rhs(), x)) {
      return; // the solver would give up: x times a symbolic factor equals a non-multiple
    }
    Solution sol = LinearSolver.solve(r, x, signs());
    if (sol instanceof Solution.Solved solved) {
      Relation s = solved.relation();
      IntRange nr = rangeFor(s.kind(), bound(s.rhs()));
      if (nr != null) {
        narrow(x, nr, fact);
      }
    }
  }

  /** The values of x allowed by {@code x op rhs} where {@code rhs} ranges over {@code rb}. */
  private static IntRange rangeFor(ExprKind op, IntRange rb) {
    Bound lo = rb.lower();
    Bound hi = rb.upper();
    switch (op) {
      case EQ:
        return rb;
      case GE:
        return IntRange.of(lo, Bound.INT_OO);
      case GT:
        return IntRange.of(
            lo.isFinite() ? Bound.of(lo.value().add(IntValue.ONE)) : lo, Bound.INT_OO);
      case LE:
        return IntRange.of(Bound.NEG_INT_OO, hi);
      case LT:
        return IntRange.of(
            Bound.NEG_INT_OO, hi.isFinite() ? Bound.of(hi.value().subtract(IntValue.ONE)) : hi);
      default:
        return null;
    }
  }

  private void solveEquality(Relation r, Fact fact) {
    List<Sym> syms = new ArrayList<>(r.freeSymbols());
    if (syms.size() > MAX_SYMBOLS_TO_SOLVE) {
      return;
    }
    if (divisibility(r, fact)) {
      return;
    }
    syms.sort(eliminationOrder());
    for (Sym x : syms) {
      if (Monomials.noPolynomialSolution(r.lhs(), r.rhs(), x)) {
        continue;
      }
      Solution sol = LinearSolver.solve(r, x, signs());
      if (sol instanceof Solution.Solved solved && solved.relation().kind() == ExprKind.EQ) {
        IntExpr rhs = solved.relation().rhs();
        if (allowed(x, rhs)) {
          setReplacement(x, rhs, ReplacementReason.SOLVE, fact);
          return;
        }
      }
    }
  }

  /**
   * PyTorch's choice of the symbol an equality eliminates: unbacked before backed, then the larger
   * hint, then the larger name ({@code Eq(s2, s4)} eliminates {@code s4}).
   */
  private Comparator<Sym> eliminationOrder() {
    return (a, b) -> {
      SymbolInfo ia = facts.info.get(a);
      SymbolInfo ib = facts.info.get(b);
      boolean ua = ia == null || ia.isUnbacked();
      boolean ub = ib == null || ib.isUnbacked();
      if (ua != ub) {
        return ua ? -1 : 1;
      }
      if (!ua) {
        int c = ib.hint().get().compareTo(ia.hint().get());
        if (c != 0) {
          return c;
        }
      }
      return b.name().compareTo(a.name());
    };
  }

  /**
   * Whether {@code x} may be replaced by {@code rhs}: a backed symbol only by backed symbols; an
   * unbacked symbol never by an unbacked symbol created after it (no "time travel").
   */
  private boolean allowed(Sym x, IntExpr rhs) {
    SymbolInfo xi = facts.info.get(x);
    for (Sym s : rhs.freeSymbols()) {
      SymbolInfo si = facts.info.get(s);
      if (si == null || xi == null) {
        return false;
      }
      if (si.isUnbacked() && (!xi.isUnbacked() || si.index() > xi.index())) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code Eq(Mod(c*s, q), 0)} for a symbol {@code s} and constants {@code c}, {@code q} says that
   * {@code k = |q|/gcd(q, c)} divides {@code s}. For a backed symbol this is recorded as a
   * divisibility fact (PyTorch's {@code divisible} set); an unbacked symbol is replaced by {@code
   * k*u} with a fresh unbacked {@code u} (reason {@code divisibility}), as PyTorch does.
   */
  private boolean divisibility(Relation r, Fact fact) {
    IntExpr mod = null;
    if (r.rhs() == f.zero()) {
      mod = modAtom(r.lhs());
    } else if (r.lhs() == f.zero()) {
      mod = modAtom(r.rhs());
    }
    if (mod == null) {
      return false;
    }
    IntCall m = (IntCall) mod;
    IntExpr arg = m.intArg(0);
    if (m.intArg(1).kind() != ExprKind.INT_CONST || arg.freeSymbols().size() != 1) {
      return true;
    }
    Sym s = arg.freeSymbols().iterator().next();
    IntValue c =
        ExprInterpreter.evaluate(arg, x -> IntValue.ONE)
            .subtract(ExprInterpreter.evaluate(arg, x -> IntValue.ZERO));
    IntValue q = ((IntConst) m.intArg(1)).value().abs();
    if (c.isZero() || f.scale(s, c) != arg || q.isZero()) {
      return true;
    }
    IntValue k = q.floorDiv(q.gcd(c.abs()));
    if (k.isOne()) {
      return true;
    }
    if (alignToMultiple(facts.range(s), k) == null) {
      throw noMultiple(s, k, fact);
    }
    SymbolInfo si = facts.info.get(s);
    if (si != null && si.isUnbacked()) {
      Sym quotient = freshUnbacked.apply(fact.location());
      IntRange rs = facts.range(s);
      narrow(quotient, divideRange(rs, k), fact);
      if (facts.sizeLike.contains(s)) {
        facts.markSizeLike(quotient);
      }
      setReplacement(s, f.scale(quotient, k), ReplacementReason.DIVISIBILITY, fact);
      return true;
    }
    IntValue old = facts.divisors.get(s);
    IntValue merged = old == null ? k : lcm(old, k);
    if (!merged.equals(old)) {
      facts.putDivisor(s, merged);
      IntRange aligned = alignToMultiple(facts.range(s), merged);
      if (aligned == null) {
        throw noMultiple(s, merged, fact);
      }
      narrow(s, aligned, fact);
    }
    return true;
  }

  /**
   * {@code Mod(a, m)} when {@code e} is it or a non-zero multiple of it ({@code Mod(6*u, 4)} is
   * canonically {@code 2*Mod(u, 2)}); else null.
   */
  private static IntExpr modAtom(IntExpr e) {
    if (e.kind() == ExprKind.MOD) {
      return e;
    }
    if (e.kind() == ExprKind.ADD) {
      Add a = (Add) e;
      if (a.constant().isZero()
          && a.monomials().size() == 1
          && a.monomials().get(0).kind() == ExprKind.MOD) {
        return a.monomials().get(0);
      }
    }
    return null;
  }

  /** The values {@code v} with {@code k*v} in {@code r} ({@code k > 0}). */
  private static IntRange divideRange(IntRange r, IntValue k) {
    Bound lo = r.lower();
    Bound hi = r.upper();
    if (lo.isFinite()) {
      lo = Bound.of(lo.value().negate().floorDiv(k).negate()); // ceiling
    }
    if (hi.isFinite()) {
      hi = Bound.of(hi.value().floorDiv(k));
    }
    return IntRange.of(lo, hi);
  }

  private static IntValue lcm(IntValue a, IntValue b) {
    return a.multiply(b).floorDiv(a.gcd(b)).abs();
  }

  private ContradictionException noMultiple(Sym s, IntValue k, Fact fact) {
    List<Fact> reasons = boundFacts(s);
    return new ContradictionException(
        fact.expr()
            + " can never hold: no multiple of "
            + k
            + " is in the range "
            + facts.range(s)
            + " of "
            + s
            + describeReasons(reasons),
        fact.expr(),
        reasons);
  }

  /** The facts that set the bounds of {@code s}. */
  private List<Fact> boundFacts(Sym s) {
    List<Fact> reasons = new ArrayList<>();
    if (facts.lowerFact(s) != null) {
      reasons.add(facts.lowerFact(s));
    }
    if (facts.upperFact(s) != null && !reasons.contains(facts.upperFact(s))) {
      reasons.add(facts.upperFact(s));
    }
    return reasons;
  }

  /**
   * The range with its finite ends moved inward to multiples of {@code m}; null when it holds no
   * multiple of {@code m}.
   */
  static IntRange alignToMultiple(IntRange r, IntValue m) {
    Bound lo = r.lower();
    Bound hi = r.upper();
    if (lo.isFinite()) {
      IntValue v = lo.value();
      IntValue rem = v.floorMod(m);
      lo = Bound.of(rem.isZero() ? v : v.add(m.subtract(rem)));
    }
    if (hi.isFinite()) {
      IntValue v = hi.value();
      hi = Bound.of(v.subtract(v.floorMod(m)));
    }
    return lo.compareTo(hi) > 0 ? null : IntRange.of(lo, hi);
  }

  // ---- bounds ----

  /** The range of {@code e} (already replaced) from the symbols' ranges. */
  public IntRange boundPublic(IntExpr e) {
    return bound(e);
  }

  IntRange bound(IntExpr e) {
    return RangeAnalyzer.create().bound(e, this::rangeOf);
  }

  IntRange rangeOf(Sym s) {
    return facts.range(s);
  }

  SignOracle signs() {
    return e -> {
      IntRange r = bound(e);
      if (r.lower().signum() > 0) {
        return SignOracle.Sign.POSITIVE;
      }
      if (r.upper().signum() < 0) {
        return SignOracle.Sign.NEGATIVE;
      }
      return SignOracle.Sign.UNKNOWN;
    };
  }
}
