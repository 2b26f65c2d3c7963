package dev.symshapes.export.tutorial;

import com.google.common.collect.ImmutableList;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a tutorial case, with the shape-environment events of its exports as log lines ({@code
 * ShapeEnvEvent.logLine()}, what {@code symshapes tutorial --logs} prints).
 *
 * @param log the events, in order
 * @param text what the case returned
 */
record CaseRun(ImmutableList<String> log, String text) {
  /** Runs {@code c} once. */
  static CaseRun of(TutorialCase c) {
    List<String> log = new ArrayList<>();
    String text =
        c.run(
            () -> ShapeEnv.builder().logSwitch(LogSwitch.OFF).listener(e -> log.add(e.logLine())));
    return new CaseRun(ImmutableList.copyOf(log), text);
  }
}
