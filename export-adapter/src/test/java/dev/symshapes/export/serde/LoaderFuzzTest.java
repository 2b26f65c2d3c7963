package dev.symshapes.export.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.symshapes.export.program.ExportedProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Feeds arbitrary bytes to the loader, as a program's JSON and as a {@code .pt2} archive: it must
 * return a program or throw {@link SerdeException}; anything else (NullPointerException,
 * ClassCastException, OutOfMemoryError, StackOverflowError, an IllegalArgumentException from deep
 * inside, ...) is a finding. A loaded program must print and write again.
 *
 * <p>{@code mvn verify} runs it in Jazzer's regression mode on the seeds under {@code
 * src/test/resources/dev/symshapes/export/serde/LoaderFuzzTestInputs/}, in a JVM of its own (the
 * surefire execution {@code loader-fuzz-regression}): Jazzer's agent rewrites classes loaded after
 * it, and exported programs read their input names from the parameter names that this drops, so do
 * not name it together with other tests in {@code -Dtest}. To fuzz (the generated corpus goes to
 * {@code export-adapter/.cifuzz-corpus/}):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl export-adapter test -Dtest=LoaderFuzzTest -Djacoco.skip=true
 * </pre>
 *
 * Turn each finding into a case of {@link HostileArchiveTest} or {@link ReadCompatibilityTest} and
 * keep the input as a seed.
 */
class LoaderFuzzTest {
  private static final LoadOptions OPTIONS =
      LoadOptions.defaults()
          .withMissingState(LoadOptions.MissingState.ALLOW)
          .withLimits(LoadLimits.defaults().withMaxTensorBytes(1 << 20).withMaxJsonBytes(1 << 20));

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({
    "\"as_tensor\"",
    "\"as_sym_int\"",
    "\"as_expr\"",
    "\"expr_str\"",
    "Symbol('s0', integer=True, positive=True)",
    "Symbol('u0', integer=True)",
    "Integer(",
    "Add(",
    "Mul(",
    "FloorDiv(",
    "\"torch.ops.aten.add.Tensor\"",
    "\"torch.ops.higher_order.cond\"",
    "\"_operator.ge\"",
    "\"as_graph\"",
    "\"range_constraints\"",
    "\"min_val\"",
    "\"guards_code\"",
    "L['x'].size()[0]",
    "\"schema_version\""
  })
  void loadJson(byte[] data) {
    ExportedProgram ep;
    try {
      ep = ProgramJson.read(data, OPTIONS);
    } catch (SerdeException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
      return;
    }
    assertThat(ep.toString()).startsWith("ExportedProgram:");
    ProgramJson.write(ep);
  }

  @FuzzTest(maxDuration = "5m")
  void loadArchive(byte[] data) {
    Path file;
    try {
      file = Files.createTempFile("fuzz", ".pt2");
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      ExportedProgram ep = Pt2Archive.load(file, OPTIONS);
      assertThat(ep.toString()).startsWith("ExportedProgram:");
    } catch (SerdeException expected) {
      assertThat(expected.getMessage()).isNotEmpty();
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
