package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapes;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.constraint.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * T13: {@code dx, dy, d1 = dims("dx", "dy", "d1")}, {@code {x: (dx, d1), y: (dy, d1)}} for a model
 * that needs {@code x.shape == y.shape} and {@code shape[1] == 4}: the export fails with every
 * violation and the suggested fixes {@code d1 = 4}, {@code dy = dx}; applying them to the spec
 * ({@link DynamicShapes#refine}) makes the export succeed.
 */
public final class T13SuggestedFixes implements TutorialCase {
  /** The tutorial's {@code Foo}: {@code w = x + y; return w + ones(4)}. */
  public static final class Foo extends Module {
    /** {@code (x + y) + ones(4)}. */
    public Tensor forward(Tensor x, Tensor y) {
      Tensor w = x.add(y);
      return w.add(Torch.ones(4));
    }
  }

  @Override
  public String id() {
    return "T13";
  }

  @Override
  public String title() {
    return "constraint violations with suggested fixes";
  }

  @Override
  public String run(TutorialRun run) {
    List<Dim> d = Dim.dims("dx", "dy", "d1");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("x", List.of(d.get(0), d.get(2)));
    spec.put("y", List.of(d.get(1), d.get(2)));
    Object[] inputs = {Torch.randn(1, 6, 4), Torch.randn(2, 6, 4)};
    try {
      Export.export(new Foo(), inputs, spec, run.shapeEnv());
    } catch (ConstraintViolationException e) {
      Map<String, Object> refined = DynamicShapes.refine(spec, e);
      ExportedProgram fixed = Export.export(new Foo(), inputs, refined, run.shapeEnv());
      run.exported(fixed, () -> new Object[] {Torch.randn(131, 5, 4), Torch.randn(132, 5, 4)});
      return e.getMessage() + "\n\nAfter applying the suggested fixes: " + refined + "\n" + fixed;
    }
    throw new IllegalStateException("T13: the export should have failed");
  }
}
