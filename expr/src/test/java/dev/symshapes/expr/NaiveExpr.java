package dev.symshapes.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reference language for tests: an expression tree exactly as written, with no canonical form,
 * and a tiny evaluator over {@link BigInteger} written independently of symshapes' interpreter.
 * Properties build the same tree through an {@link ExprFactory} and compare.
 *
 * <p>Evaluation is strict: every argument is evaluated, also the branch a {@code Where} does not
 * take, so a tree that divides by zero anywhere has no value. Canonical forms may drop such a
 * division ({@code 0*(1//s0)} is 0), never add one.
 */
record NaiveExpr(Op op, String name, BigInteger value, List<NaiveExpr> args) {

  /** Node kinds; {@code POW} keeps its exponent in {@code value}. */
  enum Op {
    SYM,
    CONST,
    ADD,
    SUB,
    NEG,
    MUL,
    POW,
    FLOOR_DIV,
    CEIL_DIV,
    MOD,
    MOD_INDEX,
    MIN,
    MAX,
    WHERE,
    TRUE,
    FALSE,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    AND,
    OR,
    NOT;

    boolean isBool() {
      return compareTo(TRUE) >= 0;
    }
  }

  NaiveExpr {
    args = List.copyOf(args);
  }

  static NaiveExpr sym(String name) {
    return new NaiveExpr(Op.SYM, name, null, List.of());
  }

  static NaiveExpr constant(BigInteger v) {
    return new NaiveExpr(Op.CONST, null, v, List.of());
  }

  static NaiveExpr constant(long v) {
    return constant(BigInteger.valueOf(v));
  }

  static NaiveExpr pow(NaiveExpr base, int exponent) {
    return new NaiveExpr(Op.POW, null, BigInteger.valueOf(exponent), List.of(base));
  }

  static NaiveExpr of(Op op, NaiveExpr... args) {
    return new NaiveExpr(op, null, null, List.of(args));
  }

  static NaiveExpr of(Op op, List<NaiveExpr> args) {
    return new NaiveExpr(op, null, null, args);
  }

  boolean isBool() {
    return op.isBool();
  }

  // ---- the reference evaluator ----

  /** The integer value; ArithmeticException on a division by zero anywhere in the tree. */
  BigInteger intValue(Function<String, BigInteger> env) {
    switch (op) {
      case SYM:
        return env.apply(name);
      case CONST:
        return value;
      case ADD:
        return arg(0, env).add(arg(1, env));
      case SUB:
        return arg(0, env).subtract(arg(1, env));
      case NEG:
        return arg(0, env).negate();
      case MUL:
        return arg(0, env).multiply(arg(1, env));
      case POW:
        return arg(0, env).pow(value.intValueExact());
      case FLOOR_DIV:
        return floorDiv(arg(0, env), arg(1, env));
      case CEIL_DIV:
        return floorDiv(arg(0, env).negate(), arg(1, env)).negate();
      case MOD:
        return mod(arg(0, env), arg(1, env));
      case MOD_INDEX:
        return mod(floorDiv(arg(0, env), arg(1, env)), arg(2, env));
      case MIN:
        return values(env).stream().min(BigInteger::compareTo).orElseThrow();
      case MAX:
        return values(env).stream().max(BigInteger::compareTo).orElseThrow();
      case WHERE:
        {
          boolean c = args.get(0).boolValue(env);
          BigInteger p = arg(1, env);
          BigInteger q = arg(2, env);
          return c ? p : q;
        }
      default:
        throw new IllegalStateException(op + " is not an integer");
    }
  }

  /** The truth value; ArithmeticException on a division by zero anywhere in the tree. */
  boolean boolValue(Function<String, BigInteger> env) {
    switch (op) {
      case TRUE:
        return true;
      case FALSE:
        return false;
      case EQ:
        return compare(env) == 0;
      case NE:
        return compare(env) != 0;
      case LT:
        return compare(env) < 0;
      case LE:
        return compare(env) <= 0;
      case GT:
        return compare(env) > 0;
      case GE:
        return compare(env) >= 0;
      case AND:
        {
          boolean all = true;
          for (NaiveExpr a : args) {
            all &= a.boolValue(env);
          }
          return all;
        }
      case OR:
        {
          boolean any = false;
          for (NaiveExpr a : args) {
            any |= a.boolValue(env);
          }
          return any;
        }
      case NOT:
        return !args.get(0).boolValue(env);
      default:
        throw new IllegalStateException(op + " is not a boolean");
    }
  }

  /** Python's {@code a // b}: the quotient rounded toward negative infinity. */
  static BigInteger floorDiv(BigInteger a, BigInteger b) {
    if (b.signum() == 0) {
      throw new ArithmeticException("naive division by zero");
    }
    BigInteger[] qr = a.divideAndRemainder(b);
    // Truncation rounded toward zero; when the exact quotient is negative and not whole, step down.
    boolean negative = a.signum() * b.signum() < 0;
    return negative && qr[1].signum() != 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** Python's {@code a % b}, defined by {@code a == b*(a//b) + a%b}. */
  static BigInteger mod(BigInteger a, BigInteger b) {
    return a.subtract(b.multiply(floorDiv(a, b)));
  }

  private BigInteger arg(int i, Function<String, BigInteger> env) {
    return args.get(i).intValue(env);
  }

  private List<BigInteger> values(Function<String, BigInteger> env) {
    List<BigInteger> out = new ArrayList<>();
    for (NaiveExpr a : args) {
      out.add(a.intValue(env));
    }
    return out;
  }

  private int compare(Function<String, BigInteger> env) {
    return arg(0, env).compareTo(arg(1, env));
  }

  // ---- building through a factory ----

  /** The same tree built through {@code f}, one factory call per node. */
  Expr build(ExprFactory f) {
    return isBool() ? buildBool(f) : buildInt(f);
  }

  IntExpr buildInt(ExprFactory f) {
    switch (op) {
      case SYM:
        return f.symbol(name);
      case CONST:
        return f.integer(value);
      case ADD:
        return f.add(intArg(f, 0), intArg(f, 1));
      case SUB:
        return f.sub(intArg(f, 0), intArg(f, 1));
      case NEG:
        return f.neg(intArg(f, 0));
      case MUL:
        return f.mul(intArg(f, 0), intArg(f, 1));
      case POW:
        return f.pow(intArg(f, 0), value.intValueExact());
      case FLOOR_DIV:
        return f.floorDiv(intArg(f, 0), intArg(f, 1));
      case CEIL_DIV:
        return f.ceilDiv(intArg(f, 0), intArg(f, 1));
      case MOD:
        return f.mod(intArg(f, 0), intArg(f, 1));
      case MOD_INDEX:
        return f.modularIndexing(intArg(f, 0), intArg(f, 1), intArg(f, 2));
      case MIN:
        return f.min(intArgs(f));
      case MAX:
        return f.max(intArgs(f));
      case WHERE:
        return f.where(args.get(0).buildBool(f), intArg(f, 1), intArg(f, 2));
      default:
        throw new IllegalStateException(op + " is not an integer");
    }
  }

  BoolExpr buildBool(ExprFactory f) {
    switch (op) {
      case TRUE:
        return f.trueExpr();
      case FALSE:
        return f.falseExpr();
      case EQ:
        return f.eq(intArg(f, 0), intArg(f, 1));
      case NE:
        return f.ne(intArg(f, 0), intArg(f, 1));
      case LT:
        return f.lt(intArg(f, 0), intArg(f, 1));
      case LE:
        return f.le(intArg(f, 0), intArg(f, 1));
      case GT:
        return f.gt(intArg(f, 0), intArg(f, 1));
      case GE:
        return f.ge(intArg(f, 0), intArg(f, 1));
      case AND:
        return f.and(boolArgs(f));
      case OR:
        return f.or(boolArgs(f));
      case NOT:
        return f.not(args.get(0).buildBool(f));
      default:
        throw new IllegalStateException(op + " is not a boolean");
    }
  }

  private IntExpr intArg(ExprFactory f, int i) {
    return args.get(i).buildInt(f);
  }

  private List<IntExpr> intArgs(ExprFactory f) {
    return args.stream().map(a -> a.buildInt(f)).collect(Collectors.toList());
  }

  private List<BoolExpr> boolArgs(ExprFactory f) {
    return args.stream().map(a -> a.buildBool(f)).collect(Collectors.toList());
  }

  // ---- the same structure, written in another order ----

  /**
   * An equal expression written differently: arguments of {@code +}, {@code *}, {@code Min}, {@code
   * Max}, {@code And} and {@code Or} permuted, {@code a - b} written {@code -b + a}, nested {@code
   * Min}/{@code Max}/{@code And}/{@code Or} regrouped. Relations keep their sides (the canonical
   * form keeps them as written, as sympy does).
   */
  NaiveExpr reordered(Random random) {
    List<NaiveExpr> xs = new ArrayList<>();
    for (NaiveExpr a : args) {
      xs.add(a.reordered(random));
    }
    switch (op) {
      case ADD:
      case MUL:
        Collections.shuffle(xs, random);
        return of(op, xs);
      case SUB:
        return of(Op.ADD, of(Op.NEG, xs.get(1)), xs.get(0));
      case MIN:
      case MAX:
      case AND:
      case OR:
        Collections.shuffle(xs, random);
        if (xs.size() >= 3 && random.nextBoolean()) {
          // op(a, b, c) == op(a, op(b, c))
          return of(op, xs.get(0), of(op, xs.subList(1, xs.size())));
        }
        return of(op, xs);
      default:
        return new NaiveExpr(op, name, value, xs);
    }
  }

  @Override
  public String toString() {
    switch (op) {
      case SYM:
        return name;
      case CONST:
        return value.toString();
      case POW:
        return "POW(" + args.get(0) + ", " + value + ")";
      default:
        return op
            + args.stream().map(NaiveExpr::toString).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  /** An environment of {@code values} by symbol name, for {@link #intValue}. */
  static Function<String, BigInteger> env(Map<String, BigInteger> values) {
    return name -> {
      BigInteger v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("no value for " + name);
      }
      return v;
    };
  }
}
