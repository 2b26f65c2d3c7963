package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.DataDependentException;
import java.util.Map;

/**
 * T16: a Java {@code if} on {@code x.item() // 2 >= 5} needs the data: the export fails with
 * PyTorch's first line, the user's line, and two checks, either of which lets it go on.
 */
public final class T16DataDependentGuard implements TutorialCase {
  /** {@code a = x.item(); if a // 2 >= 5: return y + 2 else: return y * 5}. */
  public static final class Foo extends Module {
    /** Branches on the data of {@code x}. */
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      if (a.floorDiv(2).ge(5).bool()) {
        return y.add(2);
      }
      return y.mul(5);
    }
  }

  @Override
  public String id() {
    return "T16";
  }

  @Override
  public String title() {
    return "guard on a data-dependent expression fails";
  }

  @Override
  public String run(TutorialRun run) {
    try {
      Export.export(
          new Foo(),
          new Object[] {Torch.scalarTensor(32), Torch.randn(1, 4)},
          Map.of(),
          run.shapeEnv(),
          ExportMode.STRICT);
    } catch (DataDependentException e) {
      return e.getMessage();
    }
    throw new IllegalStateException("T16: the export should have failed");
  }
}
