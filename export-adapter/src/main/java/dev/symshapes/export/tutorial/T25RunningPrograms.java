package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.export.tutorial.models.M;
import java.util.Map;

/**
 * T25: running an exported program ({@code ep.module()}) computes what the model computes: {@link
 * M}'s {@code Linear(3, 3)} on a {@code [2, 3]} input.
 */
public final class T25RunningPrograms implements TutorialCase {
  @Override
  public String id() {
    return "T25";
  }

  @Override
  public String title() {
    return "running the exported program";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(25);
    M m = new M();
    Tensor inp = s.randn(2, 3);
    ExportedProgram ep = Export.export(m, new Object[] {inp}, Map.of(), run.shapeEnv());
    run.exported(ep, () -> new Object[] {Torch.randn(251, 2, 3)});
    return new Transcript()
        .run("ep.module().call(inp)", Transcript.Show.VALUES, () -> ep.module().call(inp))
        .run("m.call(inp)", Transcript.Show.VALUES, () -> m.call(inp))
        .text();
  }
}
