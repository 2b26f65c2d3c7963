package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.tutorial.T08DynamicSpecializes.DynamicModel;
import dev.symshapes.solver.constraint.ConstraintViolationException;
import java.util.List;
import java.util.Map;

/**
 * T09: {@code x} is {@code Dim.STATIC} (4) and {@code y}'s second dimension {@code Dim.DYNAMIC};
 * broadcasting {@code x + y} makes the latter 4 ({@code Eq(s3, 4)}), which is an error.
 */
public final class T09StaticDynamicConflict implements TutorialCase {
  @Override
  public String id() {
    return "T09";
  }

  @Override
  public String title() {
    return "STATIC and DYNAMIC in conflict";
  }

  @Override
  public String run(TutorialRun run) {
    Map<String, Object> spec =
        T08DynamicSpecializes.spec(
            List.of(Dim.AUTO, Dim.AUTO), List.of(Dim.STATIC), List.of(Dim.AUTO, Dim.DYNAMIC));
    try {
      Export.export(new DynamicModel(), T08DynamicSpecializes.inputs(), spec, run.shapeEnv());
    } catch (ConstraintViolationException e) {
      return e.getMessage() + "\n";
    }
    throw new IllegalStateException("T09: the export should have failed");
  }
}
