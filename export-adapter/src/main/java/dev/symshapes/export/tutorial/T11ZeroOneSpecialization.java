package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;

/**
 * T11: a {@code Linear(4, 3)} exported with an input of batch size 1 and {@code Dim.AUTO} for the
 * batch: an example size of 0 or 1 is specialized (sizes 1 broadcast and others do not), so the
 * program accepts only batch size 1.
 */
public final class T11ZeroOneSpecialization implements TutorialCase {
  @Override
  public String id() {
    return "T11";
  }

  @Override
  public String title() {
    return "0/1 specialization";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(11);
    ExportedProgram ep =
        Export.export(
            new Linear(4, 3),
            new Object[] {s.randn(1, 4)},
            Map.of("input", List.of(Dim.AUTO, Dim.STATIC)),
            run.shapeEnv());
    run.exported(ep, () -> new Object[] {Torch.randn(111, 1, 4)});
    return new Transcript()
        .show("ep", ep)
        .run(
            "ep.module().call(randn(2, 4))",
            Transcript.Show.SHAPES,
            () -> ep.module().call(s.randn(2, 4)))
        .text();
  }
}
