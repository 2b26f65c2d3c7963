package dev.symshapes.benchmarks.export;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.tutorial.models.DynamicModel;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The input checks of {@code ep.module()} for the tutorial's {@code DynamicModel}: {@link
 * ExportedModule#checkInputs} alone (the target: under 1 microsecond per call), on inputs the
 * program accepts ({@code w: [7, 5]}, {@code x: [3]}, {@code y: [5, 3]}, {@code z: [15]}: every
 * dimension bound or compared, {@code s2*s3} evaluated), for the {@code Dim.AUTO} program of T07
 * and the static one of T06 (on the example's shapes). {@link #autoCall} is a whole call, checks
 * and interpretation with the reference kernels, for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class InputCheckBenchmark {
  private ExportedModule auto;
  private ExportedModule fixed;
  private Object[] other;
  private Object[] example;

  /** Exports the two programs and makes the inputs, once. */
  @Setup
  public void export() {
    example = DynamicModelInputs.example();
    auto = Export.export(new DynamicModel(), example, DynamicModelInputs.ALL_AUTO).module();
    fixed = Export.export(new DynamicModel(), example, Map.of()).module();
    other = DynamicModelInputs.inputs(2, 7, 3, 5);
  }

  /** T07's program: four tensors, six dimensions bound, compared or computed. */
  @Benchmark
  public void autoChecks() {
    auto.checkInputs(other);
  }

  /** T06's program: six static sizes. */
  @Benchmark
  public void staticChecks() {
    fixed.checkInputs(example);
  }

  /** T07's program, a whole call: checks, then the graph run with the reference kernels. */
  @Benchmark
  public void autoCall(Blackhole bh) {
    bh.consume(auto.call(other));
  }
}
