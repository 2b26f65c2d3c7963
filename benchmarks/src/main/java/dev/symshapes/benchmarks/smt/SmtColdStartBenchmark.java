package dev.symshapes.benchmarks.smt;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.event.LogSwitch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of tier 4 in a shape environment. {@code coldStart}: in a fresh JVM (one fork per
 * sample, no warm-up), the first environment whose query needs Z3: unpacking and loading the native
 * library, the first context, the first check. {@code environmentLifecycle} (warmed): one
 * environment that creates three unbacked symbols, records {@code u0 < u1} and {@code u1 < u2},
 * decides {@code u0 + 1 < u2} with Z3 and is closed: mostly the Z3 context.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SmtColdStartBenchmark}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SmtColdStartBenchmark {
  private static Decision chain() {
    try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build()) {
      ExprFactory f = env.factory();
      IntExpr u0 = env.createUnbackedSymInt();
      IntExpr u1 = env.createUnbackedSymInt();
      IntExpr u2 = env.createUnbackedSymInt();
      env.check(f.lt(u0, u1));
      env.check(f.lt(u1, u2));
      Decision d = env.decide(f.lt(f.add(u0, f.one()), u2));
      if (d.decidedBy() != Tier.SMT) {
        throw new IllegalStateException("not decided by Z3: " + d);
      }
      return d;
    }
  }

  /** The first tier-4 query of a JVM. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(10)
  public Decision coldStart() {
    return chain();
  }

  /** A whole environment that used Z3, warmed. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public Decision environmentLifecycle() {
    return chain();
  }
}
