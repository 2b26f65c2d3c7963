package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * {@link IntValue} agrees with {@link BigInteger} arithmetic (and Python's {@code //} and {@code
 * %}, computed here from their definitions) for operands around 0 and around the ends of {@code
 * long}, where a {@code long} fast path would wrap around. Runs {@code symshapes.props.runs}
 * examples per property (default 300).
 */
class IntValueProperties {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);

  /** Values within 3 of 0, of ±2^31, of ±2^62, of the ends of long, of ±2^64 and of ±10^20. */
  private static final BigInteger[] CENTERS = {
    BigInteger.ZERO,
    BigInteger.TWO.pow(31),
    BigInteger.TWO.pow(62),
    BigInteger.valueOf(Long.MAX_VALUE),
    BigInteger.valueOf(Long.MIN_VALUE),
    BigInteger.TWO.pow(64),
    BigInteger.TEN.pow(20),
  };

  private static final Gen<BigInteger> VALUES =
      in -> {
        BigInteger c = CENTERS[(int) in.next(Constraint.between(0, CENTERS.length - 1))];
        if (in.next(Constraint.between(0, 1)) == 0) {
          c = c.negate();
        }
        return c.add(BigInteger.valueOf(in.next(Constraint.between(-3, 3))));
      };

  @Test
  void ringOperationsAreExact() {
    qt().withExamples(RUNS)
        .forAll(VALUES, VALUES)
        .checkAssert(
            (a, b) -> {
              IntValue x = IntValue.of(a);
              IntValue y = IntValue.of(b);
              assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b));
              assertThat(x.subtract(y).toBigInteger()).isEqualTo(a.subtract(b));
              assertThat(x.multiply(y).toBigInteger()).isEqualTo(a.multiply(b));
              assertThat(x.negate().toBigInteger()).isEqualTo(a.negate());
              assertThat(x.abs().toBigInteger()).isEqualTo(a.abs());
              assertThat(x.gcd(y).toBigInteger()).isEqualTo(a.gcd(b));
              assertThat(x.compareTo(y)).isEqualTo(a.compareTo(b));
              assertThat(x.fitsLong()).isEqualTo(a.bitLength() < 64);
              assertThat(x.signum()).isEqualTo(a.signum());
            });
  }

  @Test
  void floorDivisionAndModuloArePythons() {
    qt().withExamples(RUNS)
        .forAll(VALUES, VALUES)
        .assuming((a, b) -> b.signum() != 0)
        .checkAssert(
            (a, b) -> {
              IntValue q = IntValue.of(a).floorDiv(IntValue.of(b));
              IntValue r = IntValue.of(a).floorMod(IntValue.of(b));
              // Python: a == b*q + r, with r zero or of the sign of b and |r| < |b|.
              assertThat(b.multiply(q.toBigInteger()).add(r.toBigInteger())).isEqualTo(a);
              assertThat(r.signum() == 0 || r.signum() == b.signum()).isTrue();
              assertThat(r.toBigInteger().abs()).isLessThan(b.abs());
              assertThat(IntValue.of(a).isDivisibleBy(IntValue.of(b))).isEqualTo(r.isZero());
            });
  }

  @Test
  void parseAndPrintRoundTrip() {
    qt().withExamples(RUNS)
        .forAll(VALUES)
        .checkAssert(
            a -> {
              IntValue v = IntValue.parse(a.toString());
              assertThat(v.toBigInteger()).isEqualTo(a);
              assertThat(v).hasToString(a.toString());
              assertThat(v).isEqualTo(IntValue.of(a)).hasSameHashCodeAs(IntValue.of(a));
            });
  }
}
