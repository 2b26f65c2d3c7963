package dev.symshapes.benchmarks.serde;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.ProgramJson;
import dev.symshapes.export.serde.Pt2Archive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the sizes behind {@link SerdeBenchmark}: nodes, JSON bytes, archive bytes, weight bytes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.symshapes.benchmarks.serde.SerdeSizes
 * </pre>
 */
public final class SerdeSizes {
  private SerdeSizes() {}

  /** Prints the sizes. */
  public static void main(String[] args) throws IOException {
    ExportedProgram ep = ChainModel.export();
    Path file = Files.createTempFile("serde-sizes", ".pt2");
    try {
      Pt2Archive.save(ep, file);
      long weights = 0;
      for (var t : ep.stateDict().values()) {
        weights += t.numel() * 4;
      }
      System.out.println("nodes: " + ep.graph().nodes().size());
      System.out.println(
          "json bytes: " + ProgramJson.write(ep).getBytes(StandardCharsets.UTF_8).length);
      System.out.println("weight bytes: " + weights);
      System.out.println("archive bytes: " + Files.size(file));
    } finally {
      Files.delete(file);
    }
  }
}
