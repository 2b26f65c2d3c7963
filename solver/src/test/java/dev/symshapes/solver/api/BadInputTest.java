package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.event.LogSwitch;
import java.util.ConcurrentModificationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Bad input: each case is a clear error whose message is asserted word for word, and is followed by
 * checks that the environment was left exactly as before (nothing half-updated) and still answers
 * correctly.
 */
class BadInputTest {
  private final Recorder rec = new Recorder();
  private final ShapeEnv env = rec.env();
  private final ExprFactory f = env.factory();
  private final String method = "BadInputTest.java:";

  private IntExpr c(long v) {
    return f.integer(v);
  }

  /** The exception {@code r} throws (on one line, so that its line can be expected). */
  static RuntimeException thrown(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected an exception");
  }

  // ---- contradictory facts ----

  @Test
  void aCheckContradictingARuntimeAssertNamesBothFactsAndChangesNothing() {
    Sym u0 = env.createUnbackedSymInt();
    int first = Recorder.nextLine();
    env.check(f.ge(u0, c(10)));
    env.check(f.le(u0, c(60)));
    rec.clear();
    long version = env.factVersion();
    BoolExpr impossible = f.gt(u0, c(100));
    int line = Recorder.nextLine();
    RuntimeException e = thrown(() -> env.check(impossible));
    String where = " in aCheckContradictingARuntimeAssertNamesBothFactsAndChangesNothing";
    assertThat(e)
        .isInstanceOf(ContradictionException.class)
        .hasMessage(
            "check(u0 > 100) can never hold: it contradicts u0 <= 60 (runtime assert added at "
                + method
                + (first + 1)
                + where
                + ") (at "
                + method
                + line
                + where
                + ")");
    ContradictionException ce = (ContradictionException) e;
    assertThat(ce.fact()).isEqualTo(impossible);
    assertThat(ce.conflicting()).extracting(x -> x.expr().toString()).containsExactly("u0 <= 60");
    // Nothing changed, nothing was logged, and the facts still decide as before.
    assertThat(env.factVersion()).isEqualTo(version);
    assertThat(rec.events).isEmpty();
    assertThat(env.runtimeAsserts()).hasSize(2);
    assertThat(env.range(u0)).isEqualTo(IntRange.of(10, 60));
    assertThat(env.decide(f.ge(u0, c(10))).truth()).isEqualTo(Truth.TRUE);
    assertThat(env.decide(impossible).truth()).isEqualTo(Truth.FALSE);
    env.check(f.lt(u0, c(50)));
    assertThat(env.range(u0)).isEqualTo(IntRange.of(10, 49));
  }

  @Test
  void aCheckContradictingAnAxiomNamesIt() {
    Sym u0 = env.createUnbackedSymInt();
    Sym u1 = env.createUnbackedSymInt();
    int first = Recorder.nextLine();
    env.check(f.ge(f.sub(u0, u1), c(5)));
    BoolExpr q = f.le(u0, f.add(u1, c(2)));
    int line = Recorder.nextLine();
    RuntimeException e = thrown(() -> env.check(q));
    String where = " in aCheckContradictingAnAxiomNamesIt";
    assertThat(e)
        .hasMessage(
            "check(u0 <= u1 + 2) can never hold: it contradicts u0 - u1 >= 5 (runtime assert added"
                + " at "
                + method
                + first
                + where
                + ") (at "
                + method
                + line
                + where
                + ")");
    assertThat(env.runtimeAsserts()).hasSize(1);
    assertThat(env.decide(f.gt(u0, u1)).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void aCheckAgainstADefaultRangeNamesTheRange() {
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
    BoolExpr q = f.lt(s0, c(1));
    int line = Recorder.nextLine();
    RuntimeException e = thrown(() -> env.check(q));
    assertThat(e)
        .hasMessage(
            "check(s0 < 1) can never hold: it contradicts the range VR[2, int_oo] of s0 (at "
                + method
                + line
                + " in aCheckAgainstADefaultRangeNamesTheRange)");
    assertThat(env.guards()).isEmpty();
  }

  @Test
  void aCheckThatFailsOnTheExampleValuesIsRejected() {
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
    IntExpr s1 = env.createSymbol(4, Source.size("y", 0));
    rec.clear();
    BoolExpr q = f.eq(s0, s1);
    int line = Recorder.nextLine();
    RuntimeException e = thrown(() -> env.check(q));
    assertThat(e)
        .isInstanceOf(ContradictionException.class)
        .hasMessage(
            "check(Eq(s0, s1)) failed on the example inputs (s0 = 6, s1 = 4) at "
                + method
                + line
                + " in aCheckThatFailsOnTheExampleValuesIsRejected");
    assertThat(env.replacements()).isEmpty();
    assertThat(env.guards()).isEmpty();
    assertThat(rec.events).isEmpty();
    assertThat(env.decide(q).truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aDivisibilityCheckWithNoMultipleInRangeIsRejected() {
    Sym u0 = env.createUnbackedSymInt();
    env.check(f.ge(u0, c(5)));
    env.check(f.le(u0, c(7)));
    BoolExpr q = f.eq(f.mod(u0, c(8)), c(0));
    RuntimeException e = thrown(() -> env.check(q));
    assertThat(e).isInstanceOf(ContradictionException.class);
    assertThat(e.getMessage())
        .startsWith("check(Eq(Mod(u0, 8), 0)) can never hold: it contradicts u0 >= 5 (runtime");
    assertThat(env.symbols()).hasSize(1);
    assertThat(env.replacements()).isEmpty();
  }

  // ---- hints outside ranges ----

  @Test
  void aHintOutsideItsDeclaredRangeCreatesNothing() {
    SymbolSpec upTo5 = SymbolSpec.dynamic().withRange(IntRange.of(2, 5));
    RuntimeException e = thrown(() -> env.createSymbol(7, Source.size("x", 1), upTo5));
    assertThat(e)
        .isInstanceOf(ContradictionException.class)
        .hasMessage("example value 7 of L['x'].size()[1] is outside its declared range [2, 5]");
    assertThat(env.symbols()).isEmpty();
    assertThat(rec.events).isEmpty();
    // The next symbol is still s0, and the declared range applies to it.
    IntExpr s0 = env.createSymbol(4, Source.size("x", 1), upTo5);
    assertThat(s0).hasToString("s0");
    assertThat(env.range((Sym) s0)).isEqualTo(IntRange.of(2, 5));
    assertThat(rec.messages()).containsExactly("create_symbol s0 = 4 for L['x'].size()[1] [2, 5]");
    assertThat(env.produceGuards().pythonGuards())
        .containsExactly("2 <= L['x'].size()[1] and L['x'].size()[1] <= 5");
  }

  @Test
  void aStaticDimensionOfAnotherSizeIsRejectedInPyTorchsWords() {
    SymbolSpec exactly5 = SymbolSpec.dynamic().withRange(IntRange.of(5, 5));
    RuntimeException e = thrown(() -> env.createSymbol(4, Source.size("x", 0), exactly5));
    assertThat(e)
        .isInstanceOf(ContradictionException.class)
        .hasMessage(
            "Static shape constraint of 5 does not match input size of 4, for L['x'].size()[0]");
    assertThat(env.createSymbol(5, Source.size("x", 0), exactly5)).isEqualTo(c(5));
    assertThat(env.symbols()).isEmpty();
  }

  @Test
  void aNegativeHintIsACallerError() {
    RuntimeException e = thrown(() -> env.createSymbol(-1, Source.size("x", 0)));
    assertThat(e)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hint (-1) of L['x'].size()[0] must be >= 0");
    assertThat(env.symbols()).isEmpty();
  }

  @Test
  void constrainingABackedSymbolAwayFromItsHintIsRejected() {
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
    IntRange upTo4 = IntRange.of(2, 4);
    RuntimeException e = thrown(() -> env.constrainSymbolRange((Sym) s0, upTo4));
    assertThat(e)
        .isInstanceOf(ContradictionException.class)
        .hasMessage("constrainSymbolRange: the example value 6 of s0 is outside [2, 4]");
    assertThat(env.range((Sym) s0)).isEqualTo(IntRange.atLeast(2));
  }

  // ---- symbols from another ShapeEnv ----

  @Test
  void expressionsOfAnotherFactoryAreRejected() {
    env.createSymbol(6, Source.size("x", 0));
    ShapeEnv other = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build();
    IntExpr o0 = other.createSymbol(3, Source.size("y", 0));
    BoolExpr foreign = other.factory().eq(o0, other.factory().integer(1));
    RuntimeException e = thrown(() -> env.decide(foreign));
    assertThat(e)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decide: Eq(s0, 1) was made by a different ExprFactory than this ShapeEnv's");
    assertThat(thrown(() -> env.check(foreign)))
        .hasMessage("check: Eq(s0, 1) was made by a different ExprFactory than this ShapeEnv's");
    assertThat(env.guards()).isEmpty();
    assertThat(env.symbols()).hasSize(1);
  }

  @Test
  void symbolsOfAnotherEnvironmentSharingTheFactoryAreRejected() {
    ExprFactory shared = ExprFactory.create();
    ShapeEnv a = ShapeEnv.builder().factory(shared).logSwitch(LogSwitch.OFF).build();
    ShapeEnv b = ShapeEnv.builder().factory(shared).logSwitch(LogSwitch.OFF).build();
    a.createSymbol(6, Source.size("x", 0));
    IntExpr a1 = a.createSymbol(7, Source.size("x", 1));
    IntExpr b0 = b.createSymbol(3, Source.size("y", 0));
    BoolExpr q = shared.eq(a1, shared.integer(1));
    String tail =
        ", which is not a symbol of this ShapeEnv (symbols come from createSymbol and"
            + " createUnbackedSymInt of the same environment)";
    assertThat(thrown(() -> b.decide(q)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decide: Eq(s1, 1) mentions s1" + tail);
    assertThat(thrown(() -> b.evaluateExpr(shared.ge(shared.add(b0, a1), shared.integer(3)))))
        .hasMessage("evaluateExpr: s0 + s1 >= 3 mentions s1" + tail);
    assertThat(thrown(() -> b.range((Sym) a1)))
        .hasMessage(
            "range: s1 is not a symbol of this ShapeEnv (symbols come from createSymbol and"
                + " createUnbackedSymInt of the same environment)");
    assertThat(b.guards()).isEmpty();
    assertThat(b.decide(shared.gt(b0, shared.integer(1))).truth()).isEqualTo(Truth.TRUE);
  }

  // ---- two threads at once ----

  @Test
  void useFromTwoThreadsAtOnceIsRejectedAndTheOwnerFinishes() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ShapeEnv shared =
        ShapeEnv.builder()
            .logSwitch(LogSwitch.OFF)
            .listener(
                ev -> {
                  if (ev.message().startsWith("create_symbol s0")) {
                    inside.countDown();
                    await(release);
                  }
                })
            .build();
    AtomicReference<IntExpr> made = new AtomicReference<>();
    Thread owner =
        new Thread(() -> made.set(shared.createSymbol(6, Source.size("x", 0))), "tracer-1");
    owner.start();
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    AtomicReference<RuntimeException> error = new AtomicReference<>();
    Thread intruder =
        new Thread(
            () -> error.set(thrown(() -> shared.createSymbol(4, Source.size("y", 0)))), "tracer-2");
    intruder.start();
    intruder.join();
    release.countDown();
    owner.join();
    assertThat(error.get())
        .isInstanceOf(ConcurrentModificationException.class)
        .hasMessage(
            "ShapeEnv used from two threads at once: thread 'tracer-2' called it while thread"
                + " 'tracer-1' was using it; a ShapeEnv must be used by one thread at a time");
    // The owner's operation completed; the intruder's left no trace; one thread at a time is fine.
    assertThat(made.get()).hasToString("s0");
    assertThat(shared.symbols()).hasSize(1);
    IntExpr s1 = shared.createSymbol(4, Source.size("y", 0));
    assertThat(s1).hasToString("s1");
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- other caller errors ----

  @Test
  void callerErrorsNameTheArgument() {
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
    Sym u0 = env.createUnbackedSymInt();
    assertThat(thrown(() -> env.renameUnbackedTo((Sym) s0, u0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("orig (s0) must be unbacked");
    assertThat(thrown(() -> env.renameUnbackedTo(u0, u0))).hasMessage("cannot rename u0 to itself");
    assertThat(thrown(() -> env.markSizeLike((Sym) s0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s0 is not an unbacked symbol");
    assertThat(thrown(() -> env.constrainRangeForSize(u0, IntRange.of(-5, -1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("range (VR[-5, -1]) of size-like u0 must contain a value >= 0");
    assertThat(env.isSizeLike(u0)).isFalse();
    assertThat(env.range(u0)).isEqualTo(IntRange.all());
    env.close();
    assertThat(thrown(() -> env.decide(f.trueExpr())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ShapeEnv is closed");
  }
}
