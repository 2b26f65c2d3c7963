package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.DivisionByZeroException;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Truth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Tier 3: the guards and runtime asserts known true, and what they imply.
 *
 * <p>Each relational axiom is normalized to a {@link LinearForm} {@code P op c}; the store keeps,
 * per polynomial {@code P}, the tightest known bounds and the values {@code P} cannot take. A query
 * normalized to the same {@code P} is decided by interval arithmetic, which covers PyTorch's
 * implications ({@code a < b} implies {@code a <= b}, {@code a != b}, {@code a <= b - 1}; {@code
 * Eq} both ways) and more ({@code a < b} implies {@code a <= b + 5}). Lookup is a hash probe, so
 * the cost of a query does not grow with the number of axioms (PyTorch issue #123964).
 * Non-relational axioms ({@code Or}, negated conjunctions) are matched exactly.
 *
 * <p>When a symbol is replaced, the axioms that mention it are re-normalized; the old entries stay,
 * as they are still true statements about the old polynomials, which queries no longer mention.
 */
final class AxiomStore {
  /** A decision with the facts it used. */
  record Answer(Truth truth, ImmutableList<Fact> reasons) {}

  private static final Answer UNKNOWN = new Answer(Truth.UNKNOWN, ImmutableList.of());

  private static final class Bounds {
    IntValue lo; // null: unbounded
    IntValue hi;
    Fact loFact;
    Fact hiFact;
    final Map<IntValue, Fact> excluded = new HashMap<>();
  }

  private static final class Entry {
    BoolExpr current;
    final Fact fact;
    final java.util.Set<Sym> indexed = new java.util.HashSet<>();

    Entry(BoolExpr current, Fact fact) {
      this.current = current;
      this.fact = fact;
    }
  }

  private final ExprFactory f;
  private final UndoLog undo;
  private final Consumer<Sym> touched;

  /**
   * The last relation normalized, and its form: {@code check} decides a relation and then adds it,
   * which would normalize it twice.
   */
  private Relation lastRelation;

  private LinearForm lastForm;
  private final Map<IntExpr, Bounds> forms = new HashMap<>();
  private final Map<BoolExpr, Fact> opaque = new HashMap<>();
  private final Map<Sym, List<Entry>> bySymbol = new HashMap<>();
  private int size;

  /**
   * A store whose changes are recorded in {@code undo}; {@code touched} is told of the symbols of
   * an axiom that a replacement rewrote (their facts changed: cached decisions about them are
   * stale).
   */
  AxiomStore(ExprFactory f, UndoLog undo, Consumer<Sym> touched) {
    this.f = f;
    this.undo = undo;
    this.touched = touched;
  }

  /** The number of axioms added. */
  int size() {
    return size;
  }

  /**
   * Adds an axiom, already rewritten with the current replacements.
   *
   * @throws ContradictionException if it contradicts the axioms already known
   */
  void add(BoolExpr axiom, Fact fact) {
    if (axiom.kind() == ExprKind.AND) {
      for (BoolExpr a : ((Logic) axiom).args()) {
        add(a, fact);
      }
      return;
    }
    if (axiom.isTrue()) {
      return;
    }
    Entry e = new Entry(axiom, fact);
    size++;
    undo.record(() -> size--);
    index(e, axiom);
    apply(axiom, fact);
  }

  /**
   * Re-normalizes the axioms that mention {@code s} after {@code s} was replaced because of {@code
   * cause}.
   *
   * @throws ContradictionException if an axiom becomes false or divides by zero (it was evaluated,
   *     so its divisors are not 0): {@code cause} (null: a range without a fact) contradicts it
   */
  void reindex(Sym s, UnaryOperator<BoolExpr> replace, Fact cause) {
    List<Entry> list = bySymbol.get(s);
    if (list == null) {
      return;
    }
    BoolExpr causeExpr = cause == null ? f.trueExpr() : cause.expr();
    String causeText = cause == null ? "the new range of " + s : causeExpr.toString();
    for (Entry e : new ArrayList<>(list)) {
      BoolExpr old = e.current;
      BoolExpr now;
      try {
        now = replace.apply(old);
      } catch (DivisionByZeroException zero) {
        if (!evaluatedByFact(old, zero)) {
          throw zero; // in a branch evaluation may skip: no contradiction, but no value either
        }
        throw new ContradictionException(
            causeText
                + " can never hold: "
                + e.fact.describe()
                + " evaluates "
                + zero.division().map(Object::toString).orElse("a division")
                + ", whose divisor would be 0",
            causeExpr,
            List.of(e.fact));
      }
      if (now == old) {
        continue;
      }
      if (now.isFalse()) {
        throw new ContradictionException(
            causeText + " can never hold: it contradicts " + e.fact.describe(),
            causeExpr,
            List.of(e.fact));
      }
      e.current = now;
      undo.record(() -> e.current = old);
      index(e, now);
      now.freeSymbols().forEach(touched);
      try {
        if (now.kind() == ExprKind.AND) {
          for (BoolExpr a : ((Logic) now).args()) {
            apply(a, e.fact);
          }
        } else if (!now.isTrue()) {
          apply(now, e.fact);
        }
      } catch (ContradictionException known) {
        // The rewritten axiom is impossible (Eq(4*u1, 6) after u0 -> 4 in Eq(u0*u1, 6)): the new
        // fact behind the replacement is what cannot hold.
        List<Fact> reasons = new ArrayList<>();
        reasons.add(e.fact);
        for (Fact r : known.conflicting()) {
          addIfPresent(reasons, r, cause);
        }
        throw new ContradictionException(
            causeText + " can never hold: it contradicts " + describe(reasons), causeExpr, reasons);
      }
    }
  }

  /** Whether the division that {@code zero} names is evaluated whenever {@code fact} is. */
  private static boolean evaluatedByFact(BoolExpr fact, DivisionByZeroException zero) {
    if (zero.division().isEmpty()) {
      return false;
    }
    List<IntExpr> divisors = Divisions.divisorsOf(zero.division().get());
    boolean[] found = {false};
    Divisions.requiredDivisors(fact, d -> found[0] |= divisors.contains(d));
    return found[0];
  }

  private void index(Entry e, BoolExpr expr) {
    for (Sym s : expr.freeSymbols()) {
      if (!e.indexed.add(s)) {
        continue;
      }
      undo.record(() -> e.indexed.remove(s));
      List<Entry> list = bySymbol.get(s);
      if (list == null) {
        List<Entry> fresh = new ArrayList<>();
        bySymbol.put(s, fresh);
        undo.record(() -> bySymbol.remove(s));
        list = fresh;
      }
      list.add(e);
      List<Entry> l = list;
      undo.record(() -> l.remove(l.size() - 1));
    }
  }

  private void apply(BoolExpr a, Fact fact) {
    if (a.isFalse()) {
      throw new ContradictionException(
          fact.expr() + " can never hold given the known facts", fact.expr(), List.of(fact));
    }
    if (!a.kind().isRelation()) {
      if (!opaque.containsKey(a)) {
        opaque.put(a, fact);
        undo.record(() -> opaque.remove(a));
      }
      return;
    }
    LinearForm lf = form((Relation) a);
    switch (lf.op) {
      case TRUE:
        return;
      case FALSE:
        throw new ContradictionException(
            fact.expr() + " can never hold for integer values", fact.expr(), List.of(fact));
      default:
        break;
    }
    Bounds b = forms.get(lf.poly);
    if (b == null) {
      Bounds fresh = new Bounds();
      forms.put(lf.poly, fresh);
      undo.record(() -> forms.remove(lf.poly));
      b = fresh;
    }
    IntValue c = lf.constant;
    switch (lf.op) {
      case LE:
        tightenHi(b, c, fact);
        break;
      case GE:
        tightenLo(b, c, fact);
        break;
      case EQ:
        tightenLo(b, c, fact);
        tightenHi(b, c, fact);
        break;
      case NE:
        if (!b.excluded.containsKey(c)) {
          Bounds bb = b;
          b.excluded.put(c, fact);
          undo.record(() -> bb.excluded.remove(c));
        }
        break;
      default:
        break;
    }
    normalizeEnds(b, lf.poly, fact);
  }

  private void tightenLo(Bounds b, IntValue v, Fact fact) {
    if (b.lo == null || v.compareTo(b.lo) > 0) {
      IntValue old = b.lo;
      Fact oldFact = b.loFact;
      b.lo = v;
      b.loFact = fact;
      undo.record(
          () -> {
            b.lo = old;
            b.loFact = oldFact;
          });
    }
  }

  private void tightenHi(Bounds b, IntValue v, Fact fact) {
    if (b.hi == null || v.compareTo(b.hi) < 0) {
      IntValue old = b.hi;
      Fact oldFact = b.hiFact;
      b.hi = v;
      b.hiFact = fact;
      undo.record(
          () -> {
            b.hi = old;
            b.hiFact = oldFact;
          });
    }
  }

  /** Moves bounds past excluded end values and detects empty intervals. */
  private void normalizeEnds(Bounds b, IntExpr poly, Fact fact) {
    for (int guard = 0; guard < 64; guard++) {
      if (b.lo != null && b.excluded.containsKey(b.lo)) {
        tightenLo(b, b.lo.add(IntValue.ONE), b.excluded.get(b.lo));
      } else if (b.hi != null && b.excluded.containsKey(b.hi)) {
        tightenHi(b, b.hi.subtract(IntValue.ONE), b.excluded.get(b.hi));
      } else {
        break;
      }
    }
    if (b.lo != null && b.hi != null && b.lo.compareTo(b.hi) > 0) {
      List<Fact> reasons = new ArrayList<>();
      addIfPresent(reasons, b.loFact, fact);
      addIfPresent(reasons, b.hiFact, fact);
      throw new ContradictionException(
          fact.expr() + " can never hold given the known facts about " + poly,
          fact.expr(),
          reasons);
    }
  }

  private static String describe(List<Fact> facts) {
    StringBuilder sb = new StringBuilder();
    for (Fact fact : facts) {
      if (sb.length() > 0) {
        sb.append(" and ");
      }
      sb.append(fact.describe());
    }
    return sb.toString();
  }

  private static void addIfPresent(List<Fact> out, Fact f, Fact except) {
    if (f != null && f != except && !out.contains(f)) {
      out.add(f);
    }
  }

  private LinearForm form(Relation r) {
    if (r != lastRelation) {
      lastForm = LinearForm.of(f, r);
      lastRelation = r;
    }
    return lastForm;
  }

  /** Decides {@code q} (already rewritten with the current replacements). */
  Answer decide(BoolExpr q, Function<IntExpr, IntRange> rangeOf) {
    if (q.kind().isRelation()) {
      LinearForm lf = form((Relation) q);
      switch (lf.op) {
        case TRUE:
          return new Answer(Truth.TRUE, ImmutableList.of());
        case FALSE:
          return new Answer(Truth.FALSE, ImmutableList.of());
        default:
          return decideForm(lf, rangeOf);
      }
    }
    Fact hit = opaque.get(q);
    if (hit != null) {
      return new Answer(Truth.TRUE, ImmutableList.of(hit));
    }
    if (q.kind() == ExprKind.OR || q.kind() == ExprKind.AND || q.kind() == ExprKind.NOT) {
      Fact neg = opaque.get(f.not(q));
      if (neg != null) {
        return new Answer(Truth.FALSE, ImmutableList.of(neg));
      }
    }
    return UNKNOWN;
  }

  private Answer decideForm(LinearForm lf, Function<IntExpr, IntRange> rangeOf) {
    Bounds b = forms.get(lf.poly);
    if (b == null) {
      return UNKNOWN;
    }
    IntRange r = rangeOf.apply(lf.poly);
    IntValue lo = b.lo;
    IntValue hi = b.hi;
    Fact loFact = b.loFact;
    Fact hiFact = b.hiFact;
    if (r.lower().isFinite() && (lo == null || r.lower().value().compareTo(lo) > 0)) {
      lo = r.lower().value();
      loFact = null;
    }
    if (r.upper().isFinite() && (hi == null || r.upper().value().compareTo(hi) < 0)) {
      hi = r.upper().value();
      hiFact = null;
    }
    IntValue c = lf.constant;
    Truth t;
    List<Fact> reasons = new ArrayList<>(2);
    switch (lf.op) {
      case LE:
        if (hi != null && hi.compareTo(c) <= 0) {
          t = Truth.TRUE;
          addIfPresent(reasons, hiFact, null);
        } else if (lo != null && lo.compareTo(c) > 0) {
          t = Truth.FALSE;
          addIfPresent(reasons, loFact, null);
        } else {
          t = Truth.UNKNOWN;
        }
        break;
      case GE:
        if (lo != null && lo.compareTo(c) >= 0) {
          t = Truth.TRUE;
          addIfPresent(reasons, loFact, null);
        } else if (hi != null && hi.compareTo(c) < 0) {
          t = Truth.FALSE;
          addIfPresent(reasons, hiFact, null);
        } else {
          t = Truth.UNKNOWN;
        }
        break;
      default:
        {
          Truth eq;
          if (lo != null && hi != null && lo.equals(c) && hi.equals(c)) {
            eq = Truth.TRUE;
            addIfPresent(reasons, loFact, null);
            addIfPresent(reasons, hiFact, null);
          } else if ((lo != null && c.compareTo(lo) < 0)) {
            eq = Truth.FALSE;
            addIfPresent(reasons, loFact, null);
          } else if (hi != null && c.compareTo(hi) > 0) {
            eq = Truth.FALSE;
            addIfPresent(reasons, hiFact, null);
          } else if (b.excluded.containsKey(c)) {
            eq = Truth.FALSE;
            addIfPresent(reasons, b.excluded.get(c), null);
          } else {
            eq = Truth.UNKNOWN;
          }
          t = lf.op == LinearForm.Op.EQ ? eq : eq.not();
          break;
        }
    }
    if (t == Truth.UNKNOWN) {
      return UNKNOWN;
    }
    return new Answer(t, ImmutableList.copyOf(reasons));
  }

  /** The bounds the axioms give {@code poly} (normalized), for diagnostics; all() when none. */
  IntRange boundsOf(IntExpr poly) {
    Bounds b = forms.get(poly);
    if (b == null) {
      return IntRange.all();
    }
    return IntRange.of(
        b.lo == null ? Bound.NEG_INT_OO : Bound.of(b.lo),
        b.hi == null ? Bound.INT_OO : Bound.of(b.hi));
  }
}
