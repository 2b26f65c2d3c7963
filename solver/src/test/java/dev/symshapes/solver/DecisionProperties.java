package dev.symshapes.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.event.LogSwitch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Soundness of static evaluation by brute force: a random session ({@link Scenario}) creates three
 * symbols confined to small boxes, adds facts with {@code check}, {@code evaluateExpr} and {@code
 * guardOrFalse}, and asks queries. After every step, every assignment of the box that satisfies the
 * facts recorded so far is enumerated, and
 *
 * <ul>
 *   <li>every TRUE or FALSE decision (of {@code decide}, and of the facts' own static answers)
 *       agrees with every such assignment;
 *   <li>every symbol's range contains its value in every such assignment, and every symbol equals
 *       its replacement;
 *   <li>a fact rejected as impossible holds in no such assignment, and a fact rejected on the
 *       example values is false at them.
 * </ul>
 *
 * Zero disagreements is the only pass. The run count comes from {@code symshapes.props.runs}.
 */
class DecisionProperties {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);

  /** How often each kind of answer was seen, so that a run that decides nothing fails. */
  private final Map<Truth, Integer> answers = new EnumMap<>(Truth.class);

  private int rejected;

  /** Facts and queries rejected because they divide by zero. */
  private int divisionsByZero;

  /** Computed decisions by the tier that answered, to show that every tier is exercised. */
  private final Map<Tier, Long> tiers = new EnumMap<>(Tier.class);

  @Test
  void everyDecidedAnswerAgreesWithBruteForceEnumeration() {
    qt().withExamples(RUNS)
        .forAll(
            arrays()
                .ofIntegers(integers().between(-8, 8))
                .withLength(Scenario.LENGTH)
                .describedAs(s -> Scenario.decode(s).describe()))
        .checkAssert(s -> run(Scenario.decode(s)));
    System.out.printf(
        "DecisionProperties: %s runs, answers %s, rejected %s, dividing by zero %s, tiers %s%n",
        RUNS, answers, rejected, divisionsByZero, tiers);
    if (RUNS >= 100) {
      assertThat(answers.getOrDefault(Truth.TRUE, 0)).as("TRUE answers: %s", answers).isPositive();
      assertThat(answers.getOrDefault(Truth.FALSE, 0))
          .as("FALSE answers: %s", answers)
          .isPositive();
      assertThat(answers.getOrDefault(Truth.UNKNOWN, 0)).as("UNKNOWN: %s", answers).isPositive();
      assertThat(rejected).as("facts rejected as contradictions").isPositive();
      assertThat(divisionsByZero).as("facts and queries dividing by zero").isPositive();
      for (Tier t : List.of(Tier.CONSTANT, Tier.RANGE, Tier.AXIOM)) {
        assertThat(tiers.getOrDefault(t, 0L)).as("decided by %s: %s", t, tiers).isPositive();
      }
    }
  }

  private void run(Scenario sc) {
    ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build();
    ExprFactory f = env.factory();
    List<IntExpr> syms = sc.createSymbols(env);
    World w = new World(sc, syms, f);
    w.verifyState(env, "after creating the symbols");
    for (Scenario.FactSpec fs : sc.facts) {
      BoolExpr rel = Scenario.build(f, fs.rel(), syms);
      int guards = env.guards().size();
      Decision before;
      try {
        before = env.decide(rel);
      } catch (DivisionByZeroException e) {
        // No value after the replacements: adding it as a fact is the same error.
        divisionsByZero++;
        w.verifyUndefined(rel, e.getMessage());
        assertThatThrownBy(() -> add(env, fs.mode(), rel))
            .isInstanceOf(DivisionByZeroException.class);
        assertThat(env.guards()).as("guards after a fact dividing by zero").hasSize(guards);
        continue;
      }
      w.verifyDecision(rel, before, "decide before " + fs.mode());
      count(before.truth());
      try {
        boolean value = add(env, fs.mode(), rel);
        if (before.truth().isKnown()) {

          assertThat(value)
              .as("%s of statically decided %s", fs.mode(), rel)
              .isEqualTo(before.truth().value());
        }
        if (env.guards().size() > guards) {
          w.facts.add(value ? rel : f.not(rel));
        }
      } catch (ContradictionException e) {
        rejected++;
        if (e.getMessage().contains("failed on the example inputs")) {
          // Unbacked symbols in it have been replaced by constants or backed expressions.
          assertThat(ExprInterpreter.test(env.replace(rel), w.hints::get))
              .as("%s rejected on the example values, which satisfy it: %s", rel, e.getMessage())
              .isFalse();
        } else if (fs.mode() == Scenario.FactMode.CHECK) {
          w.verifyImpossible(rel, e.getMessage());
        } else {
          // A guard states the relation as it is at the example values; that guard was rejected
          // (the example values may contradict earlier runtime asserts on unbacked symbols).
          boolean atHints = ExprInterpreter.test(env.replace(rel), w.hints::get);
          w.verifyImpossible(atHints ? rel : f.not(rel), e.getMessage());
        }
        assertThat(env.guards()).as("guards after a rejected fact").hasSize(guards);
      } catch (DivisionByZeroException e) {
        divisionsByZero++;
        if (e.getMessage().contains("at the example inputs")) {
          assertThat(w.valueAt(env.replace(rel), w.hints))
              .as("%s rejected as dividing by zero at the example values: %s", rel, e.getMessage())
              .isNull();
        } else {
          w.verifyUndefined(rel, e.getMessage());
        }
        assertThat(env.guards()).as("guards after a fact dividing by zero").hasSize(guards);
      } catch (DataDependentException e) {
        assertThat(fs.mode()).isEqualTo(Scenario.FactMode.EVALUATE);
        assertThat(w.hasUnbacked(rel)).as("data-dependent error on %s", rel).isTrue();
      }
      w.verifyState(env, "after " + fs.mode() + " " + rel);
    }
    for (Scenario.Rel q : sc.queries) {
      BoolExpr rel = Scenario.build(f, q, syms);
      Decision d;
      try {
        d = env.decide(rel);
      } catch (DivisionByZeroException e) {
        divisionsByZero++;
        w.verifyUndefined(rel, e.getMessage());
        continue;
      }
      count(d.truth());
      w.verifyDecision(rel, d, "query");
      // Asked again (now from the cache), the answer is the same.
      assertThat(env.decide(rel).truth()).isEqualTo(d.truth());
    }
    for (Tier t : Tier.values()) {
      tiers.merge(t, env.stats().decidedBy(t), Long::sum);
    }
  }

  /** Adds {@code rel} as a fact the way {@code mode} says; returns its value. */
  private static boolean add(ShapeEnv env, Scenario.FactMode mode, BoolExpr rel) {
    switch (mode) {
      case CHECK:
        env.check(rel);
        return true;
      case EVALUATE:
        return env.evaluateExpr(rel);
      default:
        return env.guardOrFalse(rel);
    }
  }

  private void count(Truth t) {
    answers.merge(t, 1, Integer::sum);
  }

  /** The facts recorded so far and the assignments of the box that satisfy them. */
  private static final class World {
    /** Fresh symbols (quotients of divisibility facts) are searched in this window. */
    private static final int FRESH_WINDOW = 12;

    final List<Sym> vars = new ArrayList<>();
    final Map<Sym, int[]> boxes = new HashMap<>();
    final Map<Sym, IntValue> hints = new HashMap<>();
    final List<BoolExpr> facts = new ArrayList<>();

    World(Scenario sc, List<IntExpr> syms, ExprFactory f) {
      for (int i = 0; i < syms.size(); i++) {
        if (syms.get(i) instanceof Sym s) {
          Scenario.SymSpec sp = sc.symbols.get(i);
          vars.add(s);
          boxes.put(s, new int[] {sp.lo(), sp.hi()});
          if (sp.kind() == Scenario.SymKind.BACKED) {
            hints.put(s, IntValue.of(sp.hint()));
          }
        }
      }
    }

    boolean hasUnbacked(BoolExpr e) {
      for (Sym s : e.freeSymbols()) {
        if (!hints.containsKey(s)) {
          return true;
        }
      }
      return false;
    }

    private List<Map<Sym, IntValue>> models;
    private int modelsFor = -1;

    /** Every assignment of the box satisfying the facts (recomputed when a fact is added). */
    List<Map<Sym, IntValue>> models() {
      if (modelsFor != facts.size()) {
        models = new ArrayList<>();
        enumerate(0, new HashMap<>(), models);
        modelsFor = facts.size();
      }
      return models;
    }

    private void enumerate(int i, Map<Sym, IntValue> a, List<Map<Sym, IntValue>> out) {
      if (i == vars.size()) {
        for (BoolExpr fact : facts) {
          // A fact that divides by zero at an assignment does not hold there (it would raise).
          if (!Boolean.TRUE.equals(valueAt(fact, a))) {
            return;
          }
        }
        out.add(new HashMap<>(a));
        return;
      }
      Sym s = vars.get(i);
      int[] box = boxes.get(s);
      for (int v = box[0]; v <= box[1]; v++) {
        a.put(s, IntValue.of(v));
        enumerate(i + 1, a, out);
      }
      a.remove(s);
    }

    /** The truth of {@code e} at {@code m}; null where it divides by zero. */
    Boolean valueAt(BoolExpr e, Map<Sym, IntValue> m) {
      try {
        return ExprInterpreter.test(e, m::get);
      } catch (ArithmeticException zeroDivisor) {
        return null;
      }
    }

    /** A fact or query rejected as dividing by zero has no value at any assignment. */
    void verifyUndefined(BoolExpr rel, String message) {
      for (Map<Sym, IntValue> m : models()) {
        assertThat(valueAt(rel, m))
            .as("%s rejected (%s) but it has a value at %s (facts %s)", rel, message, m, facts)
            .isNull();
      }
    }

    /** A decided answer holds wherever {@code q} has a value (undefined points are no model). */
    void verifyDecision(BoolExpr q, Decision d, String what) {
      if (!d.truth().isKnown()) {
        return;
      }
      for (Map<Sym, IntValue> m : models()) {
        Boolean v = valueAt(q, m);
        if (v == null) {
          continue;
        }
        assertThat(v)
            .as(
                "%s: %s decided %s by tier %s, but it is %s at %s (facts %s)",
                what, q, d.truth(), d.decidedBy(), !d.truth().value(), m, facts)
            .isEqualTo(d.truth().value());
      }
    }

    void verifyImpossible(BoolExpr rel, String message) {
      for (Map<Sym, IntValue> m : models()) {
        assertThat(valueAt(rel, m))
            .as("%s rejected (%s) but it holds at %s (facts %s)", rel, message, m, facts)
            .isNotEqualTo(Boolean.TRUE);
      }
    }

    /**
     * Whether {@code rep} equals {@code value} at {@code m}, for some value of the symbols the
     * environment introduced itself (the quotient {@code u1} of {@code u0 = 2*u1}).
     */
    boolean equalForSomeFreshValue(ShapeEnv env, IntExpr rep, Map<Sym, IntValue> m, IntValue v) {
      List<Sym> fresh = new ArrayList<>();
      for (Sym x : rep.freeSymbols()) {
        if (!boxes.containsKey(x)) {
          fresh.add(x);
        }
      }
      if (fresh.isEmpty()) {
        return ExprInterpreter.evaluate(rep, m::get).equals(v);
      }
      assertThat(fresh).as("fresh symbols in %s", rep).hasSize(1);
      Sym x = fresh.get(0);
      IntRange r = env.range(x);
      Map<Sym, IntValue> a = new HashMap<>(m);
      for (int k = -FRESH_WINDOW; k <= FRESH_WINDOW; k++) {
        if (r.contains(k)) {
          a.put(x, IntValue.of(k));
          if (ExprInterpreter.evaluate(rep, a::get).equals(v)) {
            return true;
          }
        }
      }
      return false;
    }

    void verifyState(ShapeEnv env, String when) {
      List<Map<Sym, IntValue>> models = models();
      for (Sym s : vars) {
        IntRange r = env.range(s);
        IntExpr rep = env.replace(s);
        for (Map<Sym, IntValue> m : models) {
          assertThat(r.contains(m.get(s)))
              .as("%s: range %s of %s excludes %s (facts %s)", when, r, s, m, facts)
              .isTrue();
          assertThat(equalForSomeFreshValue(env, rep, m, m.get(s)))
              .as("%s: %s replaced by %s at %s (facts %s)", when, s, rep, m, facts)
              .isTrue();
        }
      }
    }
  }
}
