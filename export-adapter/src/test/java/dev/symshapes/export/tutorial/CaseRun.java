package dev.symshapes.export.tutorial;

import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a tutorial case for a golden test: its text and the shape-environment log lines of all its
 * exports. {@link #line} finds the line of a statement in a case's source file, so that the
 * expected messages name the user's line exactly without hard-coding numbers that formatting moves.
 */
final class CaseRun {
  final String text;
  final List<String> log = new ArrayList<>();

  CaseRun(TutorialCase c) {
    this.text =
        c.run(
            () -> ShapeEnv.builder().logSwitch(LogSwitch.OFF).listener(e -> log.add(e.message())));
  }

  /** {@code File.java:N} for the unique line of {@code file} containing {@code snippet}. */
  static String line(String file, String snippet) {
    Path p = Path.of("src/main/java/dev/symshapes/export/tutorial", file);
    List<String> lines;
    try {
      lines = Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(snippet)) {
        if (found >= 0) {
          throw new IllegalArgumentException(snippet + " occurs twice in " + file);
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException(snippet + " does not occur in " + file);
    }
    return file + ":" + found;
  }
}
