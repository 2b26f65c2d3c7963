package dev.symshapes.benchmarks.expr;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.expr.text.ExprPrinter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The workloads of the JMH benchmarks timed in CPU time of the working thread, per expression:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.symshapes.benchmarks.expr.ExprCpuTime
 * WORKLOAD [WARMUP [ROUNDS]]} with WORKLOAD one of {@code build}, {@code symja}, {@code print},
 * {@code parse}, {@code range}.
 *
 * <p>Why next to JMH: on a machine shared with other work, wall-clock time (what JMH measures)
 * counts the time the thread waits for a core; CPU time does not, and it is what the sympy script
 * reports as well, so CPU/CPU ratios compare the engines rather than the machine's load. Each round
 * is one pass over the corpus (the same work as one JMH operation); warm-up rounds let the JIT
 * compile; the median of the measured rounds is printed.
 */
public final class ExprCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final List<RawExpr> corpus;
  private final List<IntExpr> canonical = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final Function<Sym, IntRange> env;
  private SymjaBuilder symja;
  private long sink;

  private ExprCpuTime(List<RawExpr> corpus) {
    this.corpus = corpus;
    ExprFactory f = ExprFactory.create();
    SymshapesBuilder b = new SymshapesBuilder(f);
    for (RawExpr e : corpus) {
      IntExpr x = b.build(e);
      canonical.add(x);
      texts.add(ExprPrinter.sympy().print(x));
    }
    // The same symbol ranges as RangeBenchmark.
    Map<Sym, IntRange> ranges =
        Map.of(
            f.symbol("s0"), IntRange.atLeast(2),
            f.symbol("s1"), IntRange.atLeast(2),
            f.symbol("s2"), IntRange.of(2, 1024),
            f.symbol("s3"), IntRange.atLeast(0));
    this.env = ranges::get;
  }

  /** {@code WORKLOAD [WARMUP [ROUNDS]]}; prints CPU and wall nanoseconds per expression. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: ExprCpuTime build|symja|print|parse|range [WARMUP [ROUNDS]]");
      System.exit(2);
    }
    String workload = args[0];
    boolean slow = workload.equals("symja");
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : (slow ? 3 : 20);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : (slow ? 5 : 10);
    Path path = Path.of(ShapeCorpus.DEFAULT_PATH);
    ExprCpuTime run = new ExprCpuTime(ShapeCorpus.load(path));
    ShapeCorpus.describe(path, System.out);
    double[] cpu = new double[rounds];
    double[] wall = new double[rounds];
    for (int r = -warmup; r < rounds; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      run.pass(workload);
      long c1 = THREADS.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      if (r >= 0) {
        cpu[r] = (c1 - c0) / (double) run.corpus.size();
        wall[r] = (w1 - w0) / (double) run.corpus.size();
      }
    }
    System.out.printf(
        "%s: %d expressions, %d warm-up and %d measured rounds: median %.0f (min %.0f) ns/expr"
            + " CPU, median %.0f ns/expr wall (CPU per round: %s)%n",
        workload,
        run.corpus.size(),
        warmup,
        rounds,
        median(cpu),
        Arrays.stream(cpu).min().orElseThrow(),
        median(wall),
        Arrays.toString(Arrays.stream(cpu).mapToLong(Math::round).toArray()));
    System.out.println("(checksum " + run.sink + ")");
  }

  private void pass(String workload) {
    switch (workload) {
      case "build" -> {
        SymshapesBuilder b = new SymshapesBuilder(ExprFactory.create());
        for (RawExpr e : corpus) {
          sink += b.build(e).hashCode();
        }
      }
      case "symja" -> {
        if (symja == null) {
          symja = new SymjaBuilder();
        }
        for (RawExpr e : corpus) {
          sink += symja.evaluate(e).hashCode();
        }
      }
      case "print" -> {
        ExprPrinter printer = ExprPrinter.sympy();
        for (IntExpr e : canonical) {
          sink += printer.print(e).length();
        }
      }
      case "parse" -> {
        ExprParser parser = ExprParser.of(ExprFactory.create());
        for (String text : texts) {
          sink += parser.parse(text).hashCode();
        }
      }
      case "range" -> {
        RangeAnalyzer analyzer = RangeAnalyzer.create();
        for (IntExpr e : canonical) {
          sink += analyzer.bound(e, env).hashCode();
        }
      }
      default -> throw new IllegalArgumentException("unknown workload '" + workload + "'");
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
