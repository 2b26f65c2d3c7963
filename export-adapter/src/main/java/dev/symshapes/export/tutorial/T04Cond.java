package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.ControlFlow;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;

/**
 * T04: T02's branch written with {@link ControlFlow#cond}: both branches become sub-graphs of one
 * {@code torch.ops.higher_order.cond} node, and the program picks the branch when it runs.
 */
public final class T04Cond implements TutorialCase {
  /** The tutorial's {@code Bad1Fixed}: {@code cond(x.sum() > 0, sin, cos, [x])}. */
  public static final class Bad1Fixed extends Module {
    /** {@code cond(x.sum() > 0, true_fn, false_fn, [x])}. */
    public Tensor forward(Tensor x) {
      return ControlFlow.cond(x.sum().gt(0), Bad1Fixed::trueFn, Bad1Fixed::falseFn, List.of(x));
    }

    private static Tensor trueFn(List<Tensor> operands) {
      return Torch.sin(operands.get(0));
    }

    private static Tensor falseFn(List<Tensor> operands) {
      return Torch.cos(operands.get(0));
    }
  }

  @Override
  public String id() {
    return "T04";
  }

  @Override
  public String title() {
    return "cond";
  }

  @Override
  public String run(TutorialRun run) {
    ExportedProgram ep =
        Export.export(
            new Bad1Fixed(), new Object[] {Torch.randn(4, 3, 3)}, Map.of(), run.shapeEnv());
    run.exported(ep, () -> new Object[] {Torch.ones(3, 3).mul(-1)});
    ExportedModule m = ep.module();
    return ep + "\n" + m.call(Torch.ones(3, 3)) + "\n" + m.call(Torch.ones(3, 3).mul(-1)) + "\n";
  }
}
