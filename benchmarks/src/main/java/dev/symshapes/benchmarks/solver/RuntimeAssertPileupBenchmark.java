package dev.symshapes.benchmarks.solver;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.ShapeEnv;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime-assert pile-up of PyTorch issue #123964 ({@code maybe_evaluate_static} quadratic in
 * the number of deferred runtime asserts): {@code n} unbacked symbols with runtime asserts {@code
 * u_i >= 0} and {@code u_i < u_(i+1)}, then {@code n} static queries over them (a quarter each:
 * {@code u_i < u_(i+1)}, {@code Ne(u_i, u_(i+1))}, {@code u_(i+1) >= 1}, {@code u_i + 1 <=
 * u_(i+1)}). Linear growth means the time per symbol stays flat across {@code n}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuntimeAssertPileupBenchmark {
  /** The number of unbacked symbols. */
  @Param({"1000", "2000", "5000", "10000", "20000"})
  public int n;

  /** The decision tiers of the environment. */
  @Param({"DEFAULT", "FAST"})
  public Tiers tiers = Tiers.DEFAULT;

  /** The asserts only (the environment is closed: its Z3 context holds native memory). */
  @Benchmark
  public long asserts() {
    try (ShapeEnv env = asserts(n, new Sym[n], tiers)) {
      return env.factVersion();
    }
  }

  /** The asserts, then {@code n} queries; returns how many were decided. */
  @Benchmark
  public int assertsThenQueries() {
    Sym[] u = new Sym[n];
    try (ShapeEnv env = asserts(n, u, tiers)) {
      return queries(env, u);
    }
  }

  private int queries(ShapeEnv env, Sym[] u) {
    ExprFactory f = env.factory();
    int decided = 0;
    for (int q = 0; q < n; q++) {
      int i = q % (n - 1);
      Sym a = u[i];
      Sym b = u[i + 1];
      boolean known;
      switch (q % 4) {
        case 0:
          known = env.decide(f.lt(a, b)).truth().isKnown();
          break;
        case 1:
          known = env.decide(f.ne(a, b)).truth().isKnown();
          break;
        case 2:
          known = env.decide(f.ge(b, f.one())).truth().isKnown();
          break;
        default:
          known = env.decide(f.le(f.add(a, f.one()), b)).truth().isKnown();
          break;
      }
      if (known) {
        decided++;
      }
    }
    if (decided != n) {
      throw new IllegalStateException("only " + decided + " of " + n + " queries decided");
    }
    return decided;
  }

  static ShapeEnv asserts(int n, Sym[] u, Tiers tiers) {
    ShapeEnv env = tiers.builder().build();
    ExprFactory f = env.factory();
    for (int i = 0; i < n; i++) {
      u[i] = env.createUnbackedSymInt();
    }
    for (int i = 0; i < n; i++) {
      env.check(f.ge(u[i], f.zero()));
      if (i + 1 < n) {
        env.check(f.lt(u[i], u[i + 1]));
      }
    }
    return env;
  }
}
