package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.export.tutorial.models.DynamicModel;
import java.util.List;
import java.util.Map;

/**
 * T07: {@link DynamicModel} with {@link Dim#AUTO} for every dimension. Tracing makes one symbol per
 * dimension, and the ops' guards solve some of them away: broadcasting {@code x + y} makes {@code
 * s4 = s2}, the linear layer specializes {@code s1 = 5}, and {@code flatten(x + y) + z} makes
 * {@code s5 = s2*s3}. The program then accepts other sizes that keep these relations and rejects
 * the others.
 */
public final class T07AutoDims implements TutorialCase {
  /** The spec: {@code Dim.AUTO} for every dimension of every input. */
  static final Map<String, Object> ALL_AUTO =
      Map.of(
          "w", List.of(Dim.AUTO, Dim.AUTO),
          "x", List.of(Dim.AUTO),
          "y", List.of(Dim.AUTO, Dim.AUTO),
          "z", List.of(Dim.AUTO));

  @Override
  public String id() {
    return "T07";
  }

  @Override
  public String title() {
    return "Dim.AUTO everywhere: symbols, guards, replacements";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(7);
    // The recorded inputs have seeds of their own: drawing them from s would change what s prints.
    ExportedProgram ep =
        Export.export(
            new DynamicModel(),
            new Object[] {s.randn(6, 5), s.randn(4), s.randn(8, 4), s.randn(32)},
            ALL_AUTO,
            run.shapeEnv());
    run.exported(
        ep,
        () ->
            new Object[] {
              Torch.randn(171, 7, 5),
              Torch.randn(172, 3),
              Torch.randn(173, 5, 3),
              Torch.randn(174, 15)
            });
    ExportedModule m = ep.module();
    return new Transcript()
        .show("ep", ep)
        .run(
            "ep.module().call(randn(7, 5), randn(3), randn(5, 3), randn(15))",
            Transcript.Show.SHAPES,
            () -> m.call(s.randn(7, 5), s.randn(3), s.randn(5, 3), s.randn(15)))
        .run(
            "ep.module().call(randn(7, 5), randn(3), randn(5, 3), randn(16))",
            Transcript.Show.SHAPES,
            () -> m.call(s.randn(7, 5), s.randn(3), s.randn(5, 3), s.randn(16)))
        .text();
  }
}
