package dev.symshapes.benchmarks.expr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The corpus of a benchmark run: read from {@code -p corpus=PATH} (default {@value
 * ShapeCorpus#DEFAULT_PATH}, relative to the directory JMH runs in, written there when missing).
 * Benchmarks report per expression, so the corpus must have {@value ShapeCorpus#SIZE} lines.
 */
@State(Scope.Benchmark)
public class CorpusState {
  /** The corpus file. */
  @Param(ShapeCorpus.DEFAULT_PATH)
  public String corpus;

  /** The expressions, in file order. */
  public List<RawExpr> exprs;

  /** Reads the corpus and prints its size and SHA-256, which the sympy script prints too. */
  @Setup
  public void load() throws IOException {
    Path path = Path.of(corpus);
    exprs = ShapeCorpus.load(path);
    if (exprs.size() != ShapeCorpus.SIZE) {
      throw new IllegalStateException(
          "corpus "
              + path
              + " has "
              + exprs.size()
              + " expressions; the benchmarks divide by "
              + ShapeCorpus.SIZE);
    }
    ShapeCorpus.describe(path, System.out);
  }
}
