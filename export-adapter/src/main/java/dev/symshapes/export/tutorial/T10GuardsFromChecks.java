package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.export.tutorial.models.GuardedDynamicModel;

/**
 * T10: {@link GuardedDynamicModel}'s assertion ({@code w.shape[0] <= 512}), check ({@code
 * x.shape[0] >= 4}) and branch ({@code w.shape[0] == x.shape[0] + 2}) each emit a guard: {@code s0}
 * is replaced by {@code s2 + 2}, and {@code s2} gets the range {@code [4, 510]}. The branch taken
 * is the one the example inputs take.
 */
public final class T10GuardsFromChecks implements TutorialCase {
  @Override
  public String id() {
    return "T10";
  }

  @Override
  public String title() {
    return "assert, check and branch emit guards";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(10);
    // The recorded inputs have seeds of their own: drawing them from s would change what s prints.
    ExportedProgram ep =
        Export.export(
            new GuardedDynamicModel(),
            new Object[] {s.randn(6, 5), s.randn(4), s.randn(8, 4), s.randn(32)},
            T07AutoDims.ALL_AUTO,
            run.shapeEnv());
    run.exported(
        ep,
        () ->
            new Object[] {
              Torch.randn(101, 12, 5),
              Torch.randn(102, 10),
              Torch.randn(103, 3, 10),
              Torch.randn(104, 30)
            });
    ExportedModule m = ep.module();
    return new Transcript()
        .show("ep", ep)
        .run(
            "ep.module().call(randn(12, 5), randn(10), randn(3, 10), randn(30))",
            Transcript.Show.SHAPES,
            () -> m.call(s.randn(12, 5), s.randn(10), s.randn(3, 10), s.randn(30)))
        .run(
            "ep.module().call(randn(5, 5), randn(3), randn(2, 3), randn(6))",
            Transcript.Show.SHAPES,
            () -> m.call(s.randn(5, 5), s.randn(3), s.randn(2, 3), s.randn(6)))
        .run(
            "ep.module().call(randn(7, 5), randn(4), randn(2, 4), randn(8))",
            Transcript.Show.SHAPES,
            () -> m.call(s.randn(7, 5), s.randn(4), s.randn(2, 4), s.randn(8)))
        .run(
            "ep.module().call(randn(600, 5), randn(598), randn(2, 598), randn(1196))",
            Transcript.Show.SHAPES,
            () -> m.call(s.randn(600, 5), s.randn(598), s.randn(2, 598), s.randn(1196)))
        .text();
  }
}
