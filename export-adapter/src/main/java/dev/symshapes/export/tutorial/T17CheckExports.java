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
 * T17: with {@code check(a >= 10); check(a <= 60)} first, T16's branch is decided statically and
 * the program asserts the range of {@code u0} at run time.
 */
public final class T17CheckExports implements TutorialCase {
  /** T16's model with two checks first. */
  public static final class Foo extends Module {
    /** Checks {@code 10 <= a <= 60}, then branches on {@code a // 2 >= 5}. */
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      Torch.check(a.ge(10));
      Torch.check(a.le(60));
      if (a.floorDiv(2).ge(5).bool()) {
        return y.add(2);
      }
      return y.mul(5);
    }
  }

  @Override
  public String id() {
    return "T17";
  }

  @Override
  public String title() {
    return "check() makes it export";
  }

  @Override
  public String run(TutorialRun run) {
    ExportedProgram ep =
        Export.export(
            new Foo(),
            new Object[] {Torch.scalarTensor(32), Torch.randn(1, 4)},
            Map.of(),
            run.shapeEnv(),
            ExportMode.STRICT);
    run.exported(ep, () -> new Object[] {Torch.scalarTensor(20), Torch.randn(171, 4)});
    ExportedModule m = ep.module();
    return ep
        + call(m, "x: tensor(20), y: [4]", Torch.scalarTensor(20), Torch.randn(2, 4))
        + call(m, "x: tensor(5), y: [4]", Torch.scalarTensor(5), Torch.randn(3, 4))
        + call(m, "x: tensor(61), y: [4]", Torch.scalarTensor(61), Torch.randn(4, 4));
  }
}
