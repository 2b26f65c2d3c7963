package dev.symshapes.benchmarks.solver;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * CPU time of the thread for the workloads of {@link TutorialReplayBenchmark}, {@link
 * ScalingBenchmark} and {@link RuntimeAssertPileupBenchmark}: a companion to their wall-clock
 * figures on a machine shared with other work, where a descheduled thread makes wall-clock samples
 * long without using the CPU. Each workload runs in rounds; the last rounds are the warmed figures.
 *
 * <p>{@code events} measures what events cost when nobody receives them: a mix of statically known
 * {@code evaluateExpr} calls (DEBUG events) and {@code guardOrFalse} on data-dependent expressions
 * (INFO events that carry the user's line), without listeners, once with the switch off and once
 * with {@code +dynamic} while SLF4J drops the lines (run it with {@code
 * -Dorg.slf4j.simpleLogger.defaultLogLevel=warn}, or the lines are printed).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.symshapes.benchmarks.solver.SolverCpuTime
 * tutorial|scaling|pileup|events [ROUNDS [TIERS]]}, TIERS being {@code DEFAULT} (the default, with
 * the SMT tier) or {@code FAST} (tiers 1-3 only); {@code events} always runs without the SMT tier.
 */
public final class SolverCpuTime {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  /** Bytes the current thread allocated so far (HotSpot), a load-independent measure of work. */
  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) MX).getCurrentThreadAllocatedBytes();
  }

  private SolverCpuTime() {}

  /** Runs one workload and prints its figures. */
  @SuppressWarnings("SystemOut") // a command-line measurement
  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "tutorial";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Tiers tiers = args.length > 2 ? Tiers.valueOf(args[2]) : Tiers.DEFAULT;
    switch (what) {
      case "tutorial":
        tutorial(rounds, tiers);
        break;
      case "scaling":
        scaling(rounds, tiers);
        break;
      case "pileup":
        pileup(rounds, tiers);
        break;
      case "events":
        events(rounds);
        break;
      default:
        throw new IllegalArgumentException(
            "workload (" + what + ") must be tutorial|scaling|pileup|events");
    }
  }

  @SuppressWarnings("SystemOut")
  private static void tutorial(int rounds, Tiers tiers) {
    ExprFactory factory = ExprFactory.create();
    int ops = 20_000;
    long[] t = new long[ops];
    for (int r = 0; r < rounds; r++) {
      long a0 = allocated();
      for (int i = 0; i < ops; i++) {
        long t0 = MX.getCurrentThreadCpuTime();
        try (ShapeEnv env = tiers.builder().factory(factory).build()) {
          TutorialReplay.t07(env);
        }
        t[i] = MX.getCurrentThreadCpuTime() - t0;
      }
      long bytes = (allocated() - a0) / ops;
      Arrays.sort(t);
      System.out.printf(
          "tutorial round %d: median %.1f us, p90 %.1f us, mean %.1f us (CPU, %d ops), %d bytes"
              + " allocated per op%n",
          r,
          t[ops / 2] / 1e3,
          t[ops * 9 / 10] / 1e3,
          Arrays.stream(t).average().orElse(0) / 1e3,
          ops,
          bytes);
    }
  }

  @SuppressWarnings("SystemOut")
  private static void events(int rounds) {
    for (int r = 0; r < rounds; r++) {
      StringBuilder sb = new StringBuilder("events round " + r + ":");
      for (LogSwitch sw : new LogSwitch[] {LogSwitch.OFF, LogSwitch.ALL}) {
        int ops = 200_000;
        long a0 = allocated();
        long t0 = MX.getCurrentThreadCpuTime();
        eventsSession(sw, ops);
        long t = MX.getCurrentThreadCpuTime() - t0;
        long bytes = (allocated() - a0) / ops;
        sb.append(String.format(" switch %s %.3f us/op (%d bytes/op);", sw, t / 1e3 / ops, bytes));
      }
      System.out.println(sb);
    }
  }

  /** {@code ops} operations that emit events (half DEBUG, half INFO with a location). */
  private static void eventsSession(LogSwitch sw, int ops) {
    ShapeEnv env = ShapeEnv.builder().logSwitch(sw).noExtraTier().build();
    ExprFactory f = env.factory();
    IntExpr s0 = env.createSymbol(6, dev.symshapes.solver.Source.size("x", 0));
    IntExpr s1 = env.createSymbol(8, dev.symshapes.solver.Source.size("x", 1));
    Sym u0 = env.createUnbackedSymInt();
    env.check(f.ge(u0, f.zero()));
    int kinds = 16;
    dev.symshapes.expr.BoolExpr[] known = new dev.symshapes.expr.BoolExpr[kinds];
    dev.symshapes.expr.BoolExpr[] dataDependent = new dev.symshapes.expr.BoolExpr[kinds];
    for (int k = 0; k < kinds; k++) {
      known[k] =
          f.ge(f.add(f.mul(s0, s1), f.scale(s0, dev.symshapes.expr.IntValue.of(k))), f.integer(4));
      dataDependent[k] = f.gt(f.add(u0, s0), f.integer(100 + k));
    }
    for (int i = 0; i < ops; i += 2) {
      env.evaluateExpr(known[i % kinds]);
      env.guardOrFalse(dataDependent[i % kinds]);
    }
  }

  @SuppressWarnings("SystemOut")
  private static void scaling(int rounds, Tiers tiers) {
    int[] sizes = {10, 100, 1_000, 10_000, 100_000};
    for (int r = 0; r < rounds; r++) {
      StringBuilder sb = new StringBuilder("scaling round " + r + ":");
      for (int n : sizes) {
        int reps = Math.max(1, 200_000 / n);
        long build = 0;
        long session = 0;
        for (int k = 0; k < reps; k++) {
          IntExpr[] s = new IntExpr[n];
          long t0 = MX.getCurrentThreadCpuTime();
          long t1;
          long t2;
          // Closed at once: an environment whose SMT tier opened Z3 holds native memory until then.
          try (ShapeEnv env = ScalingBenchmark.build(n, s, tiers)) {
            t1 = MX.getCurrentThreadCpuTime();
            ScalingBenchmark.queries(env, s, n);
            env.produceGuards();
            t2 = MX.getCurrentThreadCpuTime();
          }
          build += t1 - t0;
          session += t2 - t0;
        }
        sb.append(
            String.format(
                " n=%d session %.3f ms (build %.3f)", n, session / 1e6 / reps, build / 1e6 / reps));
      }
      System.out.println(sb);
    }
  }

  @SuppressWarnings("SystemOut")
  private static void pileup(int rounds, Tiers tiers) {
    int[] sizes = {1_000, 2_000, 5_000, 10_000, 20_000};
    RuntimeAssertPileupBenchmark b = new RuntimeAssertPileupBenchmark();
    b.tiers = tiers;
    for (int r = 0; r < rounds; r++) {
      StringBuilder sb = new StringBuilder("pileup round " + r + ":");
      for (int n : sizes) {
        b.n = n;
        int reps = Math.max(1, 40_000 / n);
        long asserts = 0;
        long total = 0;
        for (int k = 0; k < reps; k++) {
          long t0 = MX.getCurrentThreadCpuTime();
          RuntimeAssertPileupBenchmark.asserts(n, new Sym[n], tiers).close();
          long t1 = MX.getCurrentThreadCpuTime();
          b.assertsThenQueries();
          long t2 = MX.getCurrentThreadCpuTime();
          asserts += t1 - t0;
          total += t2 - t1;
        }
        sb.append(
            String.format(
                " n=%d %.2f ms (asserts %.2f; %.2f us/symbol)",
                n, total / 1e6 / reps, asserts / 1e6 / reps, total / 1e3 / reps / n));
      }
      System.out.println(sb);
    }
  }
}
