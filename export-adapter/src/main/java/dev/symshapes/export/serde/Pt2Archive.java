package dev.symshapes.export.serde;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.internal.Pt2Reader;
import dev.symshapes.export.serde.internal.Pt2Writer;
import java.nio.file.Path;

/**
 * Saves and loads exported programs as {@code .pt2} archives, the zip layout of {@code
 * torch.export.save} / {@code torch.export.load} ({@code torch/export/pt2_archive/_package.py}).
 *
 * <pre>{@code
 * Pt2Archive.save(ep, Path.of("model.pt2"));
 * ExportedProgram loaded = Pt2Archive.load(Path.of("model.pt2"));
 * loaded.module().call(x, y);
 * }</pre>
 *
 * <p>A loaded program prints as the saved one did, has the same signature and range constraints,
 * runs to the same results, and has a shape environment re-created from its range constraints and
 * runtime asserts. Loading is safe on hostile files: see {@link LoadLimits} and the package
 * documentation.
 */
public final class Pt2Archive {
  private Pt2Archive() {}

  /**
   * Writes {@code ep} with its weights and constants to {@code path}.
   *
   * @throws SerdeException if the program holds something PyTorch's schema cannot, or the file
   *     cannot be written
   */
  public static void save(ExportedProgram ep, Path path) {
    Pt2Writer.save(checkNotNull(ep, "ep"), checkNotNull(path, "path"));
  }

  /** Loads with {@link LoadOptions#defaults()}. */
  public static ExportedProgram load(Path path) {
    return load(path, LoadOptions.defaults());
  }

  /**
   * Loads the program of the archive at {@code path}.
   *
   * @throws SerdeException naming what is wrong and where
   */
  public static ExportedProgram load(Path path, LoadOptions options) {
    return Pt2Reader.load(checkNotNull(path, "path"), checkNotNull(options, "options"));
  }
}
