package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.eval.ExprInterpreter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The factory is exact or fails clearly: a literal division or modulo by zero (also a divisor that
 * canonicalizes to 0) is an {@link ArithmeticException} naming the operation, and constants beyond
 * {@code long} are folded, collected and printed exactly.
 */
class FactoryExactnessTest {
  private static final ExprFactory F = ExprFactory.create();
  private static final Sym S0 = F.symbol("s0");
  private static final Sym S1 = F.symbol("s1");
  private static final IntExpr ZERO_POLYNOMIAL = F.sub(F.mul(S1, S1), F.pow(S1, 2));
  private static final BigInteger TWO_64 = BigInteger.TWO.pow(64);

  private static Object[] zeroCase(Supplier<Expr> build, String message) {
    return new Object[] {message, build};
  }

  static List<Object[]> literalZeroDivisors() {
    return List.of(
        zeroCase(() -> F.floorDiv(S0, F.zero()), "division by zero: (s0//0)"),
        zeroCase(() -> F.floorDiv(F.integer(7), F.zero()), "division by zero: (7//0)"),
        zeroCase(() -> F.floorDiv(S0, F.sub(S1, S1)), "division by zero: (s0//0)"),
        zeroCase(() -> F.floorDiv(S0, ZERO_POLYNOMIAL), "division by zero: (s0//0)"),
        zeroCase(() -> F.mod(S0, F.zero()), "modulo by zero: Mod(s0, 0)"),
        zeroCase(() -> F.mod(F.add(S0, S1), ZERO_POLYNOMIAL), "modulo by zero: Mod(s0 + s1, 0)"),
        zeroCase(() -> F.cleanDiv(S0, F.zero()), "division by zero: CleanDiv(s0, 0)"),
        zeroCase(() -> F.ceilDiv(S0, F.zero()), "division by zero: CeilDiv(s0, 0)"),
        zeroCase(
            () -> F.modularIndexing(S0, F.zero(), F.integer(4)),
            "division by zero: ModularIndexing(s0, 0, 4)"),
        zeroCase(
            () -> F.modularIndexing(S0, F.integer(2), F.zero()),
            "modulo by zero: ModularIndexing(s0, 2, 0)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("literalZeroDivisors")
  void literalDivisionByZeroIsAnError(String message, Supplier<Expr> build) {
    assertThatThrownBy(build::get).isInstanceOf(ArithmeticException.class).hasMessage(message);
  }

  @Test
  void divisionByAZeroValueIsAnEvaluationError() {
    IntExpr e = F.add(F.floorDiv(S0, S1), F.one());
    assertThatThrownBy(
            () -> ExprInterpreter.evaluate(e, Map.of(S0, IntValue.of(5), S1, IntValue.ZERO)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("division by zero in (s0//s1) (in ((s0//s1)) + 1)");
    IntExpr m = F.mod(S0, F.sub(S1, F.integer(3)));
    assertThatThrownBy(
            () -> ExprInterpreter.evaluate(m, Map.of(S0, IntValue.of(5), S1, IntValue.of(3))))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("modulo by zero in Mod(s0, s1 - 3) (in Mod(s0, s1 - 3))");
  }

  @Test
  void constantsBeyondLongFoldExactly() {
    IntConst max = F.integer(Long.MAX_VALUE);
    IntConst min = F.integer(Long.MIN_VALUE);
    assertThat(F.add(max, F.one())).hasToString("9223372036854775808");
    assertThat(F.sub(min, F.one())).hasToString("-9223372036854775809");
    assertThat(F.neg(min)).hasToString("9223372036854775808");
    assertThat(F.mul(min, F.minusOne())).hasToString("9223372036854775808");
    assertThat(F.mul(max, max)).hasToString("85070591730234615847396907784232501249");
    assertThat(F.pow(F.integer(2), 64)).hasToString(TWO_64.toString());
    assertThat(F.floorDiv(min, F.minusOne())).hasToString("9223372036854775808");
    assertThat(F.mod(min, F.minusOne())).hasToString("0");
    assertThat(F.floorDiv(F.integer(BigInteger.TEN.pow(30)), F.integer(-7)))
        .hasToString("-142857142857142857142857142858");
    // 10**30 % 7 == 1, so -10**30 % 7 == 6.
    assertThat(F.mod(F.integer(BigInteger.TEN.pow(30).negate()), F.integer(7))).hasToString("6");
    assertThat(F.max(F.integer(TWO_64), max, min)).hasToString(TWO_64.toString());
    assertThat(F.min(F.integer(TWO_64.negate()), min)).hasToString("-" + TWO_64);
    assertThat(F.sub(F.integer(TWO_64), F.integer(TWO_64.subtract(BigInteger.ONE))))
        .isSameAs(F.one());
  }

  @Test
  void coefficientsBeyondLongAreCollectedExactly() {
    IntExpr half = F.scale(S0, IntValue.of(1L << 62));
    assertThat(F.add(half, half)).hasToString("9223372036854775808*s0");
    assertThat(F.add(F.add(half, half), F.scale(S0, IntValue.of(Long.MIN_VALUE))))
        .isSameAs(F.zero());
    assertThat(F.mul(F.add(S0, F.integer(Long.MAX_VALUE)), F.add(S0, F.integer(Long.MAX_VALUE))))
        .hasToString("s0**2 + 18446744073709551614*s0 + 85070591730234615847396907784232501249");
    assertThat(F.floorDiv(F.add(F.scale(S0, IntValue.of(TWO_64)), S1), F.integer(TWO_64)))
        .hasToString("s0 + ((s1//18446744073709551616))");
  }

  @Test
  void relationsOfConstantsBeyondLongFold() {
    IntExpr big = F.add(S0, F.integer(TWO_64));
    assertThat(F.gt(big, F.add(S0, F.integer(TWO_64.subtract(BigInteger.ONE)))))
        .isSameAs(F.trueExpr());
    assertThat(F.eq(F.add(F.integer(Long.MAX_VALUE), F.one()), F.integer(Long.MIN_VALUE)))
        .isSameAs(F.falseExpr());
    assertThat(F.lt(F.integer(Long.MAX_VALUE), F.integer(TWO_64))).isSameAs(F.trueExpr());
  }

  @Test
  void evaluationBeyondLongIsExact() {
    IntExpr e = F.add(F.mul(S0, S1), F.floorDiv(S0, F.integer(3)));
    Map<Sym, IntValue> values =
        Map.of(S0, IntValue.of(Long.MAX_VALUE), S1, IntValue.of(Long.MIN_VALUE));
    BigInteger expected =
        BigInteger.valueOf(Long.MAX_VALUE)
            .multiply(BigInteger.valueOf(Long.MIN_VALUE))
            .add(BigInteger.valueOf(Long.MAX_VALUE / 3));
    assertThat(ExprInterpreter.evaluate(e, values).toBigInteger()).isEqualTo(expected);
    assertThat(ExprInterpreter.evaluate(F.pow(S0, 3), Map.of(S0, IntValue.of(1L << 40))))
        .hasToString(BigInteger.TWO.pow(120).toString());
  }
}
