package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.trace.ControlFlowException;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.Map;

/**
 * T02: a Java {@code if} on a traced tensor's value is data-dependent control flow, which export
 * cannot capture; the error points to {@code cond} (T04 shows the fix).
 */
public final class T02DataDependentBranch implements TutorialCase {
  /** The tutorial's {@code Bad1}: {@code sin(x)} when {@code x.sum() > 0}, else {@code cos(x)}. */
  public static final class Bad1 extends Module {
    /** Branches in Java on the value of {@code x.sum() > 0}. */
    public Tensor forward(Tensor x) {
      if (x.sum().gt(0).bool()) {
        return x.sin();
      }
      return x.cos();
    }
  }

  @Override
  public String id() {
    return "T02";
  }

  @Override
  public String title() {
    return "data-dependent control flow is rejected";
  }

  @Override
  public String run(TutorialRun run) {
    try {
      Export.export(new Bad1(), new Object[] {Torch.randn(2, 3, 3)}, Map.of(), run.shapeEnv());
    } catch (ControlFlowException e) {
      return e.getMessage() + "\n";
    }
    throw new IllegalStateException("T02: exporting Bad1 did not fail");
  }
}
