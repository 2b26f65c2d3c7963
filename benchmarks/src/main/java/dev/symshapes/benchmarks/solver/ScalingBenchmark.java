package dev.symshapes.benchmarks.solver;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
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
 * How a shape environment scales with the number of symbols {@code n}: {@code n} backed symbols in
 * blocks of {@value #BLOCK} chained by equalities ({@code s_i == s_(i-1) + 1}, so each block
 * collapses onto its first symbol), an upper bound on each block's first symbol, and a guard
 * ordering consecutive blocks ({@code s_j > s_(j-8)}, learned as an axiom and as ranges); then
 * {@code n} queries, a quarter each decided by replacements, ranges, axioms and not at all; then
 * {@code produceGuards}. {@link #build} is the first part only, so {@code session - build} is the
 * cost of the queries and of producing the guards. The target is a 100k/10k time ratio under 15
 * (linear growth gives 10).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalingBenchmark {
  /** Symbols per chain of equalities. */
  static final int BLOCK = 8;

  /** The number of symbols. */
  @Param({"10", "100", "1000", "10000", "100000"})
  public int n;

  /** The decision tiers of the environment. */
  @Param({"DEFAULT", "FAST"})
  public Tiers tiers;

  /** Builds the environment: symbols, equalities, ranges, ordering guards. */
  static ShapeEnv build(int n, IntExpr[] s, Tiers tiers) {
    ShapeEnv env = tiers.builder().build();
    ExprFactory f = env.factory();
    IntExpr one = f.one();
    IntExpr limit = f.integer(1_000_000_000L);
    for (int i = 0; i < n; i++) {
      // Blocks start 16 apart, so that every symbol has its own example value.
      long hint = 2 + (long) (i / BLOCK) * 2 * BLOCK + i % BLOCK;
      s[i] = env.createSymbol(hint, Source.size("t" + i / 4, i % 4));
    }
    for (int i = 0; i < n; i++) {
      if (i % BLOCK != 0) {
        env.check(f.eq(s[i], f.add(s[i - 1], one)));
      } else {
        env.check(f.le(s[i], limit));
        if (i >= BLOCK) {
          env.evaluateExpr(f.gt(s[i], s[i - BLOCK]));
        }
      }
    }
    return env;
  }

  /** The query mix; returns the number of queries decided. */
  static int queries(ShapeEnv env, IntExpr[] s, int n) {
    ExprFactory f = env.factory();
    IntExpr two = f.integer(2);
    int decided = 0;
    for (int q = 0; q < n; q++) {
      int i = q;
      boolean known;
      switch (q % 4) {
        case 0: // ranges
          known = env.decide(f.ge(s[i], two)).truth().isKnown();
          break;
        case 1: // replacements
          known = i == 0 || env.decide(f.eq(s[i], f.add(s[i - 1], f.one()))).truth().isKnown();
          break;
        case 2: // axioms: the ordering guard of i's block
          int j = i - i % BLOCK;
          known =
              j < BLOCK || env.decide(f.ge(s[j], f.add(s[j - BLOCK], f.one()))).truth().isKnown();
          break;
        default: // undecided
          known = env.decide(f.eq(s[i], s[(i + BLOCK) % n])).truth().isKnown();
          break;
      }
      if (known) {
        decided++;
      }
    }
    return decided;
  }

  /**
   * Building the environment only (and closing it: an environment whose SMT tier opened a Z3
   * context holds native memory until it is closed or collected).
   */
  @Benchmark
  public long build() {
    try (ShapeEnv env = build(n, new IntExpr[n], tiers)) {
      return env.factVersion();
    }
  }

  /** Building, {@code n} queries, and produceGuards. */
  @Benchmark
  public int session() {
    IntExpr[] s = new IntExpr[n];
    try (ShapeEnv env = build(n, s, tiers)) {
      int decided = queries(env, s, n);
      ProducedGuards pg = env.produceGuards();
      return decided + pg.pythonGuards().size();
    }
  }
}
