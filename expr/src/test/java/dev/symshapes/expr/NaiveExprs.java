package dev.symshapes.expr;

import dev.symshapes.expr.NaiveExpr.Op;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of {@link NaiveExpr} trees and of assignments to their symbols. Choices
 * come from the {@link RandomnessSource}, so failures shrink towards small constants, symbols and
 * shallow trees.
 */
final class NaiveExprs {
  static final String[] SYMBOLS = {"s0", "s1", "u0", "u1"};

  /** Edge constants: around 0, around the ends of {@code long}, and beyond. */
  static final BigInteger[] EDGE_CONSTANTS = {
    BigInteger.ZERO,
    BigInteger.ONE,
    BigInteger.ONE.negate(),
    BigInteger.valueOf(Long.MAX_VALUE),
    BigInteger.valueOf(Long.MIN_VALUE),
    BigInteger.valueOf(Long.MIN_VALUE).negate(),
    BigInteger.TEN.pow(25),
    BigInteger.TEN.pow(25).negate().add(BigInteger.valueOf(7)),
  };

  private NaiveExprs() {}

  /** Integer trees of every integer operation, operator depth at most {@code depth}. */
  static Gen<NaiveExpr> ints(int depth) {
    return in -> integer(in, depth, false);
  }

  /** Boolean trees: relations of integer trees and connectives, depth at most {@code depth}. */
  static Gen<NaiveExpr> bools(int depth) {
    return in -> bool(in, depth);
  }

  /** Integer or boolean trees. */
  static Gen<NaiveExpr> any(int depth) {
    return in -> pick(in, 2) == 0 ? integer(in, depth, false) : bool(in, depth);
  }

  /** Polynomials: {@code + - *}, negation and small powers of symbols and constants. */
  static Gen<NaiveExpr> polynomials(int depth) {
    return in -> integer(in, depth, true);
  }

  /**
   * Values for every symbol: mostly small (where floor division and remainders change sign), now
   * and then beyond {@code long}.
   */
  static Gen<Map<String, BigInteger>> assignments() {
    return in -> {
      Map<String, BigInteger> m = new HashMap<>();
      for (String s : SYMBOLS) {
        m.put(s, value(in));
      }
      return m;
    };
  }

  private static BigInteger value(RandomnessSource in) {
    if (pick(in, 8) == 0) {
      return EDGE_CONSTANTS[pick(in, EDGE_CONSTANTS.length)];
    }
    return BigInteger.valueOf(in.next(Constraint.between(-6, 6).withShrinkPoint(0)));
  }

  private static int pick(RandomnessSource in, int n) {
    return (int) in.next(Constraint.between(0, n - 1));
  }

  private static NaiveExpr integer(RandomnessSource in, int depth, boolean polynomial) {
    int choice = depth == 0 ? pick(in, 3) : pick(in, polynomial ? 9 : 17);
    switch (choice) {
      case 0:
      case 1:
        return NaiveExpr.sym(SYMBOLS[pick(in, SYMBOLS.length)]);
      case 2:
        return NaiveExpr.constant(value(in));
      default:
        break;
    }
    NaiveExpr a = integer(in, depth - 1, polynomial);
    switch (choice) {
      case 3:
      case 4:
        return NaiveExpr.of(Op.ADD, a, integer(in, depth - 1, polynomial));
      case 5:
        return NaiveExpr.of(Op.SUB, a, integer(in, depth - 1, polynomial));
      case 6:
      case 7:
        return NaiveExpr.of(Op.MUL, a, integer(in, depth - 1, polynomial));
      case 8:
        return pick(in, 2) == 0 ? NaiveExpr.of(Op.NEG, a) : NaiveExpr.pow(a, pick(in, 4));
      case 9:
        return NaiveExpr.of(Op.FLOOR_DIV, a, integer(in, depth - 1, false));
      case 10:
        return NaiveExpr.of(Op.CEIL_DIV, a, integer(in, depth - 1, false));
      case 11:
        return NaiveExpr.of(Op.MOD, a, integer(in, depth - 1, false));
      case 12:
        return NaiveExpr.of(
            Op.MOD_INDEX, a, integer(in, depth - 1, false), integer(in, depth - 1, false));
      case 13:
      case 14:
        {
          List<NaiveExpr> xs = new ArrayList<>();
          xs.add(a);
          int n = 1 + pick(in, 2);
          for (int i = 0; i < n; i++) {
            xs.add(integer(in, depth - 1, false));
          }
          return NaiveExpr.of(choice == 13 ? Op.MIN : Op.MAX, xs);
        }
      case 15:
        return NaiveExpr.of(Op.WHERE, bool(in, depth - 1), a, integer(in, depth - 1, false));
      default:
        // Division by a small constant: the common case in shapes.
        NaiveExpr d = NaiveExpr.constant(1 + pick(in, 8));
        return NaiveExpr.of(pick(in, 2) == 0 ? Op.FLOOR_DIV : Op.MOD, a, d);
    }
  }

  private static NaiveExpr bool(RandomnessSource in, int depth) {
    int choice = depth == 0 ? 0 : pick(in, 9);
    int sub = Math.max(depth - 1, 0);
    switch (choice) {
      case 0:
        return NaiveExpr.of(pick(in, 2) == 0 ? Op.TRUE : Op.FALSE);
      case 1:
      case 2:
      case 3:
      case 4:
        {
          Op[] relations = {Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE};
          return NaiveExpr.of(
              relations[pick(in, relations.length)],
              integer(in, sub, false),
              integer(in, sub, false));
        }
      case 5:
      case 6:
      case 7:
        {
          List<NaiveExpr> xs = new ArrayList<>();
          int n = 2 + pick(in, 2);
          for (int i = 0; i < n; i++) {
            xs.add(bool(in, sub));
          }
          return NaiveExpr.of(choice == 7 ? Op.OR : Op.AND, xs);
        }
      default:
        return NaiveExpr.of(Op.NOT, bool(in, sub));
    }
  }
}
