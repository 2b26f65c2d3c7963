package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import java.math.BigInteger;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact integers: Python's {@code //} and {@code %}, and no wrap-around at the ends of long. */
class IntValueTest {
  private static final String MAX = Long.toString(Long.MAX_VALUE);
  private static final String MIN = Long.toString(Long.MIN_VALUE);

  @ParameterizedTest(name = "{0} {1} {2} == {3}")
  @CsvSource({
    // Python semantics: // rounds toward -infinity, the sign of % follows the divisor.
    "7, //, 2, 3",
    "-7, //, 2, -4",
    "7, //, -2, -4",
    "-7, //, -2, 3",
    "7, %, 3, 1",
    "-7, %, 3, 2",
    "7, %, -3, -2",
    "-7, %, -3, -1",
    "6, %, -3, 0",
    // At and beyond the ends of long.
    "9223372036854775807, +, 1, 9223372036854775808",
    "-9223372036854775808, -, 1, -9223372036854775809",
    "-9223372036854775808, *, -1, 9223372036854775808",
    "-9223372036854775808, //, -1, 9223372036854775808",
    "-9223372036854775808, %, -1, 0",
    "9223372036854775807, *, 9223372036854775807, 85070591730234615847396907784232501249",
    "4294967296, *, 4294967296, 18446744073709551616",
    "-4294967296, *, 4294967296, -18446744073709551616",
    "18446744073709551616, //, 4294967296, 4294967296",
    "18446744073709551616, -, 18446744073709551615, 1",
    "-18446744073709551617, //, 10, -1844674407370955162",
    "-18446744073709551617, %, 10, 3",
    "18446744073709551617, %, -10, -3",
    "100000000000000000000000000, //, -7, -14285714285714285714285715",
    "-9223372036854775808, gcd, -9223372036854775808, 9223372036854775808",
    "-9223372036854775808, gcd, 6, 2",
    "0, gcd, 0, 0",
    "-12, gcd, 18, 6",
    "2, pow, 64, 18446744073709551616",
    "-3, pow, 41, -36472996377170786403",
    "-9223372036854775808, min, 9223372036854775808, -9223372036854775808",
    "-9223372036854775808, max, 9223372036854775808, 9223372036854775808",
  })
  void exactOperations(String a, String op, String b, String expected) {
    assertThat(apply(IntValue.parse(a), op, IntValue.parse(b))).hasToString(expected);
  }

  @Test
  void unaryOperationsAtTheEndsOfLong() {
    IntValue min = IntValue.of(Long.MIN_VALUE);
    assertThat(min.negate()).hasToString("9223372036854775808");
    assertThat(min.abs()).hasToString("9223372036854775808");
    assertThat(min.negate().negate()).isEqualTo(min);
    assertThat(min.negate().negate().fitsLong()).isTrue();
    assertThat(IntValue.of(Long.MAX_VALUE).negate()).hasToString("-" + MAX);
  }

  @Test
  void representationDoesNotLeak() {
    // A value that fits in a long is stored as one, however it was computed.
    IntValue v =
        IntValue.parse("18446744073709551616").subtract(IntValue.parse("18446744073709551615"));
    assertThat(v.fitsLong()).isTrue();
    assertThat(v).isSameAs(IntValue.ONE);
    new EqualsTester()
        .addEqualityGroup(
            IntValue.of(5),
            IntValue.of(BigInteger.valueOf(5)),
            IntValue.parse("5"),
            IntValue.parse("+5"))
        .addEqualityGroup(
            IntValue.of(Long.MIN_VALUE),
            IntValue.parse(MIN),
            IntValue.of(new BigInteger(MIN)),
            IntValue.parse("9223372036854775808").negate())
        .addEqualityGroup(
            IntValue.parse("9223372036854775808"),
            IntValue.of(Long.MAX_VALUE).add(IntValue.ONE),
            IntValue.of(BigInteger.TWO.pow(63)))
        .addEqualityGroup(IntValue.ZERO, IntValue.of(BigInteger.ZERO), IntValue.parse("-0"))
        .testEquals();
    assertThat(IntValue.parse("9223372036854775808").compareTo(IntValue.of(Long.MAX_VALUE)))
        .isPositive();
    assertThat(IntValue.parse("-9223372036854775809").compareTo(IntValue.of(Long.MIN_VALUE)))
        .isNegative();
  }

  @Test
  void conversionsRefuseToTruncate() {
    assertThatThrownBy(() -> IntValue.parse("9223372036854775808").longValueExact())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("integer 9223372036854775808 does not fit in a long");
    assertThatThrownBy(() -> IntValue.of(1L << 31).intValueExact())
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("integer 2147483648 does not fit in an int");
    assertThat(IntValue.of(Long.MIN_VALUE).longValueExact()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void divisionAndModuloByZeroAreErrors() {
    assertThatThrownBy(() -> IntValue.of(7).floorDiv(IntValue.ZERO))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("division by zero: 7//0");
    assertThatThrownBy(() -> IntValue.parse("-100000000000000000000").floorMod(IntValue.ZERO))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("modulo by zero: -100000000000000000000 % 0");
    assertThatThrownBy(() -> IntValue.of(2).pow(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exponent (-1) must be >= 0");
  }

  @Test
  void malformedDigitsAreRefused() {
    assertThatThrownBy(() -> IntValue.parse("12a")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> IntValue.parse("1234567890123456789012x"))
        .isInstanceOf(NumberFormatException.class);
  }

  private static IntValue apply(IntValue a, String op, IntValue b) {
    BinaryOperator<IntValue> fn;
    switch (op) {
      case "+":
        fn = IntValue::add;
        break;
      case "-":
        fn = IntValue::subtract;
        break;
      case "*":
        fn = IntValue::multiply;
        break;
      case "//":
        fn = IntValue::floorDiv;
        break;
      case "%":
        fn = IntValue::floorMod;
        break;
      case "gcd":
        fn = IntValue::gcd;
        break;
      case "min":
        fn = IntValue::min;
        break;
      case "max":
        fn = IntValue::max;
        break;
      case "pow":
        fn = (x, y) -> x.pow(y.intValueExact());
        break;
      default:
        throw new IllegalArgumentException("unknown operation " + op);
    }
    return fn.apply(a, b);
  }
}
