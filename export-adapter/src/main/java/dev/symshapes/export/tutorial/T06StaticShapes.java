package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.export.tutorial.models.DynamicModel;
import java.util.Map;

/**
 * T06: by default a program is static. {@link DynamicModel} runs on {@code y: [3, 4]} and {@code z:
 * [12]}, but the program exported with {@code y: [8, 4]} and {@code z: [32]} rejects them, naming
 * the first input dimension that differs.
 */
public final class T06StaticShapes implements TutorialCase {
  @Override
  public String id() {
    return "T06";
  }

  @Override
  public String title() {
    return "static program rejects other shapes";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(6);
    Tensor w = s.randn(6, 5);
    Tensor x = s.randn(4);
    DynamicModel model = new DynamicModel();
    ExportedProgram ep =
        Export.export(
            model, new Object[] {w, x, s.randn(8, 4), s.randn(32)}, Map.of(), run.shapeEnv());
    run.exported(
        ep,
        () ->
            new Object[] {
              Torch.randn(161, 6, 5),
              Torch.randn(162, 4),
              Torch.randn(163, 8, 4),
              Torch.randn(164, 32)
            });
    Tensor y = s.randn(3, 4);
    Tensor z = s.randn(12);
    return new Transcript()
        .run(
            "model.call(w, x, randn(3, 4), randn(12))",
            Transcript.Show.SHAPES,
            () -> model.call(w, x, y, z))
        .run(
            "ep.module().call(w, x, randn(3, 4), randn(12))",
            Transcript.Show.SHAPES,
            () -> ep.module().call(w, x, y, z))
        .text();
  }
}
