package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.google.common.collect.ImmutableMap;
import dev.symshapes.expr.eval.ExprInterpreter;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Differential test against Symja (test scope only; GPL-3.0): for a few thousand random polynomials
 * (sums, differences, products, negations and small powers of four symbols and constants up to
 * 10^25), symshapes' canonical form and Symja's {@code Expand} are the same polynomial.
 *
 * <p>Both sides are read into a neutral form, a map from monomials (exponent per symbol) to exact
 * coefficients, without using the other system: Symja's answer is walked as a {@code Plus} of
 * {@code Times} of integers, symbols and {@code Power}s, and anything else in it (a rational, a
 * negative power, an unknown symbol, an unexpanded product) fails the test. Symja's answers are
 * checked, not trusted: when the two disagree, the message says which of them agrees with the tree
 * evaluated as written at a few points, and each example also checks symshapes' form against that
 * evaluation. Runs {@code 10 * symshapes.props.runs} examples (default 3,000).
 */
class SymjaExpandDifferentialTest {
  private static final int RUNS = 10 * Integer.getInteger("symshapes.props.runs", 300);

  /** Large enough that no product of the generated trees stays unexpanded. */
  private static final int EXPANSION_BUDGET = 1 << 16;

  private static final Set<String> SYMBOLS = Set.of(NaiveExprs.SYMBOLS);

  private static ExprEvaluator symja;

  private final ExprFactory f = ExprFactory.builder().maxExpandedTerms(EXPANSION_BUDGET).build();

  @BeforeAll
  static void startSymja() {
    symja = new ExprEvaluator();
  }

  @Test
  void canonicalFormIsSymjasExpansion() {
    qt().withExamples(RUNS)
        .forAll(NaiveExprs.polynomials(4), NaiveExprs.assignments())
        .checkAssert(this::check);
  }

  /** The reader of Symja's answers refuses what is not an expanded integer polynomial. */
  @Test
  void symjaAnswersThatAreNotIntegerPolynomialsAreRefused() {
    ISymbol s0 = F.symbol("s0");
    for (IExpr notAPolynomial :
        new IExpr[] {
          symja.eval(F.Divide(s0, F.ZZ(2))),
          symja.eval(F.Power(s0, F.CN1)),
          symja.eval(F.Floor(F.Divide(s0, F.ZZ(3)))),
          F.Times(s0, F.Plus(s0, F.C1)),
          F.symbol("v7")
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> terms(notAPolynomial))
          .isInstanceOf(AssertionError.class);
    }
    assertThat(terms(symja.eval(F.Expand(F.Power(F.Plus(s0, F.C1), F.C2)))))
        .isEqualTo(
            Map.of(
                Map.of("s0", 2), BigInteger.ONE,
                Map.of("s0", 1), BigInteger.TWO,
                Map.of(), BigInteger.ONE));
  }

  private void check(NaiveExpr tree, Map<String, BigInteger> values) {
    IntExpr ours = tree.buildInt(f);
    IExpr expanded = symja.eval(F.Expand(toSymja(tree)));
    Map<Map<String, Integer>, BigInteger> theirs = terms(expanded);
    Map<Map<String, Integer>, BigInteger> mine = terms(ours);
    if (!mine.equals(theirs)) {
      throw new AssertionError(
          "symshapes and Symja expand "
              + tree
              + " differently:\n  symshapes: "
              + ours
              + "\n  Symja:     "
              + expanded
              + "\n  "
              + whoAgreesWithTheTree(tree, mine, theirs));
    }
    // Both could share a mistake only by luck; the tree evaluated as written settles it.
    BigInteger expected = tree.intValue(NaiveExpr.env(values));
    assertThat(
            ExprInterpreter.evaluate(ours, s -> IntValue.of(values.get(s.name()))).toBigInteger())
        .as("%s at %s", ours, values)
        .isEqualTo(expected);
  }

  // ---- symshapes and Symja trees ----

  private static IExpr toSymja(NaiveExpr t) {
    switch (t.op()) {
      case SYM:
        return F.symbol(t.name());
      case CONST:
        return F.ZZ(t.value());
      case ADD:
        return F.Plus(toSymja(t.args().get(0)), toSymja(t.args().get(1)));
      case SUB:
        return F.Subtract(toSymja(t.args().get(0)), toSymja(t.args().get(1)));
      case NEG:
        return F.Negate(toSymja(t.args().get(0)));
      case MUL:
        return F.Times(toSymja(t.args().get(0)), toSymja(t.args().get(1)));
      case POW:
        // Python (and symshapes) say 0**0 == 1; Symja leaves 0^0 Indeterminate, so a**0 goes over
        // as the 1 it is.
        return t.value().signum() == 0 ? F.C1 : F.Power(toSymja(t.args().get(0)), F.ZZ(t.value()));
      default:
        throw new IllegalArgumentException("not a polynomial operation: " + t.op());
    }
  }

  // ---- the neutral form: monomial (symbol -> exponent) -> coefficient ----

  /** The terms of symshapes' canonical form; fails on anything but an expanded polynomial. */
  private static Map<Map<String, Integer>, BigInteger> terms(IntExpr e) {
    Map<Map<String, Integer>, BigInteger> out = new HashMap<>();
    switch (e.kind()) {
      case INT_CONST:
        addTerm(out, Map.of(), ((IntConst) e).value().toBigInteger());
        break;
      case SYMBOL:
      case MUL:
        addTerm(out, monomial(e), BigInteger.ONE);
        break;
      case ADD:
        {
          Add a = (Add) e;
          addTerm(out, Map.of(), a.constant().toBigInteger());
          for (int i = 0; i < a.termCount(); i++) {
            addTerm(out, monomial(a.monomials().get(i)), a.coefficients().get(i).toBigInteger());
          }
          break;
        }
      default:
        throw new AssertionError("symshapes left " + e + " unexpanded: " + e.kind());
    }
    return out;
  }

  private static Map<String, Integer> monomial(IntExpr m) {
    if (m instanceof Sym s) {
      return Map.of(s.name(), 1);
    }
    if (!(m instanceof Mul mul)) {
      throw new AssertionError("not a monomial in symshapes' form: " + m);
    }
    Map<String, Integer> exps = new TreeMap<>();
    for (int i = 0; i < mul.baseCount(); i++) {
      IntExpr b = mul.bases().get(i);
      if (!(b instanceof Sym s)) {
        throw new AssertionError("symshapes left a product of sums unexpanded: " + m);
      }
      exps.merge(s.name(), mul.exponent(i), Integer::sum);
    }
    return ImmutableMap.copyOf(exps);
  }

  /** The terms of Symja's answer; fails on anything but an expanded integer polynomial. */
  static Map<Map<String, Integer>, BigInteger> terms(IExpr e) {
    Map<Map<String, Integer>, BigInteger> out = new HashMap<>();
    if (e.isPlus()) {
      IAST plus = (IAST) e;
      for (int i = 1; i < plus.size(); i++) {
        addSymjaTerm(out, plus.get(i));
      }
    } else {
      addSymjaTerm(out, e);
    }
    return out;
  }

  private static void addSymjaTerm(Map<Map<String, Integer>, BigInteger> out, IExpr term) {
    BigInteger coefficient = BigInteger.ONE;
    Map<String, Integer> exps = new TreeMap<>();
    IExpr[] factors;
    if (term.isTimes()) {
      IAST times = (IAST) term;
      factors = new IExpr[times.argSize()];
      for (int i = 1; i < times.size(); i++) {
        factors[i - 1] = times.get(i);
      }
    } else {
      factors = new IExpr[] {term};
    }
    for (IExpr factor : factors) {
      if (factor.isInteger()) {
        coefficient = coefficient.multiply(((IInteger) factor).toBigNumerator());
      } else if (factor.isSymbol()) {
        exps.merge(symbolName(factor, term), 1, Integer::sum);
      } else if (factor.isPower()
          && factor.base().isSymbol()
          && factor.exponent().isInteger()
          && ((IInteger) factor.exponent()).toBigNumerator().signum() > 0) {
        int n = ((IInteger) factor.exponent()).toBigNumerator().intValueExact();
        exps.merge(symbolName(factor.base(), term), n, Integer::sum);
      } else {
        throw new AssertionError(
            "Symja's term " + term + " is not an integer monomial (at " + factor + ")");
      }
    }
    addTerm(out, ImmutableMap.copyOf(exps), coefficient);
  }

  private static String symbolName(IExpr symbol, IExpr term) {
    String name = ((ISymbol) symbol).getSymbolName();
    if (!SYMBOLS.contains(name)) {
      throw new AssertionError("Symja's term " + term + " has an unknown symbol " + name);
    }
    return name;
  }

  private static void addTerm(
      Map<Map<String, Integer>, BigInteger> out, Map<String, Integer> m, BigInteger c) {
    BigInteger sum = out.getOrDefault(m, BigInteger.ZERO).add(c);
    if (sum.signum() == 0) {
      out.remove(m);
    } else {
      out.put(m, sum);
    }
  }

  // ---- deciding who is right ----

  private static String whoAgreesWithTheTree(
      NaiveExpr tree,
      Map<Map<String, Integer>, BigInteger> mine,
      Map<Map<String, Integer>, BigInteger> theirs) {
    int[][] points = {{2, 3, 5, 7}, {-1, 4, -3, 2}, {11, -13, 17, -19}};
    boolean symshapesRight = true;
    boolean symjaRight = true;
    for (int[] p : points) {
      Map<String, BigInteger> values = new HashMap<>();
      for (int i = 0; i < NaiveExprs.SYMBOLS.length; i++) {
        values.put(NaiveExprs.SYMBOLS[i], BigInteger.valueOf(p[i]));
      }
      BigInteger expected = tree.intValue(NaiveExpr.env(values));
      symshapesRight &= evaluate(mine, values).equals(expected);
      symjaRight &= evaluate(theirs, values).equals(expected);
    }
    return "at three points, symshapes' form "
        + (symshapesRight ? "agrees" : "disagrees")
        + " and Symja's "
        + (symjaRight ? "agrees" : "disagrees")
        + " with the tree as written";
  }

  private static BigInteger evaluate(
      Map<Map<String, Integer>, BigInteger> terms, Map<String, BigInteger> values) {
    BigInteger sum = BigInteger.ZERO;
    for (Map.Entry<Map<String, Integer>, BigInteger> t : terms.entrySet()) {
      BigInteger product = t.getValue();
      for (Map.Entry<String, Integer> x : t.getKey().entrySet()) {
        product = product.multiply(values.get(x.getKey()).pow(x.getValue()));
      }
      sum = sum.add(product);
    }
    return sum;
  }
}
