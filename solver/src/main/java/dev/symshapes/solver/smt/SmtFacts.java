package dev.symshapes.solver.smt;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Replacement;
import java.util.HashMap;
import java.util.Map;

/**
 * The facts a shape environment keeps in other forms than guards, as boolean facts for the solver,
 * built only for the symbols of a query's cone and memoized per symbol while they are unchanged: a
 * symbol's finite range bounds ({@code int_oo} bounds are simply absent), a replacement as an
 * equality, a divisibility fact as {@code Eq(Mod(s, m), 0)}. Facts that are constantly true are
 * left out.
 */
final class SmtFacts {
  /** Memo entries kept per kind before that memo is cleared, to bound memory in long runs. */
  private static final int MAX_MEMO = 1 << 16;

  private record Bounds(IntRange range, ImmutableList<BoolExpr> facts) {}

  private record Keyed<K>(K key, ImmutableList<BoolExpr> facts) {}

  private final ExprFactory f;
  private final Map<Sym, Bounds> bounds = new HashMap<>();
  private final Map<Sym, Keyed<Replacement>> replacements = new HashMap<>();
  private final Map<Sym, Keyed<IntValue>> divisors = new HashMap<>();

  SmtFacts(ExprFactory f) {
    this.f = f;
  }

  /** {@code s >= lo} and {@code s <= hi} for the finite bounds of {@code r}. */
  ImmutableList<BoolExpr> bounds(Sym s, IntRange r) {
    Bounds b = bounds.get(s);
    if (b != null && b.range().equals(r)) {
      return b.facts();
    }
    ImmutableList.Builder<BoolExpr> out = ImmutableList.builder();
    if (r.lower().isFinite()) {
      add(out, f.ge(s, f.integer(r.lower().value())));
    }
    if (r.upper().isFinite()) {
      add(out, f.le(s, f.integer(r.upper().value())));
    }
    ImmutableList<BoolExpr> facts = out.build();
    remember(bounds, s, new Bounds(r, facts));
    return facts;
  }

  /** {@code Eq(s, target)}. */
  ImmutableList<BoolExpr> replacement(Replacement r) {
    Keyed<Replacement> k = replacements.get(r.symbol());
    if (k != null && k.key() == r) {
      return k.facts();
    }
    ImmutableList.Builder<BoolExpr> out = ImmutableList.builder();
    add(out, f.eq(r.symbol(), r.target()));
    ImmutableList<BoolExpr> facts = out.build();
    remember(replacements, r.symbol(), new Keyed<>(r, facts));
    return facts;
  }

  /** {@code Eq(Mod(s, m), 0)}. */
  ImmutableList<BoolExpr> divisor(Sym s, IntValue m) {
    Keyed<IntValue> k = divisors.get(s);
    if (k != null && k.key().equals(m)) {
      return k.facts();
    }
    ImmutableList.Builder<BoolExpr> out = ImmutableList.builder();
    add(out, f.eq(f.mod(s, f.integer(m)), f.zero()));
    ImmutableList<BoolExpr> facts = out.build();
    remember(divisors, s, new Keyed<>(m, facts));
    return facts;
  }

  private static <V> void remember(Map<Sym, V> memo, Sym s, V v) {
    if (memo.size() >= MAX_MEMO && !memo.containsKey(s)) {
      memo.clear();
    }
    memo.put(s, v);
  }

  private static void add(ImmutableList.Builder<BoolExpr> out, BoolExpr fact) {
    if (!fact.isTrue()) {
      out.add(fact);
    }
  }
}
