package dev.symshapes.solver.guardset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.range.IntRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A simplified guard set is equivalent to the original: over a box of values for all symbols (wider
 * than any declared range), an assignment satisfies the one exactly when it satisfies the other.
 * Random sets have small declared ranges, equalities that can be substituted ({@code Eq(s1, s0 +
 * c)}, {@code Eq(2*s2, s0)}), single-symbol guards to merge, and relations between symbols, some
 * implied by others. Runs {@code symshapes.props.runs / 3} sets (default 100); a set whose guards
 * contradict each other must be reported as such, and really be unsatisfiable in the box.
 */
class GuardSetSimplifierProperties {
  private static final int RUNS = Math.max(10, Integer.getInteger("symshapes.props.runs", 300) / 3);
  private static final ExprFactory F = ExprFactory.create();
  private static final List<Sym> S = List.of(F.symbol("s0"), F.symbol("s1"), F.symbol("s2"));
  private static final int BOX_LO = -6;
  private static final int BOX_HI = 9;

  private static long draw(RandomnessSource in, long lo, long hi) {
    return in.next(Constraint.between(lo, hi));
  }

  private static IntExpr term(RandomnessSource in) {
    Sym a = S.get((int) draw(in, 0, 2));
    Sym b = S.get((int) draw(in, 0, 2));
    switch ((int) draw(in, 0, 5)) {
      case 0:
        return a;
      case 1:
        return F.add(a, F.integer(draw(in, -3, 3)));
      case 2:
        return F.add(F.scale(a, IntValue.of(draw(in, 1, 3))), b);
      case 3:
        return F.mul(a, b);
      case 4:
        return F.floorDiv(a, F.integer(draw(in, 2, 3)));
      default:
        return F.max(a, F.integer(draw(in, -2, 4)));
    }
  }

  private static BoolExpr guard(RandomnessSource in) {
    ExprKind[] kinds = {ExprKind.EQ, ExprKind.NE, ExprKind.LT, ExprKind.LE, ExprKind.GE};
    ExprKind k = kinds[(int) draw(in, 0, kinds.length - 1)];
    IntExpr rhs = draw(in, 0, 1) == 0 ? F.integer(draw(in, -4, 6)) : term(in);
    return F.relation(k, term(in), rhs);
  }

  private static Gen<GuardSet> sets() {
    return in -> {
      GuardSet.Builder b = GuardSet.builder(F);
      for (Sym s : S) {
        if (draw(in, 0, 2) > 0) {
          long lo = draw(in, -3, 3);
          b.range(s, IntRange.of(lo, lo + draw(in, 0, 5)));
        }
      }
      int n = (int) draw(in, 1, 5);
      for (int i = 0; i < n; i++) {
        b.guard(guard(in), i + 1);
      }
      return b.build();
    };
  }

  private static boolean satisfies(GuardSet g, Map<Sym, IntValue> m) {
    for (Map.Entry<Sym, IntRange> e : g.ranges().entrySet()) {
      if (!e.getValue().contains(m.get(e.getKey()))) {
        return false;
      }
    }
    for (GuardSet.Guard guard : g.guards()) {
      if (!ExprInterpreter.test(guard.expr(), m)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void simplifiedSetsAreEquivalent() {
    GuardSetSimplifier simplifier = GuardSetSimplifier.create();
    qt().withExamples(RUNS)
        .forAll(sets())
        .checkAssert(
            before -> {
              GuardSet after;
              try {
                after = simplifier.simplify(before).after();
              } catch (GuardSetException e) {
                after = null;
              }
              Map<Sym, IntValue> m = new HashMap<>();
              for (long a = BOX_LO; a <= BOX_HI; a++) {
                for (long b = BOX_LO; b <= BOX_HI; b++) {
                  for (long c = BOX_LO; c <= BOX_HI; c++) {
                    m.put(S.get(0), IntValue.of(a));
                    m.put(S.get(1), IntValue.of(b));
                    m.put(S.get(2), IntValue.of(c));
                    boolean want = satisfies(before, m);
                    boolean got = after != null && satisfies(after, m);
                    assertThat(got)
                        .as("%s\nsimplified to\n%s\nat %s", before, after, m)
                        .isEqualTo(want);
                  }
                }
              }
            });
  }
}
