package dev.symshapes.export.cli;

import dev.symshapes.export.serde.Pt2Archive;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.tutorial.TutorialRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code symshapes tutorial --save DIR}: writes the programs a case recorded as {@code
 * DIR/<id>-<n>.pt2} ({@link TutorialRun.Recorded#name()}: {@code T12-2.pt2} is T12's second
 * program), so that file names depend only on the case and the order of its exports.
 */
final class ProgramSaver {
  private ProgramSaver() {}

  /**
   * Creates {@code dir} if needed; empty when programs can be written into it, else why not ({@code
   * cannot save to 'out': it is a file, not a directory}).
   */
  static Optional<String> prepare(Path dir) {
    String head = "cannot save to '" + dir + "': ";
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      return Optional.of(head + "it is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      return Optional.of(head + "cannot create the directory (" + describe(e) + ")");
    }
    if (!Files.isWritable(dir)) {
      return Optional.of(head + "the directory is not writable");
    }
    return Optional.empty();
  }

  /**
   * Saves {@code programs} into {@code dir}, printing {@code saved DIR/T07-1.pt2} to {@code out}
   * for each; a program that cannot be saved is reported to {@code errors} and the others are still
   * saved. Returns whether all were saved.
   */
  static boolean save(
      List<TutorialRun.Recorded> programs, Path dir, PrintWriter out, Consumer<String> errors) {
    boolean all = true;
    for (TutorialRun.Recorded r : programs) {
      Path file = dir.resolve(r.name() + ".pt2");
      try {
        Pt2Archive.save(r.program(), file);
        out.println("saved " + file);
      } catch (SerdeException e) {
        errors.accept("cannot save " + r.name() + ": " + e.getMessage());
        all = false;
      }
    }
    return all;
  }

  /** An I/O error in words: the JDK's messages are often only the path. */
  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }
}
