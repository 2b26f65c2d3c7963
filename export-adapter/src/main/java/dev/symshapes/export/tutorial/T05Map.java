package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.ControlFlow;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;

/**
 * T05: {@link ControlFlow#map} applies a body to each row of {@code xs}: one {@code
 * torch.ops.higher_order.map_impl} node with the body as sub-graph {@code body_graph_0}.
 */
public final class T05Map implements TutorialCase {
  /** The tutorial's {@code MapModule}: {@code map(body, xs, y, z)}, {@code body = x + y + z}. */
  public static final class MapModule extends Module {
    /** Maps {@code x + y + z} over the rows {@code x} of {@code xs}. */
    public Tensor forward(Tensor xs, Tensor y, Tensor z) {
      return ControlFlow.map(MapModule::body, xs, y, z);
    }

    private static Tensor body(List<Tensor> args) {
      return args.get(0).add(args.get(1)).add(args.get(2));
    }
  }

  @Override
  public String id() {
    return "T05";
  }

  @Override
  public String title() {
    return "map";
  }

  @Override
  public String run(TutorialRun run) {
    Object[] inputs = {Torch.ones(6, 4), Torch.scalarTensor(5L), Torch.scalarTensor(4L)};
    ExportedProgram ep = Export.export(new MapModule(), inputs, Map.of(), run.shapeEnv());
    run.exported(
        ep,
        () ->
            new Object[] {Torch.randn(105, 6, 4), Torch.scalarTensor(5L), Torch.scalarTensor(4L)});
    return ep + "\n" + ep.module().call(inputs) + "\n";
  }
}
