package dev.symshapes.solver.api;

import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvEvent;
import dev.symshapes.solver.event.ShapeEnvListener;
import java.util.ArrayList;
import java.util.List;

/** Records a shape environment's events; also finds the line of the caller for location tests. */
final class Recorder implements ShapeEnvListener {
  final List<ShapeEnvEvent> events = new ArrayList<>();

  @Override
  public void onEvent(ShapeEnvEvent event) {
    events.add(event);
  }

  /** A new environment whose events go to this recorder (and not to the log). */
  ShapeEnv env() {
    return ShapeEnv.builder().listener(this).logSwitch(LogSwitch.OFF).build();
  }

  /** The messages of the events, without locations. */
  List<String> messages() {
    List<String> out = new ArrayList<>();
    for (ShapeEnvEvent e : events) {
      out.add(e.message());
    }
    return out;
  }

  /** The full log lines of the events, with locations. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ShapeEnvEvent e : events) {
      out.add(e.logLine());
    }
    return out;
  }

  /** Forgets the events so far. */
  void clear() {
    events.clear();
  }

  /** The line number after the caller's line: put the call to locate on that line. */
  static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber()
        + 1;
  }
}
