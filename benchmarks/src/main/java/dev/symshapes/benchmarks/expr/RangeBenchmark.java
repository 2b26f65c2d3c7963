package dev.symshapes.benchmarks.expr;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

/**
 * Range analysis of the canonical forms of the corpus, with the symbol ranges of a typical export:
 * {@code s0, s1} in {@code [2, int_oo]} (dynamic dimensions), {@code s2} in {@code [2, 1024]} (a
 * bounded {@code Dim}) and {@code s3} in {@code [0, int_oo]} (a size-like unbacked value).
 *
 * <p>{@link #perExpression} bounds one expression per call, cycling through the corpus; its
 * sample-time mode gives the distribution over expressions, whose median is the figure of the
 * target (it includes the timer's own cost of some 20 ns per sample). {@link #corpus} gives the
 * mean over one pass.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class RangeBenchmark {
  private final RangeAnalyzer analyzer = RangeAnalyzer.create();
  private IntExpr[] exprs;
  private Function<Sym, IntRange> env;
  private int next;

  /** Builds the canonical forms and the symbol ranges. */
  @Setup
  public void prepare(CorpusState corpus) {
    ExprFactory f = ExprFactory.create();
    SymshapesBuilder b = new SymshapesBuilder(f);
    List<IntExpr> out = new ArrayList<>(corpus.exprs.size());
    for (RawExpr e : corpus.exprs) {
      out.add(b.build(e));
    }
    exprs = out.toArray(new IntExpr[0]);
    Map<Sym, IntRange> ranges =
        Map.of(
            f.symbol("s0"), IntRange.atLeast(2),
            f.symbol("s1"), IntRange.atLeast(2),
            f.symbol("s2"), IntRange.of(2, 1024),
            f.symbol("s3"), IntRange.atLeast(0));
    env = ranges::get;
  }

  /** The range of one expression (the next one of the corpus). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public IntRange perExpression() {
    IntExpr e = exprs[next];
    next = next + 1 == exprs.length ? 0 : next + 1;
    return analyzer.bound(e, env);
  }

  /** The ranges of all expressions of the corpus; the score is the mean per expression. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OperationsPerInvocation(ShapeCorpus.SIZE)
  public long corpus() {
    long h = 0;
    for (IntExpr e : exprs) {
      h += analyzer.bound(e, env).hashCode();
    }
    return h;
  }
}
