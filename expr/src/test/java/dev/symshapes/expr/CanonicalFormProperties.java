package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.symshapes.expr.eval.ExprInterpreter;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The canonical form means what was written: for random trees and random values of their symbols,
 * the node the factory builds evaluates (through {@link ExprInterpreter}) to what a tiny reference
 * evaluator ({@link NaiveExpr}) computes from the tree as written; equal structures written in
 * different orders are one instance. Runs {@code symshapes.props.runs} examples per property
 * (default 300); QuickTheories prints the seed of a failing run.
 */
class CanonicalFormProperties {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);
  private static final int DEPTH = 4;

  private final ExprFactory f = ExprFactory.create();

  /** A factory that leaves products of sums unexpanded sooner, so atoms of products are tested. */
  private final ExprFactory small = ExprFactory.builder().maxExpandedTerms(4).build();

  @Test
  void canonicalNodeEvaluatesLikeTheTreeAsWritten() {
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.any(DEPTH), NaiveExprs.assignments())
        .checkAssert((tree, values) -> checkAgainstReference(f, tree, values));
  }

  @Test
  void canonicalNodeWithASmallExpansionBudgetEvaluatesLikeTheTree() {
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.any(DEPTH), NaiveExprs.assignments())
        .checkAssert((tree, values) -> checkAgainstReference(small, tree, values));
  }

  /** Polynomials alone, deeper: the normal form of sums and products. */
  @Test
  void polynomialsEvaluateLikeTheTree() {
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.polynomials(6), NaiveExprs.assignments())
        .checkAssert((tree, values) -> checkAgainstReference(f, tree, values));
  }

  /**
   * Commuted, regrouped and rewritten ({@code a - b} as {@code -b + a}) trees build the very same
   * instance: interning gives identity for equal structures whatever the order they were built in.
   */
  @Test
  void equalStructuresBuiltInDifferentOrdersAreOneInstance() {
    Gen<Long> seeds = SourceDSL.longs().all();
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.any(DEPTH), seeds)
        .checkAssert(
            (tree, seed) -> {
              NaiveExpr other = tree.reordered(new Random(seed));
              Object a = buildOrError(f, tree);
              Object b = buildOrError(f, other);
              if (a instanceof Expr) {
                assertThat(b).as("%s built as %s", other, a).isSameAs(a);
              } else {
                // Refused both ways (with two zero divisors, either may be reported first).
                assertThat(b).as("%s built as %s", other, a).isInstanceOf(String.class);
                assertThat(((String) b).split(":")[0]).isEqualTo(((String) a).split(":")[0]);
              }
            });
  }

  /** Substituting an expression for a symbol evaluates like evaluating with its value. */
  @Test
  void substitutionEvaluatesLikeSubstitutedValues() {
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.any(3), NaiveExprs.ints(2), NaiveExprs.assignments())
        .checkAssert(
            (tree, replacement, values) -> {
              Expr e;
              IntExpr r;
              try {
                e = tree.build(f);
                r = replacement.buildInt(f);
              } catch (ArithmeticException | IllegalArgumentException refused) {
                return; // the first property checks that refusals are right
              }
              IntValue rv;
              try {
                rv = ExprInterpreter.evaluate(r, lookup(values));
              } catch (ArithmeticException noValue) {
                return;
              }
              Expr substituted;
              try {
                substituted = Substitution.apply(e, Map.of(f.symbol("s0"), r));
              } catch (ArithmeticException literalZeroDivisor) {
                // A divisor became the constant 0: the node divides by zero for every value.
                return;
              }
              Object direct = valueOrError(e, withS0(values, rv));
              if (!(direct instanceof String)) {
                assertThat(valueOrError(substituted, lookup(values)))
                    .as("%s with s0 -> %s is %s", e, r, substituted)
                    .isEqualTo(direct);
              }
            });
  }

  /** The cached free symbols are exactly the symbols that occur in the node. */
  @Test
  void freeSymbolsAreTheSymbolsThatOccur() {
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.any(DEPTH))
        .checkAssert(
            tree -> {
              Object built = buildOrError(f, tree);
              if (built instanceof Expr e) {
                assertThat(e.freeSymbols()).containsExactlyInAnyOrderElementsOf(occurring(e));
              }
            });
  }

  @Test
  void aSymbolWithoutAValueIsNamed() {
    IntExpr e = f.add(f.symbol("s0"), f.symbol("s1"));
    assertThatThrownBy(() -> ExprInterpreter.evaluate(e, Map.of(f.symbol("s0"), IntValue.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value for symbol s1 when evaluating s0 + s1");
  }

  private static void checkAgainstReference(
      ExprFactory factory, NaiveExpr tree, Map<String, BigInteger> values) {
    Object expected;
    try {
      expected =
          tree.isBool()
              ? (Object) tree.boolValue(NaiveExpr.env(values))
              : (Object) tree.intValue(NaiveExpr.env(values));
    } catch (ArithmeticException e) {
      return; // no value as written; a canonical form may have one (0*(1//s0) is 0)
    }
    Expr e;
    try {
      e = tree.build(factory);
    } catch (ArithmeticException | IllegalArgumentException refused) {
      throw new AssertionError(
          "the factory refused " + tree + ", which has the value " + expected + " at " + values,
          refused);
    }
    assertThat(valueOrError(e, lookup(values)))
        .as("%s built as %s, at %s", tree, e, values)
        .isEqualTo(expected);
  }

  /** The value of {@code e}, or "division by zero" when evaluation divides by zero. */
  private static Object valueOrError(Expr e, Function<Sym, IntValue> env) {
    try {
      return e.isInt()
          ? (Object) ExprInterpreter.evaluate((IntExpr) e, env).toBigInteger()
          : (Object) ExprInterpreter.test((BoolExpr) e, env);
    } catch (ArithmeticException ex) {
      return "division by zero";
    }
  }

  private static Object buildOrError(ExprFactory f, NaiveExpr tree) {
    try {
      return tree.build(f);
    } catch (ArithmeticException | IllegalArgumentException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static Function<Sym, IntValue> lookup(Map<String, BigInteger> values) {
    return s -> IntValue.of(values.get(s.name()));
  }

  /** The values with s0 set to {@code v}. */
  private static Function<Sym, IntValue> withS0(Map<String, BigInteger> values, IntValue v) {
    Map<String, BigInteger> m = new HashMap<>(values);
    m.put("s0", v.toBigInteger());
    return lookup(m);
  }

  private static Set<Sym> occurring(Expr root) {
    Set<Sym> out = new LinkedHashSet<>();
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (e instanceof Sym s) {
        out.add(s);
      }
      e.children().forEach(pending::push);
    }
    return out;
  }
}
