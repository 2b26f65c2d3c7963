package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.export.tutorial.models.MyModule;
import java.util.Map;

/**
 * T01: {@link MyModule} exported with static shapes; the program prints as PyTorch prints it, with
 * the linear layer's weight and bias lifted as {@code PARAMETER} inputs, and running it on new
 * inputs gives what the model gives.
 */
public final class T01BasicExport implements TutorialCase {
  @Override
  public String id() {
    return "T01";
  }

  @Override
  public String title() {
    return "basic export, static shapes";
  }

  @Override
  public String run(TutorialRun run) {
    Samples s = new Samples(1);
    MyModule mod = new MyModule();
    ExportedProgram ep =
        Export.export(
            mod, new Object[] {s.randn(8, 100), s.randn(8, 100)}, Map.of(), run.shapeEnv());
    run.exported(ep, () -> new Object[] {Torch.randn(101, 8, 100), Torch.randn(102, 8, 100)});
    Transcript t = new Transcript().show("ep", ep);
    ExportedModule m = ep.module();
    Tensor x = s.randn(8, 100);
    Tensor y = s.randn(8, 100);
    t.run("ep.module().call(x, y)", Transcript.Show.VALUES, () -> m.call(x, y));
    t.run(
        "ep.module().call(x, y).allClose(mod.call(x, y))",
        Transcript.Show.VALUES,
        () -> ((Tensor) m.call(x, y)).data().allClose(((Tensor) mod.call(x, y)).data()));
    return t.text();
  }
}
