package dev.symshapes.solver.smt;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random scenarios for soundness properties: three symbols, each in a small box ({@code [lo, lo +
 * 6]} with {@code lo} in {@code [-4, 1]}, so negative divisors and zero occur), up to three random
 * facts and a random query over every integer kind the SMT tier encodes ({@code +}, {@code *},
 * powers, {@code //} and {@code %} with symbolic divisors of either sign, {@code Min}, {@code Max},
 * {@code Where}) and the relations and connectives. The box is small enough to enumerate, which is
 * the oracle.
 */
final class SmtGens {
  static final ExprFactory F = ExprFactory.create();
  static final List<Sym> SYMBOLS = List.of(F.symbol("u0"), F.symbol("u1"), F.symbol("u2"));

  private static final ExprKind[] RELATIONS = {
    ExprKind.EQ, ExprKind.NE, ExprKind.LT, ExprKind.LE, ExprKind.GT, ExprKind.GE
  };

  private SmtGens() {}

  /**
   * A scenario.
   *
   * @param lows the lower bound of each symbol's box
   * @param highs the upper bound of each symbol's box
   * @param facts facts assumed, besides the boxes
   * @param query the query
   */
  record Scenario(long[] lows, long[] highs, List<BoolExpr> facts, BoolExpr query) {
    /** The box bounds and the facts, as facts. */
    List<BoolExpr> allFacts() {
      List<BoolExpr> out = new ArrayList<>();
      for (int i = 0; i < SYMBOLS.size(); i++) {
        out.add(F.ge(SYMBOLS.get(i), F.integer(lows[i])));
        out.add(F.le(SYMBOLS.get(i), F.integer(highs[i])));
      }
      out.addAll(facts);
      return out;
    }

    /** Every assignment in the box where the facts hold (and evaluate without error). */
    List<Map<Sym, IntValue>> models() {
      List<Map<Sym, IntValue>> out = new ArrayList<>();
      for (long a = lows[0]; a <= highs[0]; a++) {
        for (long b = lows[1]; b <= highs[1]; b++) {
          for (long c = lows[2]; c <= highs[2]; c++) {
            Map<Sym, IntValue> m = new HashMap<>();
            m.put(SYMBOLS.get(0), IntValue.of(a));
            m.put(SYMBOLS.get(1), IntValue.of(b));
            m.put(SYMBOLS.get(2), IntValue.of(c));
            if (holds(facts, m)) {
              out.add(m);
            }
          }
        }
      }
      return out;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < SYMBOLS.size(); i++) {
        sb.append(SYMBOLS.get(i)).append(" in [").append(lows[i]).append(", ");
        sb.append(highs[i]).append("], ");
      }
      return sb + "facts " + facts + ", query " + query;
    }
  }

  /** The value of {@code e}, or null when Python would raise (division by zero). */
  static Boolean value(BoolExpr e, Map<Sym, IntValue> m) {
    try {
      return ExprInterpreter.test(e, m);
    } catch (ArithmeticException ex) {
      return null;
    }
  }

  private static boolean holds(List<BoolExpr> facts, Map<Sym, IntValue> m) {
    for (BoolExpr f : facts) {
      Boolean v = value(f, m);
      if (v == null || !v) {
        return false;
      }
    }
    return true;
  }

  static Gen<Scenario> scenarios() {
    return in -> {
      long[] lows = new long[SYMBOLS.size()];
      long[] highs = new long[SYMBOLS.size()];
      for (int i = 0; i < lows.length; i++) {
        lows[i] = draw(in, -4, 1);
        highs[i] = lows[i] + draw(in, 0, 6);
      }
      int n = (int) draw(in, 0, 3);
      List<BoolExpr> facts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        facts.add(bool(in, (int) draw(in, 1, 3)));
      }
      return new Scenario(lows, highs, facts, bool(in, (int) draw(in, 1, 3)));
    };
  }

  private static long draw(RandomnessSource in, long lo, long hi) {
    return in.next(Constraint.between(lo, hi));
  }

  static BoolExpr bool(RandomnessSource in, int depth) {
    long k = depth <= 1 ? 0 : draw(in, 0, 5);
    if (k <= 2) {
      ExprKind r = RELATIONS[(int) draw(in, 0, RELATIONS.length - 1)];
      return F.relation(r, integer(in, depth), integer(in, depth));
    }
    if (k == 3) {
      return F.and(bool(in, depth - 1), bool(in, depth - 1));
    }
    if (k == 4) {
      return F.or(bool(in, depth - 1), bool(in, depth - 1));
    }
    return F.not(bool(in, depth - 1));
  }

  static IntExpr integer(RandomnessSource in, int depth) {
    long k = depth <= 1 ? draw(in, 0, 1) : draw(in, 0, 11);
    switch ((int) k) {
      case 0:
        return SYMBOLS.get((int) draw(in, 0, SYMBOLS.size() - 1));
      case 1:
        return F.integer(draw(in, -3, 3));
      case 2:
        return F.add(integer(in, depth - 1), integer(in, depth - 1));
      case 3:
        return F.sub(integer(in, depth - 1), integer(in, depth - 1));
      case 4:
        return F.mul(integer(in, depth - 1), integer(in, depth - 1));
      case 5:
        return F.pow(integer(in, depth - 1), (int) draw(in, 2, 3));
      case 6:
        return F.floorDiv(integer(in, depth - 1), divisor(in, depth - 1));
      case 7:
        return F.mod(integer(in, depth - 1), divisor(in, depth - 1));
      case 8:
        return F.min(integer(in, depth - 1), integer(in, depth - 1));
      case 9:
        return F.max(integer(in, depth - 1), integer(in, depth - 1));
      case 10:
        return F.where(bool(in, depth - 1), integer(in, depth - 1), integer(in, depth - 1));
      default:
        return F.scale(integer(in, depth - 1), IntValue.of(draw(in, -3, 3)));
    }
  }

  /** A divisor: never the constant 0 (the factory rejects it), but possibly 0 at some values. */
  private static IntExpr divisor(RandomnessSource in, int depth) {
    IntExpr d = integer(in, depth);
    IntValue c = d.constantValue();
    return c != null && c.isZero() ? F.integer(draw(in, 1, 3) * (draw(in, 0, 1) == 0 ? 1 : -1)) : d;
  }
}
