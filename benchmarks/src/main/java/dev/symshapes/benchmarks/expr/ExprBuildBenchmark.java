package dev.symshapes.benchmarks.expr;

import dev.symshapes.expr.ExprFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Build and canonicalize the corpus: every expression built bottom-up from its tree, each
 * intermediate result canonicalized (and, for symshapes, interned). Scores are per expression.
 *
 * <p>{@link #symshapes} uses a new {@link ExprFactory} per pass over the corpus, so nothing is
 * interned before the pass starts (as the sympy script clears sympy's cache before each round).
 * {@link #symja} is the same workload through Symja (see {@link SymjaBuilder}); it is slow, so it
 * runs single passes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExprBuildBenchmark {

  /** Symja's evaluator, started once per fork (it takes seconds). */
  @State(Scope.Benchmark)
  public static class SymjaState {
    SymjaBuilder builder;

    /** Starts Symja. */
    @Setup
    public void start() {
      builder = new SymjaBuilder();
    }
  }

  /** symshapes: a new factory, then every expression of the corpus. */
  @Benchmark
  @OperationsPerInvocation(ShapeCorpus.SIZE)
  public void symshapes(CorpusState corpus, Blackhole bh) {
    SymshapesBuilder b = new SymshapesBuilder(ExprFactory.create());
    for (RawExpr e : corpus.exprs) {
      bh.consume(b.build(e));
    }
  }

  /** Symja: every expression of the corpus, built with {@code F.*} and evaluated. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @OperationsPerInvocation(ShapeCorpus.SIZE)
  public void symja(CorpusState corpus, SymjaState symja, Blackhole bh) {
    for (RawExpr e : corpus.exprs) {
      bh.consume(symja.builder.evaluate(e));
    }
  }
}
