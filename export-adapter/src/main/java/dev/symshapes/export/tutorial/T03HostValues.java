package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tutorial.models.Bad3;
import java.util.Map;

/**
 * T03: {@link Bad3} adds an integer computed on the host ({@link System#identityHashCode}, the
 * tutorial's {@code id(x)}); export succeeds and the graph holds the value it had while tracing as
 * a constant ({@code torch.ops.aten.add.Tensor(add, 1158305736)}), so the printed number differs
 * from run to run, as it does in PyTorch.
 */
public final class T03HostValues implements TutorialCase {
  @Override
  public String id() {
    return "T03";
  }

  @Override
  public String title() {
    return "non-tensor host computation is specialized";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(3);
    ExportedProgram ep =
        Export.export(new Bad3(), new Object[] {s.randn(3, 3)}, Map.of(), run.shapeEnv());
    run.exported(ep, () -> new Object[] {Samples.ones(3, 3)});
    return new Transcript()
        .show("ep", ep)
        .run(
            "ep.module().call(ones(3, 3))",
            Transcript.Show.VALUES,
            () -> ep.module().call(Samples.ones(3, 3)))
        .text();
  }
}
