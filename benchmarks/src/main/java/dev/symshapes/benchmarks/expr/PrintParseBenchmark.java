package dev.symshapes.benchmarks.expr;

import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.expr.text.ExprPrinter;
import java.util.ArrayList;
import java.util.List;
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
 * Print and parse the canonical forms of the corpus, in sympy's {@code str} style. Scores are per
 * expression. {@link #parse} reads into a new factory per pass, so that parsing also builds (and
 * canonicalizes) every node instead of finding them interned.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PrintParseBenchmark {
  private final ExprPrinter printer = ExprPrinter.sympy();
  private List<IntExpr> canonical;
  private List<String> texts;

  /** Builds and prints the corpus once, and checks that every text parses back to its node. */
  @Setup
  public void prepare(CorpusState corpus) {
    ExprFactory f = ExprFactory.create();
    SymshapesBuilder b = new SymshapesBuilder(f);
    ExprParser parser = ExprParser.of(f);
    canonical = new ArrayList<>(corpus.exprs.size());
    texts = new ArrayList<>(corpus.exprs.size());
    for (RawExpr e : corpus.exprs) {
      IntExpr x = b.build(e);
      String text = printer.print(x);
      Expr back = parser.parse(text);
      if (back != x) {
        throw new IllegalStateException(text + " parses back as " + back + ", from " + e);
      }
      canonical.add(x);
      texts.add(text);
    }
  }

  /** sympy-style text of every canonical expression. */
  @Benchmark
  @OperationsPerInvocation(ShapeCorpus.SIZE)
  public void print(Blackhole bh) {
    for (IntExpr e : canonical) {
      bh.consume(printer.print(e));
    }
  }

  /** Every printed text, parsed into a new factory. */
  @Benchmark
  @OperationsPerInvocation(ShapeCorpus.SIZE)
  public void parse(Blackhole bh) {
    ExprParser parser = ExprParser.of(ExprFactory.create());
    for (String text : texts) {
      bh.consume(parser.parse(text));
    }
  }
}
