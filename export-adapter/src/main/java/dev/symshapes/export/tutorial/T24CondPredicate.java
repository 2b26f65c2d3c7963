package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.trace.ControlFlow;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;

/**
 * T24: ExportDB's {@code cond_predicate}. The predicate {@code x.dim() > 2 && x.size(2) > 10} is a
 * {@code SymBool}: on a dynamic dimension it stays symbolic inside {@code cond} (both branches are
 * kept, no guard is added); on a static dimension, or a dynamic one whose example size is 0 or 1
 * (specialized), it is a constant and only its branch is traced.
 */
public final class T24CondPredicate implements TutorialCase {
  /** {@code cond(x.dim() > 2 and x.shape[2] > 10, cos, sin, [x])}. */
  public static final class CondPredicate extends Module {
    /** Branches on the size of dimension 2. */
    public Tensor forward(Tensor x) {
      SymBool pred = x.dim() > 2 ? x.size(2).gt(10) : SymBool.constant(false);
      return ControlFlow.cond(pred, o -> o.get(0).cos(), o -> o.get(0).sin(), List.of(x));
    }
  }

  @Override
  public String id() {
    return "T24";
  }

  @Override
  public String title() {
    return "ExportDB cond_predicate";
  }

  @Override
  public String run(TutorialRun run) {
    StringBuilder out = new StringBuilder();
    Tensor x = Torch.randn(24, 6, 4, 3);
    ExportedProgram fixed =
        Export.export(new CondPredicate(), new Object[] {x}, Map.of(), run.shapeEnv());
    run.exported(fixed, () -> new Object[] {Torch.randn(241, 6, 4, 3)});
    out.append("# static shapes: the predicate is the constant False\n").append(fixed).append('\n');
    Map<String, ?> dynamic = Map.of("x", List.of(Dim.STATIC, Dim.STATIC, Dim.AUTO));
    ExportedProgram symbolic =
        Export.export(new CondPredicate(), new Object[] {x}, dynamic, run.shapeEnv());
    run.exported(symbolic, () -> new Object[] {Torch.randn(242, 6, 4, 11)});
    out.append("# dimension 2 dynamic: the predicate stays symbolic\n")
        .append(symbolic)
        .append('\n');
    Tensor one = Torch.randn(24, 6, 4, 1);
    ExportedProgram specialized =
        Export.export(new CondPredicate(), new Object[] {one}, dynamic, run.shapeEnv());
    run.exported(specialized, () -> new Object[] {Torch.randn(243, 6, 4, 1)});
    out.append("# dimension 2 dynamic with example size 1: specialized, the predicate is False\n")
        .append(specialized);
    return out.toString();
  }
}
