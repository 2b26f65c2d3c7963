package dev.symshapes.export.tutorial;

import static dev.symshapes.export.tutorial.DimCaseSupport.call;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.Map;

/**
 * T19: {@code check(a >= 0); check(a < y.size(0))} bound the index of T18, so the bounds checks of
 * {@code select} are decided and the program asserts {@code 0 <= u0 < 60} at run time.
 */
public final class T19CheckIndexRange implements TutorialCase {
  /** T18's model with the index checked first. */
  public static final class Foo extends Module {
    /** Checks {@code 0 <= a < y.size(0)}, then indexes. */
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      Torch.check(a.ge(0));
      Torch.check(a.lt(y.size(0)));
      return y.get(a);
    }
  }

  @Override
  public String id() {
    return "T19";
  }

  @Override
  public String title() {
    return "check() on the index range";
  }

  @Override
  public String run(TutorialRun run) {
    ExportedProgram ep =
        Export.export(
            new Foo(),
            new Object[] {Torch.scalarTensor(32), Torch.randn(1, 60)},
            Map.of(),
            run.shapeEnv(),
            ExportMode.STRICT);
    run.exported(ep, () -> new Object[] {Torch.scalarTensor(59), Torch.randn(191, 60)});
    ExportedModule m = ep.module();
    return ep
        + call(m, "x: tensor(59), y: [60]", Torch.scalarTensor(59), Torch.randn(2, 60))
        + call(m, "x: tensor(60), y: [60]", Torch.scalarTensor(60), Torch.randn(3, 60))
        + call(m, "x: tensor(-1), y: [60]", Torch.scalarTensor(-1), Torch.randn(4, 60));
  }
}
