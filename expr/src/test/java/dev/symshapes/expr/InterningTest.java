package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.google.common.testing.EqualsTester;
import dev.symshapes.expr.text.ExprParser;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hash-consing: expressions equal by construction are one instance with one hash code, whatever way
 * they were built; expressions of different factories are never equal and never mix.
 */
class InterningTest {
  private final ExprFactory f = ExprFactory.create();
  private final ExprParser parser = ExprParser.of(f);
  private final Sym s0 = f.symbol("s0");
  private final Sym s1 = f.symbol("s1");

  @Test
  void equalityGroups() {
    BoolExpr a = f.gt(s0, f.one());
    BoolExpr b = f.eq(s1, f.integer(4));
    BigInteger big = BigInteger.TWO.pow(70);
    ExprFactory other = ExprFactory.create();
    new EqualsTester()
        .addEqualityGroup(f.add(s0, s1), f.add(s1, s0), f.sum(List.of(s1, s0)), parse("s1 + s0"))
        .addEqualityGroup(
            f.scale(s0, IntValue.of(2)), f.add(s0, s0), f.mul(f.integer(2), s0), parse("s0*2"))
        .addEqualityGroup(
            f.mul(s0, s1),
            f.mul(s1, s0),
            f.product(List.of(s1, s0)),
            f.sub(f.mul(s0, s1), f.zero()))
        .addEqualityGroup(f.pow(s0, 2), f.mul(s0, s0), parse("s0*s0"))
        .addEqualityGroup(
            f.max(s0, s1), f.max(s1, s0), f.max(s0, f.max(s1, s0)), parse("max(s1, s0, s1)"))
        .addEqualityGroup(f.min(s0, s1), f.min(s1, s0))
        .addEqualityGroup(
            f.floorDiv(f.add(f.scale(s0, IntValue.of(4)), s1), f.integer(4)),
            f.add(s0, f.floorDiv(s1, f.integer(4))))
        .addEqualityGroup(f.mod(s0, f.integer(3)), f.mod(f.add(s0, f.integer(3)), f.integer(3)))
        .addEqualityGroup(
            f.integer(5),
            f.integer(IntValue.of(5)),
            f.integer(BigInteger.valueOf(5)),
            f.add(f.integer(2), f.integer(3)))
        .addEqualityGroup(
            f.integer(big),
            f.integer(IntValue.parse(big.toString())),
            f.mul(f.integer(1L << 35), f.integer(1L << 35)),
            f.pow(f.integer(2), 70))
        .addEqualityGroup(f.integer(-5))
        .addEqualityGroup(f.lt(s0, s1), f.not(f.ge(s0, s1)), parse("not s0 >= s1"))
        .addEqualityGroup(f.gt(s1, s0))
        .addEqualityGroup(
            f.and(a, b), f.and(b, a), f.and(a, f.and(b, a)), f.and(b, a, f.trueExpr()))
        .addEqualityGroup(f.or(a, b), f.or(b, a), f.or(a, f.falseExpr(), b))
        .addEqualityGroup(f.trueExpr(), f.bool(true), f.eq(s0, s0), f.le(s0, f.add(s0, f.one())))
        .addEqualityGroup(f.falseExpr(), f.ne(s1, s1))
        .addEqualityGroup(f.intInfinity(), f.add(f.intInfinity(), f.integer(7)))
        .addEqualityGroup(f.negIntInfinity(), f.neg(f.intInfinity()))
        // Another factory's expressions are never equal to this factory's, even when they print
        // the same.
        .addEqualityGroup(other.add(other.symbol("s0"), other.symbol("s1")))
        .addEqualityGroup(other.symbol("s0"))
        .addEqualityGroup(s0, f.symbol("s0"))
        .testEquals();
  }

  @Test
  void equalExpressionsAreTheSameInstance() {
    assertThat(f.add(s0, s1)).isSameAs(f.add(s1, s0));
    assertThat(f.symbol("s0")).isSameAs(s0);
    assertThat(parse("s0*(s1 + 1)")).isSameAs(f.add(f.mul(s1, s0), s0));
    assertThat(f.integer(BigInteger.TWO.pow(70))).isSameAs(f.pow(f.integer(2), 70));
  }

  /** One shared table of cases: every operation refuses another factory's expressions. */
  static List<Object[]> mixedFactoryOperations() {
    return List.of(
        new Object[] {"add", (Function<ExprFactory, Object>) g -> g.add(g.one(), foreign())},
        new Object[] {"mul", (Function<ExprFactory, Object>) g -> g.mul(foreign(), g.one())},
        new Object[] {
          "FloorDiv", (Function<ExprFactory, Object>) g -> g.floorDiv(g.one(), foreign())
        },
        new Object[] {"Mod", (Function<ExprFactory, Object>) g -> g.mod(foreign(), g.integer(2))},
        new Object[] {"Max", (Function<ExprFactory, Object>) g -> g.max(g.one(), foreign())},
        new Object[] {"Eq", (Function<ExprFactory, Object>) g -> g.eq(foreign(), g.one())});
  }

  private static final ExprFactory FOREIGN = ExprFactory.create();

  private static IntExpr foreign() {
    return FOREIGN.symbol("s9");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mixedFactoryOperations")
  void expressionsOfDifferentFactoriesDoNotMix(String op, Function<ExprFactory, Object> build) {
    assertThatThrownBy(() -> build.apply(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot use s9 in "
                + op
                + ": it was made by a different ExprFactory (expressions of different factories"
                + " cannot be combined)");
  }

  /**
   * Two threads that build the same expressions at the same time in one factory get the very same
   * instances: the interner is safe for concurrent use.
   */
  @Test
  void concurrentBuildersGetTheSameInstances() throws Exception {
    List<NaiveExpr> trees = new ArrayList<>();
    qt().withFixedSeed(20260101L)
        .withExamples(2_000)
        .forAll(NaiveExprs.any(4))
        .checkAssert(trees::add);
    ExprFactory shared = ExprFactory.create();
    Callable<List<Object>> buildAll =
        () -> {
          List<Object> out = new ArrayList<>();
          for (NaiveExpr t : trees) {
            try {
              out.add(t.build(shared));
            } catch (ArithmeticException | IllegalArgumentException refused) {
              out.add(null);
            }
          }
          return out;
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Object>> first = pool.submit(buildAll);
      Future<List<Object>> second = pool.submit(buildAll);
      List<Object> a = first.get();
      List<Object> b = second.get();
      int built = 0;
      for (int i = 0; i < trees.size(); i++) {
        assertThat(b.get(i)).as("%s", trees.get(i)).isSameAs(a.get(i));
        built += a.get(i) == null ? 0 : 1;
      }
      assertThat(built).isGreaterThan(1_000);
    } finally {
      pool.shutdownNow();
    }
  }

  private Expr parse(String text) {
    return parser.parse(text);
  }
}
