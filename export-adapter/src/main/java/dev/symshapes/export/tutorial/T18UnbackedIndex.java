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
 * T18: {@code y[x.item()]} asks whether the index is in bounds ({@code -u0 > 60}), which depends on
 * data: the export fails with checks that decide it (T19 adds the pair that makes it export).
 */
public final class T18UnbackedIndex implements TutorialCase {
  /** {@code a = x.item(); return y[a]}. */
  public static final class Foo extends Module {
    /** Indexes {@code y} with the value of {@code x}. */
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      return y.get(a);
    }
  }

  @Override
  public String id() {
    return "T18";
  }

  @Override
  public String title() {
    return "indexing with an unbacked index";
  }

  @Override
  public String run(TutorialRun run) {
    try {
      Export.export(
          new Foo(),
          new Object[] {Torch.scalarTensor(32), Torch.randn(1, 60)},
          Map.of(),
          run.shapeEnv(),
          ExportMode.STRICT);
    } catch (DataDependentException e) {
      return e.getMessage();
    }
    throw new IllegalStateException("T18: the export should have failed");
  }
}
