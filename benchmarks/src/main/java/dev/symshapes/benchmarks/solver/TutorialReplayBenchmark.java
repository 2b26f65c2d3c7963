package dev.symshapes.benchmarks.solver;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.solver.LocationCapture;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tutorial's DynamicModel (T07: 6 symbols, 9 questions, 3 checks, produceGuards) replayed
 * through a fresh shape environment per operation; the target is a median under 50 microseconds
 * warmed. {@code freshFactory} also pays for a new expression factory (interner) per model, as a
 * first export in a process would; {@code withListener} also words every event for a listener, as a
 * tracer that prints {@code SYMSHAPES_LOGS=+dynamic} output would.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TutorialReplayBenchmark {
  private final ExprFactory factory = ExprFactory.create();

  /** A fresh environment on a factory shared across operations (its interner is warm). */
  @Benchmark
  public ProducedGuards sharedFactory() {
    return TutorialReplay.t07(ShapeEnv.builder().factory(factory).logSwitch(LogSwitch.OFF).build());
  }

  /** As {@link #sharedFactory}, recording no user locations ({@link LocationCapture#NONE}). */
  @Benchmark
  public ProducedGuards noLocations() {
    return TutorialReplay.t07(
        ShapeEnv.builder()
            .factory(factory)
            .logSwitch(LogSwitch.OFF)
            .locations(LocationCapture.NONE)
            .build());
  }

  /** A fresh environment and a fresh expression factory per operation. */
  @Benchmark
  public ProducedGuards freshFactory() {
    return TutorialReplay.t07(ShapeEnv.builder().logSwitch(LogSwitch.OFF).build());
  }

  /** As {@link #sharedFactory}, with a listener that receives every event with its log line. */
  @Benchmark
  public List<String> withListener() {
    List<String> lines = new ArrayList<>();
    ShapeEnv env =
        ShapeEnv.builder()
            .factory(factory)
            .logSwitch(LogSwitch.OFF)
            .listener((ShapeEnvEvent e) -> lines.add(e.logLine()))
            .build();
    TutorialReplay.t07(env);
    return lines;
  }
}
