package dev.symshapes.benchmarks.export;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tutorial.models.DynamicModel;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
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

/**
 * Exporting the tutorial's {@code DynamicModel} end to end, warmed: a new model, shape environment
 * and tracer per export; tracing with the meta kernels and their guards, the runtime-assert pass,
 * {@code produceGuards}, and the {@link ExportedProgram} with its signature and state. Logging is
 * off (the {@code SYMSHAPES_LOGS} switch unset); the user-frame lookup for guard locations runs, as
 * it always does.
 *
 * <p>Sample time, so that JMH reports the median ({@code p0.50}) the target is stated in: under 1
 * ms for {@link #dynamic}. PyTorch's own log in the tutorial shows about 42 ms for its symbolic
 * part alone.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ExportBenchmark {
  private Object[] example;

  /** The example inputs, made once. */
  @Setup
  public void inputs() {
    example = DynamicModelInputs.example();
  }

  private static ShapeEnv.Builder quiet() {
    return ShapeEnv.builder().logSwitch(LogSwitch.OFF);
  }

  /** T07: {@code Dim.AUTO} for every dimension (six symbols, three replacements). */
  @Benchmark
  public ExportedProgram dynamic() {
    return Export.export(new DynamicModel(), example, DynamicModelInputs.ALL_AUTO, quiet());
  }

  /** T06: static shapes (no symbols). */
  @Benchmark
  public ExportedProgram fullyStatic() {
    return Export.export(new DynamicModel(), example, Map.of(), quiet());
  }
}
