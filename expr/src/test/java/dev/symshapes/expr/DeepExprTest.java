package dev.symshapes.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.text.ExprPrinter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-deep expression does not overflow the stack: not when it is built (also when canonical
 * ordering compares two deep expressions), evaluated, substituted into or printed. Each test runs
 * on a thread with a 1 MB stack, Java's usual default, not the large stack of the test JVM. (The
 * parser and the analyzers have their own deep tests.)
 */
class DeepExprTest {
  private static final int LEVELS = 10_000;
  private static final long STACK_BYTES = 1L << 20;

  private final ExprFactory f = ExprFactory.create();
  private final Sym x = f.symbol("x");
  private final Sym y = f.symbol("y");

  /** {@code e(k+1) = Max(y, e(k) + 1)}: depth about 2*LEVELS. */
  private IntExpr chain(IntExpr bottom) {
    IntExpr e = bottom;
    for (int i = 0; i < LEVELS; i++) {
      e = f.max(y, f.add(e, f.one()));
    }
    return e;
  }

  @Test
  void evaluatesDeepExpressions() throws Exception {
    IntExpr e = onSmallStack(() -> chain(x));
    assertThat(e.depth()).isGreaterThan(LEVELS);
    IntValue v =
        onSmallStack(
            () -> ExprInterpreter.evaluate(e, Map.of(x, IntValue.of(3), y, IntValue.ZERO)));
    assertThat(v).isEqualTo(IntValue.of(3 + LEVELS));
    assertThat(
            onSmallStack(
                () ->
                    ExprInterpreter.test(
                        f.lt(e, y), Map.of(x, IntValue.ZERO, y, IntValue.of(LEVELS)))))
        .isFalse();
  }

  @Test
  void substitutesIntoDeepExpressions() throws Exception {
    IntExpr e = onSmallStack(() -> chain(x));
    IntExpr replaced = onSmallStack(() -> Substitution.apply(e, Map.of(x, f.add(y, f.one()))));
    assertThat(replaced.freeSymbols()).containsExactly(y);
    // Max(y, y + 1 + 1) is y + 2, and so on up: the whole chain folds to y + LEVELS + 1.
    assertThat(replaced).isSameAs(f.add(y, f.integer(LEVELS + 1)));
    IntExpr renamed = onSmallStack(() -> Substitution.apply(e, Map.of(x, f.symbol("z"))));
    assertThat(renamed).isSameAs(onSmallStack(() -> chain(f.symbol("z"))));
  }

  @Test
  void freeSymbolsOfDeepExpressionsAreCached() throws Exception {
    IntExpr e = onSmallStack(() -> chain(x));
    assertThat(e.freeSymbols()).containsExactlyInAnyOrder(x, y);
  }

  @Test
  void printsDeepExpressionsInEveryStyle() throws Exception {
    IntExpr e = onSmallStack(() -> chain(x));
    String sympy = onSmallStack(() -> ExprPrinter.sympy().print(e));
    // Compared as booleans: a failure message must not quote a 130,000-character string.
    assertThat(
            sympy.startsWith("Max(y, Max(y, ")
                && sympy.contains("Max(y, Max(y, x + 1) + 1) + 1)")
                && sympy.endsWith(" + 1) + 1)"))
        .isTrue();
    assertThat(sympy.length()).isEqualTo(12 * LEVELS + 1);
    String python = onSmallStack(() -> ExprPrinter.python(Sym::name).print(e));
    assertThat(python.startsWith("max(y, max(y, ") && python.contains("max(y, x + 1) + 1"))
        .isTrue();
    String java = onSmallStack(() -> ExprPrinter.java(Sym::name).print(e));
    assertThat(java.length()).isGreaterThan(10 * LEVELS);
    assertThat(onSmallStack(e::toString).equals(sympy)).isTrue();
  }

  /**
   * Canonical order compares arguments structurally; two deep arguments that differ only at the
   * bottom are compared all the way down.
   */
  @Test
  void buildsFromTwoDeepExpressionsThatDifferAtTheBottom() throws Exception {
    IntExpr a = onSmallStack(() -> chain(x));
    IntExpr b = onSmallStack(() -> chain(f.symbol("w")));
    IntExpr max = onSmallStack(() -> f.max(a, b));
    assertThat(max).isSameAs(onSmallStack(() -> f.max(b, a)));
    IntExpr sum = onSmallStack(() -> f.add(a, b));
    assertThat(sum).isSameAs(onSmallStack(() -> f.add(b, a)));
    IntExpr product = onSmallStack(() -> f.mul(a, b));
    assertThat(product).isSameAs(onSmallStack(() -> f.mul(b, a)));
    BoolExpr both = onSmallStack(() -> f.and(f.gt(a, y), f.gt(b, y)));
    assertThat(both).isSameAs(onSmallStack(() -> f.and(f.gt(b, y), f.gt(a, y))));
    assertThat(onSmallStack(() -> ExprPrinter.sympy().print(sum)).length())
        .isGreaterThan(20 * LEVELS);
  }

  private static <T> T onSmallStack(Callable<T> body) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(body.call());
              } catch (Throwable e) {
                result.set(e);
              }
            },
            "deep-expression",
            STACK_BYTES);
    t.start();
    t.join();
    Object r = result.get();
    if (r instanceof Throwable e) {
      throw new AssertionError("failed on a " + STACK_BYTES + "-byte stack: " + e, e);
    }
    @SuppressWarnings("unchecked")
    T value = (T) r;
    return value;
  }
}
