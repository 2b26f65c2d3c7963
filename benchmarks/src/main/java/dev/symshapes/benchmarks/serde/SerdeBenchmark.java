package dev.symshapes.benchmarks.serde;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.LoadOptions;
import dev.symshapes.export.serde.ProgramJson;
import dev.symshapes.export.serde.Pt2Archive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Saving and loading a 1,000-node program ({@link ChainModel}): the whole {@code .pt2} archive
 * (JSON, weights, zip), and the JSON alone. Prints nothing; {@link SerdeSizes} prints the sizes.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'serde.SerdeBenchmark'
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerdeBenchmark {
  private ExportedProgram program;
  private Path dir;
  private Path saved;
  private byte[] json;

  /** Exports the program and saves it once for the loading benchmarks. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    program = ChainModel.export();
    dir = Files.createTempDirectory("serde-bench");
    saved = dir.resolve("saved.pt2");
    Pt2Archive.save(program, saved);
    json = ProgramJson.write(program).getBytes(StandardCharsets.UTF_8);
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  /** {@code Pt2Archive.save}: JSON, weights and the zip, to a file. */
  @Benchmark
  public Path save() {
    Path p = dir.resolve("out.pt2");
    Pt2Archive.save(program, p);
    return p;
  }

  /** {@code Pt2Archive.load}: checks, weights, graph, shape environment. */
  @Benchmark
  public ExportedProgram load() {
    return Pt2Archive.load(saved);
  }

  /** {@code ProgramJson.write}. */
  @Benchmark
  public String writeJson() {
    return ProgramJson.write(program);
  }

  /** {@code ProgramJson.read} with the program's weights. */
  @Benchmark
  public ExportedProgram readJson() {
    return ProgramJson.read(json, program.stateDict(), program.constants(), LoadOptions.defaults());
  }
}
