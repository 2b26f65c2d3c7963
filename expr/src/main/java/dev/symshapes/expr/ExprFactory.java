package dev.symshapes.expr;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Makes expressions, in canonical form and interned. The only way to create an {@link Expr}.
 *
 * <p>Canonical form, applied at construction (like sympy's automatic evaluation and JAX's {@code
 * _DimExpr}):
 *
 * <ul>
 *   <li>sums and products are multiplied out into polynomials with collected terms, so {@code s3*s2
 *       + 2*s2*s3} is {@code 3*s2*s3}; a product of two sums whose expansion would exceed {@link
 *       Builder#maxExpandedTerms} pairwise products stays an unexpanded atom. Because of expansion,
 *       {@code s0*(s1 + 1)} prints as {@code s0*s1 + s0} where sympy would keep the product;
 *   <li>{@code FloorDiv}, {@code Mod}, {@code CleanDiv} and {@code ModularIndexing} fold constants,
 *       pull out terms that are multiples of a constant divisor ({@code (4*s0 + s1)//4 -> s0 +
 *       (s1//4)}), cancel common integer content and common monomial factors ({@code (s0*s1)//s0 ->
 *       s1}) and flatten nested floor divisions by positive constants;
 *   <li>{@code Min}/{@code Max} are flattened, merge constants and drop an argument that differs
 *       from another by a constant in the wrong direction;
 *   <li>relations fold when their sides differ by a constant; {@code Not} of a relation is the
 *       negated relation; {@code And}/{@code Or} are flattened, deduplicated and short-circuited.
 * </ul>
 *
 * <p>Every rule is sound for Python semantics and any integer values of the symbols; rules that
 * depend on what is known about symbols (ranges, divisibility) belong to the shape environment.
 * Integer constants are exact (see {@link IntValue}); literal division or modulo by zero throws
 * {@link ArithmeticException}. {@code int_oo} combines only with constants and with the same
 * infinity; anything else is an {@link IllegalArgumentException}.
 *
 * <p>A factory is safe for concurrent use. Expressions made by different factories cannot be
 * combined: doing so throws an {@link IllegalArgumentException} naming the operation.
 *
 * <pre>{@code
 * ExprFactory f = ExprFactory.create();
 * Sym s2 = f.symbol("s2"), s3 = f.symbol("s3");
 * IntExpr e = f.add(f.mul(s3, s2), f.mul(f.integer(2), f.mul(s2, s3)));  // 3*s2*s3
 * }</pre>
 */
public final class ExprFactory {
  /** The default expansion budget, in pairwise products of two sums. */
  public static final int DEFAULT_MAX_EXPANDED_TERMS = 256;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Names the parser reads as something other than a symbol. */
  private static final ImmutableSet<String> RESERVED =
      ImmutableSet.of(
          "int_oo", "oo", "nan", "zoo", "True", "False", "true", "false", "and", "or", "not");

  /** Relations named as sympy names them (Eq, Ne, Lt, Le, Gt, Ge), for error messages. */
  private static final ImmutableMap<ExprKind, String> RELATION_NAMES = relationNames();

  private static ImmutableMap<ExprKind, String> relationNames() {
    ImmutableMap.Builder<ExprKind, String> b = ImmutableMap.builder();
    for (ExprKind k : ExprKind.values()) {
      if (k.isRelation()) {
        b.put(k, k.name().charAt(0) + k.name().substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return b.buildOrThrow();
  }

  /** Constants in this range are kept once made, so that the common ones skip the interner. */
  private static final int SMALL_LOW = -128;

  private static final int SMALL_HIGH = 1024;

  private final Interner<Expr> interner = Interners.newWeakInterner();
  private final AtomicReferenceArray<IntConst> small =
      new AtomicReferenceArray<>(SMALL_HIGH - SMALL_LOW + 1);
  private final int maxExpandedTerms;
  private final IntConst zero;
  private final IntConst one;
  private final IntConst minusOne;
  private final BoolConst trueConst;
  private final BoolConst falseConst;
  private final IntInfinity intInfinity;
  private final IntInfinity negIntInfinity;

  private ExprFactory(Builder b) {
    this.maxExpandedTerms = b.maxExpandedTerms;
    this.zero = intern(new IntConst(this, IntValue.ZERO));
    this.one = intern(new IntConst(this, IntValue.ONE));
    this.minusOne = intern(new IntConst(this, IntValue.MINUS_ONE));
    this.trueConst = intern(new BoolConst(this, true));
    this.falseConst = intern(new BoolConst(this, false));
    this.intInfinity = intern(new IntInfinity(this, IntInfinity.Sign.POSITIVE));
    this.negIntInfinity = intern(new IntInfinity(this, IntInfinity.Sign.NEGATIVE));
  }

  /** A factory with default settings. */
  public static ExprFactory create() {
    return builder().build();
  }

  /** A builder for a factory with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a factory. */
  public static final class Builder {
    private int maxExpandedTerms = DEFAULT_MAX_EXPANDED_TERMS;

    private Builder() {}

    /**
     * The expansion budget: multiplying two sums of {@code n} and {@code m} parts (a non-zero
     * constant counts as a part) is multiplied out only when {@code n*m <= limit}; a power {@code
     * p**k} of a sum of {@code n} parts only when {@code n**k <= limit}. Past the budget the
     * product stays an atom, so canonical forms are no longer unique for it.
     */
    public Builder maxExpandedTerms(int limit) {
      checkArgument(limit >= 4, "maxExpandedTerms (%s) must be >= 4", limit);
      this.maxExpandedTerms = limit;
      return this;
    }

    /** Builds the factory. */
    public ExprFactory build() {
      return new ExprFactory(this);
    }
  }

  /** The expansion budget; see {@link Builder#maxExpandedTerms}. */
  public int maxExpandedTerms() {
    return maxExpandedTerms;
  }

  @SuppressWarnings("unchecked")
  <T extends Expr> T intern(T e) {
    return (T) interner.intern(e);
  }

  // ---- atoms ----

  /** The constant {@code v}. */
  public IntConst integer(long v) {
    if (v == 0) {
      return zero;
    }
    if (v == 1) {
      return one;
    }
    if (v >= SMALL_LOW && v <= SMALL_HIGH) {
      int i = (int) v - SMALL_LOW;
      IntConst c = small.get(i);
      if (c == null) {
        // Two threads may both get here: the interner gives both the same instance.
        c = intern(new IntConst(this, IntValue.of(v)));
        small.set(i, c);
      }
      return c;
    }
    return intern(new IntConst(this, IntValue.of(v)));
  }

  /** The constant {@code v}. */
  public IntConst integer(IntValue v) {
    checkNotNull(v, "v");
    if (v.fitsLong()) {
      long x = v.longValueExact();
      if (x >= SMALL_LOW && x <= SMALL_HIGH) {
        return integer(x);
      }
    }
    return intern(new IntConst(this, v));
  }

  /** The constant {@code v}. */
  public IntConst integer(BigInteger v) {
    return integer(IntValue.of(checkNotNull(v, "v")));
  }

  /** The constant 0. */
  public IntConst zero() {
    return zero;
  }

  /** The constant 1. */
  public IntConst one() {
    return one;
  }

  /** The constant -1. */
  public IntConst minusOne() {
    return minusOne;
  }

  /** {@code int_oo}. */
  public IntInfinity intInfinity() {
    return intInfinity;
  }

  /** {@code -int_oo}. */
  public IntInfinity negIntInfinity() {
    return negIntInfinity;
  }

  /**
   * The symbol called {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not an identifier ({@code
   *     [A-Za-z_][A-Za-z0-9_]*}) or is a reserved word such as {@code int_oo} or {@code True}
   */
  public Sym symbol(String name) {
    checkNotNull(name, "name");
    checkArgument(
        IDENTIFIER.matcher(name).matches(),
        "symbol name (%s) must be an identifier: a letter or _ followed by letters, digits or _",
        name);
    checkArgument(!RESERVED.contains(name), "symbol name (%s) is a reserved word", name);
    return intern(new Sym(this, name));
  }

  /** The constant {@code true} or {@code false}. */
  public BoolConst bool(boolean value) {
    return value ? trueConst : falseConst;
  }

  /** The constant {@code true}. */
  public BoolConst trueExpr() {
    return trueConst;
  }

  /** The constant {@code false}. */
  public BoolConst falseExpr() {
    return falseConst;
  }

  // ---- arithmetic ----

  /** {@code a + b}. */
  public IntExpr add(IntExpr a, IntExpr b) {
    check(a, "add");
    check(b, "add");
    if (isInfinite(a) || isInfinite(b)) {
      return addInfinite(List.of(a, b));
    }
    return Polynomials.add(this, a, b);
  }

  /** The sum of {@code terms}; 0 when there are none. */
  public IntExpr add(IntExpr... terms) {
    return sum(Arrays.asList(terms));
  }

  /** The sum of {@code terms}; 0 when there are none. */
  public IntExpr sum(Iterable<? extends IntExpr> terms) {
    List<IntExpr> xs = new ArrayList<>();
    boolean infinite = false;
    for (IntExpr t : terms) {
      check(t, "add");
      infinite |= isInfinite(t);
      xs.add(t);
    }
    return infinite ? addInfinite(xs) : Polynomials.sum(this, xs);
  }

  /** {@code a - b}. */
  public IntExpr sub(IntExpr a, IntExpr b) {
    return add(a, neg(b));
  }

  /** {@code -a}. */
  public IntExpr neg(IntExpr a) {
    check(a, "neg");
    if (isInfinite(a)) {
      return ((IntInfinity) a).isNegative() ? intInfinity : negIntInfinity;
    }
    return Polynomials.scale(this, a, IntValue.MINUS_ONE);
  }

  /** {@code c * a}. */
  public IntExpr scale(IntExpr a, IntValue c) {
    check(a, "scale");
    checkNotNull(c, "c");
    if (isInfinite(a)) {
      return mul(a, integer(c));
    }
    return Polynomials.scale(this, a, c);
  }

  /** {@code a * b}, multiplied out within the expansion budget. */
  public IntExpr mul(IntExpr a, IntExpr b) {
    check(a, "mul");
    check(b, "mul");
    if (isInfinite(a) || isInfinite(b)) {
      return mulInfinite(a, b);
    }
    return Polynomials.mul(this, a, b);
  }

  /** The product of {@code factors}; 1 when there are none. */
  public IntExpr mul(IntExpr... factors) {
    return product(Arrays.asList(factors));
  }

  /** The product of {@code factors}; 1 when there are none. */
  public IntExpr product(Iterable<? extends IntExpr> factors) {
    IntExpr result = one;
    for (IntExpr x : factors) {
      result = mul(result, x);
    }
    return result;
  }

  /**
   * {@code a ** n} for a natural exponent {@code n}; {@code a ** 0 == 1}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public IntExpr pow(IntExpr a, int n) {
    check(a, "pow");
    checkArgument(n >= 0, "exponent (%s) must be >= 0", n);
    if (isInfinite(a)) {
      checkArgument(n > 0, "int_oo**0 is undefined");
      return (n % 2 == 0) ? intInfinity : a;
    }
    return Polynomials.pow(this, a, n);
  }

  /**
   * Python floor division {@code a // b}.
   *
   * @throws ArithmeticException if {@code b} is the constant 0
   */
  public IntExpr floorDiv(IntExpr a, IntExpr b) {
    check(a, "FloorDiv");
    check(b, "FloorDiv");
    if (isInfinite(a) || isInfinite(b)) {
      return divInfinite(a, b, "FloorDiv");
    }
    return DivModRules.floorDiv(this, a, b);
  }

  /**
   * Division that the caller knows to be exact; evaluates like {@link #floorDiv}.
   *
   * @throws ArithmeticException if {@code b} is 0, or both are constants and the division is not
   *     exact
   */
  public IntExpr cleanDiv(IntExpr a, IntExpr b) {
    check(a, "CleanDiv");
    check(b, "CleanDiv");
    checkFinite(a, b, "CleanDiv");
    return DivModRules.cleanDiv(this, a, b);
  }

  /**
   * {@code ceil(a / b)}; see {@link DivModRules#ceilDiv} for the form it takes.
   *
   * @throws ArithmeticException if {@code b} is 0
   */
  public IntExpr ceilDiv(IntExpr a, IntExpr b) {
    check(a, "CeilDiv");
    check(b, "CeilDiv");
    checkFinite(a, b, "CeilDiv");
    return DivModRules.ceilDiv(this, a, b);
  }

  /**
   * Python remainder {@code a % b} (sign of the divisor).
   *
   * @throws ArithmeticException if {@code b} is the constant 0
   */
  public IntExpr mod(IntExpr a, IntExpr b) {
    check(a, "Mod");
    check(b, "Mod");
    checkFinite(a, b, "Mod");
    return DivModRules.mod(this, a, b);
  }

  /**
   * {@code ModularIndexing(a, b, c) == (a // b) % c}.
   *
   * @throws ArithmeticException if {@code b} or {@code c} is the constant 0
   */
  public IntExpr modularIndexing(IntExpr a, IntExpr b, IntExpr c) {
    check(a, "ModularIndexing");
    check(b, "ModularIndexing");
    check(c, "ModularIndexing");
    checkFinite(a, b, "ModularIndexing");
    checkFinite(c, c, "ModularIndexing");
    return DivModRules.modularIndexing(this, a, b, c);
  }

  /** The minimum of one or more expressions. */
  public IntExpr min(IntExpr first, IntExpr... rest) {
    return min(asList(first, rest));
  }

  /** The minimum of one or more expressions. */
  public IntExpr min(Iterable<? extends IntExpr> args) {
    return minMax(ExprKind.MIN, args);
  }

  /** The maximum of one or more expressions. */
  public IntExpr max(IntExpr first, IntExpr... rest) {
    return max(asList(first, rest));
  }

  /** The maximum of one or more expressions. */
  public IntExpr max(Iterable<? extends IntExpr> args) {
    return minMax(ExprKind.MAX, args);
  }

  private IntExpr minMax(ExprKind kind, Iterable<? extends IntExpr> args) {
    List<IntExpr> xs = new ArrayList<>();
    String op = kind == ExprKind.MAX ? "Max" : "Min";
    for (IntExpr a : args) {
      check(a, op);
      xs.add(a);
    }
    checkArgument(!xs.isEmpty(), "%s needs at least one argument", op);
    return MinMaxRules.minMax(this, kind, xs);
  }

  /** {@code p} when {@code c} holds, else {@code q}. */
  public IntExpr where(BoolExpr c, IntExpr p, IntExpr q) {
    check(c, "Where");
    check(p, "Where");
    check(q, "Where");
    if (c.isTrue()) {
      return p;
    }
    if (c.isFalse() || p == q) {
      return q;
    }
    return newCall(ExprKind.WHERE, ImmutableList.of(c, p, q));
  }

  // ---- relations and connectives ----

  /** {@code Eq(a, b)}. */
  public BoolExpr eq(IntExpr a, IntExpr b) {
    return relation(ExprKind.EQ, a, b);
  }

  /** {@code Ne(a, b)}. */
  public BoolExpr ne(IntExpr a, IntExpr b) {
    return relation(ExprKind.NE, a, b);
  }

  /** {@code a < b}. */
  public BoolExpr lt(IntExpr a, IntExpr b) {
    return relation(ExprKind.LT, a, b);
  }

  /** {@code a <= b}. */
  public BoolExpr le(IntExpr a, IntExpr b) {
    return relation(ExprKind.LE, a, b);
  }

  /** {@code a > b}. */
  public BoolExpr gt(IntExpr a, IntExpr b) {
    return relation(ExprKind.GT, a, b);
  }

  /** {@code a >= b}. */
  public BoolExpr ge(IntExpr a, IntExpr b) {
    return relation(ExprKind.GE, a, b);
  }

  /**
   * The relation {@code kind} between {@code a} and {@code b}.
   *
   * @throws IllegalArgumentException if {@code kind} is not a relation
   */
  public BoolExpr relation(ExprKind kind, IntExpr a, IntExpr b) {
    checkArgument(kind.isRelation(), "kind (%s) must be a relation", kind);
    String op = RELATION_NAMES.get(kind);
    check(a, op);
    check(b, op);
    return BoolRules.relation(this, kind, a, b);
  }

  /** The conjunction of {@code args}; {@code true} when there are none. */
  public BoolExpr and(BoolExpr... args) {
    return and(Arrays.asList(args));
  }

  /** The conjunction of {@code args}; {@code true} when there are none. */
  public BoolExpr and(Iterable<? extends BoolExpr> args) {
    return connective(ExprKind.AND, args);
  }

  /** The disjunction of {@code args}; {@code false} when there are none. */
  public BoolExpr or(BoolExpr... args) {
    return or(Arrays.asList(args));
  }

  /** The disjunction of {@code args}; {@code false} when there are none. */
  public BoolExpr or(Iterable<? extends BoolExpr> args) {
    return connective(ExprKind.OR, args);
  }

  private BoolExpr connective(ExprKind kind, Iterable<? extends BoolExpr> args) {
    List<BoolExpr> xs = new ArrayList<>();
    for (BoolExpr a : args) {
      check(a, kind == ExprKind.AND ? "And" : "Or");
      xs.add(a);
    }
    return BoolRules.connective(this, kind, xs);
  }

  /**
   * The negation of {@code x}; of a relation, the negated relation ({@code Not(a < b) -> a >= b}).
   */
  public BoolExpr not(BoolExpr x) {
    check(x, "Not");
    return BoolRules.not(this, x);
  }

  // ---- internals shared with the rule classes ----

  IntCall newCall(ExprKind kind, ImmutableList<Expr> args) {
    return intern(new IntCall(this, kind, args));
  }

  /** Checks that {@code e} belongs to this factory. */
  void check(Expr e, String op) {
    checkNotNull(e, "argument of %s", op);
    if (e.factory() != this) {
      throw new IllegalArgumentException(
          "cannot use "
              + e
              + " in "
              + op
              + ": it was made by a different ExprFactory (expressions of different factories"
              + " cannot be combined)");
    }
  }

  private static List<IntExpr> asList(IntExpr first, IntExpr[] rest) {
    List<IntExpr> xs = new ArrayList<>(rest.length + 1);
    xs.add(first);
    xs.addAll(Arrays.asList(rest));
    return xs;
  }

  private static boolean isInfinite(IntExpr e) {
    return e.kind() == ExprKind.INT_INFINITY;
  }

  private void checkFinite(IntExpr a, IntExpr b, String op) {
    checkArgument(
        !isInfinite(a) && !isInfinite(b),
        "%s(%s, %s) is undefined: int_oo cannot be an operand of %s",
        op,
        a,
        b,
        op);
  }

  private IntExpr addInfinite(List<IntExpr> xs) {
    IntInfinity inf = null;
    for (IntExpr x : xs) {
      if (isInfinite(x)) {
        IntInfinity i = (IntInfinity) x;
        checkArgument(inf == null || inf == i, "int_oo - int_oo is undefined (in a sum of %s)", xs);
        inf = i;
      }
    }
    for (IntExpr x : xs) {
      checkArgument(
          isInfinite(x) || x.kind() == ExprKind.INT_CONST,
          "cannot add %s to %s: int_oo combines only with constants",
          x,
          inf);
    }
    return inf;
  }

  private IntExpr mulInfinite(IntExpr a, IntExpr b) {
    int sign = 1;
    for (IntExpr x : List.of(a, b)) {
      if (isInfinite(x)) {
        sign *= ((IntInfinity) x).isNegative() ? -1 : 1;
      } else {
        IntValue v = x.constantValue();
        checkArgument(
            v != null, "cannot multiply %s by %s: int_oo combines only with constants", a, b);
        checkArgument(!v.isZero(), "0*int_oo is undefined");
        sign *= v.signum();
      }
    }
    return sign > 0 ? intInfinity : negIntInfinity;
  }

  private IntExpr divInfinite(IntExpr a, IntExpr b, String op) {
    IntValue bv = b.constantValue();
    IntValue av = a.constantValue();
    if (isInfinite(a) && bv != null) {
      checkArgument(!bv.isZero(), "division by zero: (%s//0)", a);
      return bv.signum() > 0 ? a : neg(a);
    }
    if (isInfinite(b) && av != null) {
      // A finite value divided by an infinity rounds like PyTorch: floor(±0.0) == 0.
      return zero;
    }
    throw new IllegalArgumentException(
        op + "(" + a + ", " + b + ") is undefined: int_oo combines only with constants");
  }
}
