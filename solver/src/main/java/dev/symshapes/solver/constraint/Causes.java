package dev.symshapes.solver.constraint;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guards and runtime asserts behind a violation, with the user's lines that added them: the
 * facts that justified a symbol's replacements (following the symbols those facts mention), the
 * facts that set a symbol's bounds, or the recorded guards equal to a residual guard.
 */
final class Causes {
  private Causes() {}

  /** The facts behind the value of {@code src}'s symbol (none when it was created constant). */
  static ImmutableList<Fact> ofSource(ShapeEnv env, Source src) {
    for (SymbolInfo si : env.symbols()) {
      if (si.sources().contains(src)) {
        return ofSymbol(env, si.symbol());
      }
    }
    return ImmutableList.of();
  }

  /**
   * The facts that justified replacing {@code s}, then those of the replaced symbols each fact
   * mentions: for {@code s3 -> s1 -> 4}, {@code Eq(s1, s3)} and {@code Eq(s1, 4)}.
   */
  static ImmutableList<Fact> ofSymbol(ShapeEnv env, Sym s) {
    Map<Sym, Replacement> reps = env.replacements();
    List<Fact> out = new ArrayList<>();
    Deque<Sym> pending = new ArrayDeque<>();
    Set<Sym> seen = new HashSet<>();
    pending.add(s);
    seen.add(s);
    while (!pending.isEmpty()) {
      Sym x = pending.poll();
      Replacement r = reps.get(x);
      if (r == null) {
        continue;
      }
      Fact fact = r.fact();
      if (fact.origin() != Fact.Origin.DECLARED_RANGE && !out.contains(fact)) {
        out.add(fact);
      }
      for (Sym y : fact.expr().freeSymbols()) {
        if (seen.add(y)) {
          pending.add(y);
        }
      }
    }
    return ImmutableList.copyOf(out);
  }

  /** The guards and runtime asserts that set the bounds of {@code s}'s range. */
  static ImmutableList<Fact> ofRange(ShapeEnv env, Sym s) {
    ExprFactory f = env.factory();
    IntRange r = env.range(s);
    List<Fact> out = new ArrayList<>();
    if (r.lower().isFinite()) {
      add(out, env.decide(f.ge(s, f.integer(r.lower().value()))).reasons());
    }
    if (r.upper().isFinite()) {
      add(out, env.decide(f.le(s, f.integer(r.upper().value()))).reasons());
    }
    return ImmutableList.copyOf(out);
  }

  private static void add(List<Fact> out, List<Fact> facts) {
    for (Fact x : facts) {
      if (x.origin() != Fact.Origin.DECLARED_RANGE && !out.contains(x)) {
        out.add(x);
      }
    }
  }

  /** The recorded guards and runtime asserts that become {@code g} after replacements. */
  static ImmutableList<Fact> ofGuard(ShapeEnv env, BoolExpr g) {
    List<Fact> out = new ArrayList<>();
    for (Guard x : env.guards()) {
      if (env.replace(x.expr()) == g && !out.contains(x.asFact())) {
        out.add(x.asFact());
      }
    }
    return ImmutableList.copyOf(out);
  }
}
