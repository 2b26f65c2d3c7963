package dev.symshapes.export.cli;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.LoadOptions;
import dev.symshapes.export.serde.ProgramJson;
import dev.symshapes.export.serde.Pt2Archive;
import dev.symshapes.export.serde.SerdeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads the program a command names: a {@code .pt2} archive (a zip, recognized by its first bytes)
 * or the JSON document of one. A program's weights are not needed to print, inspect or check it, so
 * a bare JSON file is loaded without them.
 */
final class ProgramFiles {
  private ProgramFiles() {}

  /**
   * The program in {@code file}.
   *
   * @throws AnswerException naming the file and what is wrong with it
   */
  static ExportedProgram load(Path file) throws AnswerException {
    LoadOptions options = LoadOptions.defaults().withMissingState(LoadOptions.MissingState.ALLOW);
    try {
      if (isZip(file)) {
        return Pt2Archive.load(file, options);
      }
      long size = Files.size(file);
      if (size > options.limits().maxJsonBytes()) {
        throw new AnswerException(
            file
                + ": "
                + size
                + " bytes, more than the limit of "
                + options.limits().maxJsonBytes());
      }
      return ProgramJson.read(Files.readAllBytes(file), options);
    } catch (NoSuchFileException e) {
      throw new AnswerException(file + ": no such file");
    } catch (IOException e) {
      throw new AnswerException(file + ": cannot read: " + e.getMessage());
    } catch (SerdeException e) {
      throw new AnswerException(file + ": " + e.getMessage());
    }
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && head[0] == 'P' && head[1] == 'K';
    }
  }
}
