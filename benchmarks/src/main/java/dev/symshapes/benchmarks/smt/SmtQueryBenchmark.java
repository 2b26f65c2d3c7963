package dev.symshapes.benchmarks.smt;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.smt.SmtLoader;
import dev.symshapes.solver.smt.SmtOptions;
import dev.symshapes.solver.smt.SmtResult;
import dev.symshapes.solver.smt.SmtSolver;
import dev.symshapes.solver.smt.SmtUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warmed latency of one query that reaches tier 4. The environment knows the chain {@code u0 < u1 <
 * ... < u7} (runtime asserts); each invocation decides a query no earlier one asked, {@code u0 + 1
 * < u7 + k} with a new {@code k}, so neither the environment's cache nor the tier's answers it: the
 * fast tiers say UNKNOWN and Z3 proves it TRUE with one check. {@code solverCheck} is the same
 * check on the bare {@link SmtSolver} (push, assert, check, pop), without the tiers in front.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SmtQueryBenchmark}. Sample-time mode
 * reports the median (p0.50) per query.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SmtQueryBenchmark {
  private static final int CHAIN = 8;

  private ShapeEnv env;
  private ExprFactory f;
  private final List<IntExpr> u = new ArrayList<>();
  private long k;

  private SmtSolver solver;
  private ExprFactory sf;
  private IntExpr s0;
  private IntExpr s7;

  @Setup(Level.Trial)
  public void setUp() throws SmtUnavailableException {
    env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build();
    f = env.factory();
    for (int i = 0; i < CHAIN; i++) {
      u.add(env.createUnbackedSymInt());
    }
    for (int i = 0; i + 1 < CHAIN; i++) {
      env.check(f.lt(u.get(i), u.get(i + 1)));
    }
    solver = SmtLoader.z3().open(SmtOptions.defaults());
    sf = ExprFactory.create();
    List<IntExpr> v = new ArrayList<>();
    for (int i = 0; i < CHAIN; i++) {
      v.add(sf.symbol("u" + i));
    }
    for (int i = 0; i + 1 < CHAIN; i++) {
      solver.addFact(sf.lt(v.get(i), v.get(i + 1)));
    }
    s0 = v.get(0);
    s7 = v.get(CHAIN - 1);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    env.close();
    solver.close();
  }

  /** One tier-4 query through the whole pipeline (tiers 1-3 first, then Z3). */
  @Benchmark
  public Decision shapeEnvDecide() {
    long c = k++;
    BoolExpr q = f.lt(f.add(u.get(0), f.one()), f.add(u.get(CHAIN - 1), f.integer(c)));
    Decision d = env.decide(q);
    if (d.decidedBy() != Tier.SMT) {
      throw new IllegalStateException("not decided by Z3: " + q + " -> " + d);
    }
    return d;
  }

  /** The Z3 check alone: facts and not(query) is unsatisfiable. */
  @Benchmark
  public SmtResult solverCheck() {
    long c = k++;
    BoolExpr notQ = sf.ge(sf.add(s0, sf.one()), sf.add(s7, sf.integer(c)));
    SmtResult r = solver.check(notQ);
    if (r.status() != SmtResult.Status.UNSAT) {
      throw new IllegalStateException("expected UNSAT: " + r);
    }
    return r;
  }
}
