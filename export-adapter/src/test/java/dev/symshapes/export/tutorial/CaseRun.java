package dev.symshapes.export.tutorial;

import com.google.common.collect.ImmutableList;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a tutorial case for a golden test: what it returned and the shape-environment events
 * of all its exports. {@link #log()} gives them as {@code symshapes tutorial --logs} prints them
 * (with the user's line), {@link #messages()} without the location. {@link #line} finds the line of
 * a statement in a case's source file, so that expected messages can name the user's line without
 * hard-coding numbers that formatting moves.
 *
 * @param events the events, in order
 * @param text what the case returned
 */
record CaseRun(ImmutableList<ShapeEnvEvent> events, String text) {
  /** Runs {@code c} once. */
  static CaseRun of(TutorialCase c) {
    List<ShapeEnvEvent> events = new ArrayList<>();
    String text =
        c.run(
            new TutorialRun(
                c.id(), () -> ShapeEnv.builder().logSwitch(LogSwitch.OFF).listener(events::add)));
    return new CaseRun(ImmutableList.copyOf(events), text);
  }

  /** The log lines, each with the user's line where the event has one. */
  ImmutableList<String> log() {
    return events.stream().map(ShapeEnvEvent::logLine).collect(ImmutableList.toImmutableList());
  }

  /** The event messages, without locations. */
  ImmutableList<String> messages() {
    return events.stream().map(ShapeEnvEvent::message).collect(ImmutableList.toImmutableList());
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
