package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * T15: {@code item()} and {@code tolist()} make unbacked symbols {@code u0, u1, u2}, returned as
 * SymInt outputs. The range constraints list exactly these three (PyTorch also lists the stale
 * {@code u3..u7} of its re-trace).
 */
public final class T15ItemTolist implements TutorialCase {
  /** {@code a = x.item(); b = y.tolist(); return b + [a]}. */
  public static final class Foo extends Module {
    /** The elements of {@code y}, then the value of {@code x}. */
    public List<SymInt> forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      List<SymInt> b = new ArrayList<>(y.tolist());
      b.add(a);
      return b;
    }
  }

  @Override
  public String id() {
    return "T15";
  }

  @Override
  public String title() {
    return "unbacked symbols from item / tolist";
  }

  @Override
  public String run(TutorialRun run) {
    ExportedProgram ep =
        Export.export(
            new Foo(),
            new Object[] {Torch.scalarTensor(1), Torch.tensor(2, 3)},
            Map.of(),
            run.shapeEnv(),
            ExportMode.STRICT);
    run.exported(ep, () -> new Object[] {Torch.scalarTensor(4), Torch.tensor(5, 6)});
    return ep.toString();
  }
}
