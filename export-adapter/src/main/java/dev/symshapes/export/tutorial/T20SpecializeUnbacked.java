package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.DataDependentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * T20: a Java loop {@code for (i < a)} asks for the concrete {@code long} of {@code a = x.item()},
 * which only the data has: PyTorch's "Could not extract specialized integer" error.
 */
public final class T20SpecializeUnbacked implements TutorialCase {
  /** {@code a = x.item(); b = cat([y for i in range(a)]); return b + a}. */
  public static final class Foo extends Module {
    /** Concatenates {@code a} copies of {@code y}. */
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      List<Tensor> copies = new ArrayList<>();
      for (long i = 0; i < a.guardLong(); i++) {
        copies.add(y);
      }
      return Torch.cat(copies).add(a);
    }
  }

  @Override
  public String id() {
    return "T20";
  }

  @Override
  public String title() {
    return "specializing an unbacked integer fails";
  }

  @Override
  public String run(TutorialRun run) {
    try {
      Export.export(
          new Foo(),
          new Object[] {Torch.scalarTensor(32), Torch.randn(1, 60)},
          Map.of(),
          run.shapeEnv(),
          ExportMode.NON_STRICT);
    } catch (DataDependentException e) {
      return e.getMessage();
    }
    throw new IllegalStateException("T20: the export should have failed");
  }
}
