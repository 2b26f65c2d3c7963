package dev.symshapes.benchmarks.export;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.tutorial.models.DynamicModel;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * The CPU time of the thread, per operation, for the workloads of {@link ExportBenchmark} and
 * {@link InputCheckBenchmark}: a companion to their wall-clock figures on a machine shared with
 * other work, where a descheduled thread makes wall-clock samples long without using the CPU. Runs
 * rounds of a fixed number of operations and prints each round's mean, so that the warm-up is
 * visible; the last rounds are the warmed figures.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.symshapes.benchmarks.export.CpuTime
 * [ROUNDS [EXPORTS_PER_ROUND [CHECKS_PER_ROUND]]]}
 */
public final class CpuTime {
  private CpuTime() {}

  /** Runs the rounds and prints the CPU time per operation of each. */
  @SuppressWarnings("SystemOut") // a command-line measurement
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int exports = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int checks = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Object[] example = DynamicModelInputs.example();
    Object[] other = DynamicModelInputs.inputs(2, 7, 3, 5);
    ExportedModule auto =
        Export.export(new DynamicModel(), example, DynamicModelInputs.ALL_AUTO).module();
    ExportedModule fixed = Export.export(new DynamicModel(), example, Map.of()).module();
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < exports; i++) {
        Export.export(
            new DynamicModel(),
            example,
            DynamicModelInputs.ALL_AUTO,
            ShapeEnv.builder().logSwitch(LogSwitch.OFF));
      }
      long t1 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < exports; i++) {
        Export.export(
            new DynamicModel(), example, Map.of(), ShapeEnv.builder().logSwitch(LogSwitch.OFF));
      }
      long t2 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < checks; i++) {
        auto.checkInputs(other);
      }
      long t3 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < checks; i++) {
        fixed.checkInputs(example);
      }
      long t4 = mx.getCurrentThreadCpuTime();
      System.out.printf(
          "round %d: export dynamic %.1f us, export static %.1f us, checks auto %.1f ns,"
              + " checks static %.1f ns%n",
          r,
          (t1 - t0) / 1e3 / exports,
          (t2 - t1) / 1e3 / exports,
          (double) (t3 - t2) / checks,
          (double) (t4 - t3) / checks);
    }
  }
}
