package dev.symshapes.solver.guardset;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.eval.DecisionTier;
import dev.symshapes.solver.event.LogSwitch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides queries against a guard set with a shape environment's tiers: constant folding, ranges,
 * axioms, and the SMT tier. Every symbol of the set becomes an unbacked symbol of a fresh
 * environment (so that any range, negative ones included, can be declared), each bound and each
 * guard is recorded with {@code check}, and the query is decided; answers and simplified forms are
 * translated back to the set's names.
 *
 * <p>Hints never change an answer; a guard that is false at the hints is an error, because such a
 * set describes no trace. One decider holds one environment: close it.
 */
public final class GuardSetDecider implements AutoCloseable {
  /**
   * The answer to one query.
   *
   * @param truth for a boolean query, TRUE, FALSE or UNKNOWN; for an integer query, UNKNOWN
   * @param decidedBy the tier that answered a boolean query ({@link Tier#NONE} when undecided)
   * @param simplified the query after the set's equalities are substituted, in the set's names; the
   *     query as given when the substitution introduces symbols of the environment's own (a
   *     divisibility guard {@code Eq(Mod(x, 4), 0)} makes {@code x = 4*q} for a new {@code q}),
   *     which have no name in the set
   * @param range for an integer query, its range under the facts; empty for a boolean query
   */
  public record Answer(Truth truth, Tier decidedBy, Expr simplified, Optional<IntRange> range) {}

  private final GuardSet set;
  private final ShapeEnv env;
  private final ExprTranslator toEnv;
  private final ExprTranslator fromEnv;
  private final Set<Sym> named;

  private GuardSetDecider(GuardSet set, Supplier<DecisionTier> tier) {
    this.set = set;
    ShapeEnv.Builder b = ShapeEnv.builder().logSwitch(LogSwitch.OFF);
    DecisionTier t = tier.get();
    if (t == null) {
      b.noExtraTier();
    } else {
      b.extraTier(t);
    }
    this.env = b.build();
    Map<Sym, IntExpr> there = new LinkedHashMap<>();
    Map<Sym, IntExpr> back = new HashMap<>();
    for (Sym s : set.symbols()) {
      Sym u = env.createUnbackedSymInt();
      there.put(s, u);
      back.put(u, s);
    }
    this.toEnv = new ExprTranslator(env.factory(), there::get);
    this.fromEnv = new ExprTranslator(set.factory(), back::get);
    this.named = back.keySet();
  }

  /**
   * {@code simplified} in the set's names, or {@code query} if it has symbols the set cannot name.
   */
  private Expr back(Expr simplified, Expr query) {
    return named.containsAll(simplified.freeSymbols()) ? fromEnv.any(simplified) : query;
  }

  /**
   * A decider for {@code set}, with the default SMT tier.
   *
   * @throws GuardSetException if the set contradicts itself or its hints
   */
  public static GuardSetDecider of(GuardSet set) {
    return of(set, dev.symshapes.solver.smt.SmtTier::create);
  }

  /**
   * A decider for {@code set} with the given last tier ({@code () -> null}: tiers 1-3 only).
   *
   * @throws GuardSetException if the set contradicts itself or its hints
   */
  public static GuardSetDecider of(GuardSet set, Supplier<DecisionTier> tier) {
    checkNotNull(set, "set");
    checkNotNull(tier, "tier");
    GuardSetDecider d = new GuardSetDecider(set, tier);
    try {
      d.assertFacts();
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  private void assertFacts() {
    var f = set.factory();
    for (Map.Entry<Sym, IntRange> e : set.ranges().entrySet()) {
      IntRange r = e.getValue();
      if (r.lower().isFinite()) {
        record(f.ge(e.getKey(), f.integer(r.lower().value())), "range of " + e.getKey(), 0);
      }
      if (r.upper().isFinite()) {
        record(f.le(e.getKey(), f.integer(r.upper().value())), "range of " + e.getKey(), 0);
      }
    }
    for (Map.Entry<Sym, IntValue> h : set.hints().entrySet()) {
      if (!set.range(h.getKey()).contains(h.getValue())) {
        throw new GuardSetException(
            "hint "
                + h.getKey()
                + " "
                + h.getValue()
                + " is outside its range "
                + GuardSet.bracket(set.range(h.getKey())));
      }
    }
    for (GuardSet.Guard g : set.guards()) {
      if (set.hints().keySet().containsAll(g.expr().freeSymbols())) {
        boolean holds;
        try {
          holds = ExprInterpreter.test(g.expr(), set.hints()::get);
        } catch (ArithmeticException e) {
          throw new GuardSetException(
              where(g.line()) + "the guard " + g.expr() + " fails at the hints: " + e.getMessage());
        }
        if (!holds) {
          throw new GuardSetException(
              where(g.line()) + "the guard " + g.expr() + " is false at the hints");
        }
      }
      record(g.expr(), "the guard " + g.expr(), g.line());
    }
  }

  private static String where(int line) {
    return line > 0 ? "line " + line + ": " : "";
  }

  private void record(BoolExpr fact, String what, int line) {
    try {
      env.check(toEnv.bool(fact));
    } catch (ContradictionException e) {
      throw new GuardSetException(where(line) + what + " contradicts the facts before it", e);
    }
  }

  /**
   * Decides {@code query} (an expression over the set's factory): a boolean query gets an answer
   * and the tier that gave it; an integer query gets its range.
   */
  public Answer decide(Expr query) {
    checkNotNull(query, "query");
    checkArgument(query.factory() == set.factory(), "query %s was made by another factory", query);
    for (Sym s : query.freeSymbols()) {
      checkArgument(
          set.symbols().contains(s),
          "%s does not occur in the guard set; declare it with a range",
          s);
    }
    if (query.isInt()) {
      IntExpr e = toEnv.integer((IntExpr) query);
      IntExpr simplified = env.replace(e);
      return new Answer(
          Truth.UNKNOWN, Tier.NONE, back(simplified, query), Optional.of(env.bound(e)));
    }
    Decision d = env.decide(toEnv.bool((BoolExpr) query));
    return new Answer(d.truth(), d.decidedBy(), back(d.simplified(), query), Optional.empty());
  }

  @Override
  public void close() {
    env.close();
  }
}
