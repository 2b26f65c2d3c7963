package dev.symshapes.solver.smt;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.SymbolInfo;
import dev.symshapes.solver.eval.FactView;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything a shape environment knows, as a list of boolean facts for the solver: each symbol's
 * finite range bounds ({@code int_oo} bounds are simply absent), each replacement as an equality,
 * each divisibility fact as {@code Eq(Mod(s, m), 0)}, and the guards and runtime asserts as stated.
 * Duplicates and facts that are constantly true are left out.
 */
final class SmtFacts {
  private SmtFacts() {}

  /** The facts of {@code view}, in a deterministic order. */
  static ImmutableList<BoolExpr> of(FactView view) {
    ExprFactory f = view.factory();
    Set<BoolExpr> out = new LinkedHashSet<>();
    for (SymbolInfo si : view.symbols()) {
      Sym s = si.symbol();
      IntRange r = view.range(s);
      if (r.lower().isFinite()) {
        add(out, f.ge(s, f.integer(r.lower().value())));
      }
      if (r.upper().isFinite()) {
        add(out, f.le(s, f.integer(r.upper().value())));
      }
    }
    for (Map.Entry<Sym, Replacement> e : view.replacements().entrySet()) {
      add(out, f.eq(e.getKey(), e.getValue().target()));
    }
    for (Map.Entry<Sym, IntValue> e : view.divisors().entrySet()) {
      add(out, f.eq(f.mod(e.getKey(), f.integer(e.getValue())), f.zero()));
    }
    for (Guard g : view.guards()) {
      add(out, g.expr());
    }
    return ImmutableList.copyOf(out);
  }

  private static void add(Set<BoolExpr> out, BoolExpr fact) {
    if (!fact.isTrue()) {
      out.add(fact);
    }
  }
}
