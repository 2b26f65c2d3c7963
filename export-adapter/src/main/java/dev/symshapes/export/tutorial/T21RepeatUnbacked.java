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
 * T21: T20 rewritten with {@code repeat}, which takes the unbacked {@code a} as a size: {@code u0}
 * becomes size-like ({@code sym_constrain_range_for_size}, {@code u0 >= 0}) and no integer is
 * needed.
 */
public final class T21RepeatUnbacked implements TutorialCase {
  /** {@code a = x.item(); b = y.unsqueeze(0).repeat(a, 1); return b + a}. */
  public static final class Foo extends Module {
    /** {@code a} rows of {@code y}, plus {@code a}. */
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      Tensor b = y.unsqueeze(0).repeat(a, 1L);
      return b.add(a);
    }
  }

  @Override
  public String id() {
    return "T21";
  }

  @Override
  public String title() {
    return "unbacked size through repeat";
  }

  @Override
  public String run(TutorialRun run) {
    ExportedProgram ep =
        Export.export(
            new Foo(),
            new Object[] {Torch.scalarTensor(32), Torch.randn(1, 60)},
            Map.of(),
            run.shapeEnv(),
            ExportMode.NON_STRICT);
    run.exported(ep, () -> new Object[] {Torch.scalarTensor(3), Torch.randn(211, 60)});
    ExportedModule m = ep.module();
    return ep
        + call(m, "x: tensor(3), y: [60]", Torch.scalarTensor(3), Torch.randn(2, 60))
        + call(m, "x: tensor(-1), y: [60]", Torch.scalarTensor(-1), Torch.randn(3, 60));
  }
}
