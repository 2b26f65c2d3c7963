package dev.symshapes.expr;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.math.LongMath;
import java.math.BigInteger;

/**
 * An exact integer: a {@code long} when it fits, a {@link BigInteger} when it does not.
 *
 * <p>Every operation is exact. Results that overflow {@code long} are promoted, so no arithmetic in
 * symshapes wraps around silently. Division and modulo follow Python: {@code floorDiv} rounds
 * toward negative infinity and the sign of {@code floorMod} follows the divisor ({@code -7 // 3 ==
 * -3}, {@code -7 % 3 == 2}, {@code 7 % -3 == -2}).
 *
 * <p>Immutable and thread-safe. Equality is numeric: a value is equal to another exactly when they
 * denote the same integer, whatever their representation.
 */
public final class IntValue implements Comparable<IntValue> {
  private static final int CACHE_LOW = -128;
  private static final int CACHE_HIGH = 1024;
  private static final IntValue[] CACHE = new IntValue[CACHE_HIGH - CACHE_LOW + 1];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new IntValue(i + CACHE_LOW, null);
    }
  }

  /** The value 0. */
  public static final IntValue ZERO = of(0);

  /** The value 1. */
  public static final IntValue ONE = of(1);

  /** The value -1. */
  public static final IntValue MINUS_ONE = of(-1);

  private final long small;
  private final BigInteger big; // null when the value fits in a long

  private IntValue(long small, BigInteger big) {
    this.small = small;
    this.big = big;
  }

  /** Returns the value {@code v}. */
  public static IntValue of(long v) {
    if (v >= CACHE_LOW && v <= CACHE_HIGH) {
      return CACHE[(int) v - CACHE_LOW];
    }
    return new IntValue(v, null);
  }

  /** Returns the value {@code v}, stored as a {@code long} when it fits. */
  public static IntValue of(BigInteger v) {
    if (v.bitLength() < 64) {
      return of(v.longValue());
    }
    return new IntValue(0, v);
  }

  /**
   * Parses a decimal integer, with an optional leading minus sign.
   *
   * @throws NumberFormatException if {@code digits} is not a decimal integer
   */
  public static IntValue parse(String digits) {
    if (digits.length() <= 18) {
      return of(Long.parseLong(digits));
    }
    return of(new BigInteger(digits));
  }

  /** True when the value fits in a {@code long}. */
  public boolean fitsLong() {
    return big == null;
  }

  /**
   * Returns the value as a {@code long}.
   *
   * @throws ArithmeticException if the value does not fit in a {@code long}
   */
  public long longValueExact() {
    if (big != null) {
      throw new ArithmeticException("integer " + big + " does not fit in a long");
    }
    return small;
  }

  /**
   * Returns the value as an {@code int}.
   *
   * @throws ArithmeticException if the value does not fit in an {@code int}
   */
  public int intValueExact() {
    long v = longValueExact();
    if (v != (int) v) {
      throw new ArithmeticException("integer " + v + " does not fit in an int");
    }
    return (int) v;
  }

  /** Returns the value as a {@link BigInteger}. */
  public BigInteger toBigInteger() {
    return big != null ? big : BigInteger.valueOf(small);
  }

  /** Returns -1, 0 or 1 as the value is negative, zero or positive. */
  public int signum() {
    return big != null ? big.signum() : Long.signum(small);
  }

  /** True when the value is 0. */
  public boolean isZero() {
    return big == null && small == 0;
  }

  /** True when the value is 1. */
  public boolean isOne() {
    return big == null && small == 1;
  }

  /** True when the value is -1. */
  public boolean isMinusOne() {
    return big == null && small == -1;
  }

  /** Returns {@code this + o}. */
  public IntValue add(IntValue o) {
    if (big == null && o.big == null) {
      long r = small + o.small;
      // Overflow iff both operands have the same sign and the result's sign differs.
      if (((small ^ r) & (o.small ^ r)) >= 0) {
        return of(r);
      }
    }
    return of(toBigInteger().add(o.toBigInteger()));
  }

  /** Returns {@code this - o}. */
  public IntValue subtract(IntValue o) {
    if (big == null && o.big == null) {
      long r = small - o.small;
      if (((small ^ o.small) & (small ^ r)) >= 0) {
        return of(r);
      }
    }
    return of(toBigInteger().subtract(o.toBigInteger()));
  }

  /** Returns {@code this * o}. */
  public IntValue multiply(IntValue o) {
    if (big == null && o.big == null) {
      long hi = Math.multiplyHigh(small, o.small);
      long lo = small * o.small;
      if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
        return of(lo);
      }
    }
    return of(toBigInteger().multiply(o.toBigInteger()));
  }

  /** Returns {@code -this}. */
  public IntValue negate() {
    if (big == null && small != Long.MIN_VALUE) {
      return of(-small);
    }
    return of(toBigInteger().negate());
  }

  /** Returns {@code |this|}. */
  public IntValue abs() {
    return signum() < 0 ? negate() : this;
  }

  /**
   * Returns {@code floor(this / d)}, Python's {@code this // d}.
   *
   * @throws ArithmeticException if {@code d} is 0
   */
  public IntValue floorDiv(IntValue d) {
    if (d.isZero()) {
      throw new ArithmeticException("division by zero: " + this + "//0");
    }
    if (big == null && d.big == null && !(small == Long.MIN_VALUE && d.small == -1)) {
      return of(Math.floorDiv(small, d.small));
    }
    BigInteger[] qr = toBigInteger().divideAndRemainder(d.toBigInteger());
    BigInteger q = qr[0];
    if (qr[1].signum() != 0 && (qr[1].signum() != d.signum())) {
      q = q.subtract(BigInteger.ONE);
    }
    return of(q);
  }

  /**
   * Returns Python's {@code this % d}: the remainder whose sign follows the divisor.
   *
   * @throws ArithmeticException if {@code d} is 0
   */
  public IntValue floorMod(IntValue d) {
    if (d.isZero()) {
      throw new ArithmeticException("modulo by zero: " + this + " % 0");
    }
    if (big == null && d.big == null) {
      if (d.small == -1) {
        return ZERO;
      }
      return of(Math.floorMod(small, d.small));
    }
    BigInteger r = toBigInteger().mod(d.toBigInteger().abs());
    if (d.signum() < 0 && r.signum() != 0) {
      r = r.add(d.toBigInteger());
    }
    return of(r);
  }

  /** True when {@code d} divides this value exactly ({@code d} must not be 0). */
  public boolean isDivisibleBy(IntValue d) {
    return floorMod(d).isZero();
  }

  /** Returns the non-negative greatest common divisor; {@code gcd(0, 0) == 0}. */
  public IntValue gcd(IntValue o) {
    if (big == null && o.big == null && small != Long.MIN_VALUE && o.small != Long.MIN_VALUE) {
      return of(LongMath.gcd(Math.abs(small), Math.abs(o.small)));
    }
    return of(toBigInteger().gcd(o.toBigInteger()));
  }

  /**
   * Returns {@code this ** exponent}.
   *
   * @throws IllegalArgumentException if {@code exponent} is negative
   */
  public IntValue pow(int exponent) {
    checkArgument(exponent >= 0, "exponent (%s) must be >= 0", exponent);
    IntValue result = ONE;
    IntValue base = this;
    int e = exponent;
    while (e > 0) {
      if ((e & 1) != 0) {
        result = result.multiply(base);
      }
      e >>= 1;
      if (e > 0) {
        base = base.multiply(base);
      }
    }
    return result;
  }

  /** Returns the smaller of the two values. */
  public IntValue min(IntValue o) {
    return compareTo(o) <= 0 ? this : o;
  }

  /** Returns the larger of the two values. */
  public IntValue max(IntValue o) {
    return compareTo(o) >= 0 ? this : o;
  }

  @Override
  public int compareTo(IntValue o) {
    if (big == null && o.big == null) {
      return Long.compare(small, o.small);
    }
    return toBigInteger().compareTo(o.toBigInteger());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof IntValue v)) {
      return false;
    }
    return big == null ? v.big == null && small == v.small : big.equals(v.big);
  }

  @Override
  public int hashCode() {
    // Not Long.hashCode(small), which folds n and -n-1 onto one value (0 and -1, 6 and -7): in
    // canonical forms those differ in a constant or coefficient and then share a hash. The odd
    // multiplier spreads the bits first; values beyond long keep BigInteger's hash.
    return big == null ? Long.hashCode(small * 0x9E3779B97F4A7C15L) : big.hashCode();
  }

  @Override
  public String toString() {
    return big == null ? Long.toString(small) : big.toString();
  }
}
