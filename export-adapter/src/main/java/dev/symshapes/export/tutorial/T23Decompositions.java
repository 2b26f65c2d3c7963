package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.nn.BatchNorm2d;
import dev.symshapes.export.nn.Conv2d;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.passes.DecompositionTable;
import dev.symshapes.export.passes.Decompositions;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * T23: IR levels. The default (training) IR keeps mutating and composite ops ({@code add_}, {@code
 * conv2d}, {@code batch_norm}); {@code runDecompositions} with an empty table only functionalizes;
 * the core table also lowers {@code conv2d} to {@code convolution}; a user table traces its own
 * Java function for {@code conv2d} ({@code 2 * convolution(...)}). Graphs print in FX's graph
 * format, as the tutorial's {@code print(ep.graph)}.
 */
public final class T23Decompositions implements TutorialCase {
  /** The tutorial's {@code DecompExample}: {@code (bn(conv(x)),)}. */
  public static final class DecompExample extends Module {
    private final Conv2d conv = registerModule("conv", new Conv2d(1, 3, 1, 1));
    private final BatchNorm2d bn = registerModule("bn", new BatchNorm2d(3));

    /** {@code (bn(conv(x)),)}. */
    public Object forward(Tensor x) {
      return new Object[] {bn.forward(conv.forward(x))};
    }
  }

  /** The tutorial's {@code my_awesome_custom_conv2d_function}: {@code 2 * convolution(...)}. */
  public static Object twiceConvolution(List<Object> args) {
    Tensor conv =
        (Tensor)
            Dispatch.call(
                AtenOps.CONVOLUTION,
                args.get(0),
                args.get(1),
                args.get(2),
                args.get(3),
                args.get(4),
                args.get(5),
                false,
                List.of(0L, 0L),
                args.get(6));
    return conv.mul(2);
  }

  /** The core table with {@code conv2d} mapped to {@link #twiceConvolution}. */
  public static DecompositionTable myDecompositionTable() {
    return Decompositions.defaultDecompositions()
        .with(AtenOps.CONV2D, T23Decompositions::twiceConvolution);
  }

  @Override
  public String id() {
    return "T23";
  }

  @Override
  public String title() {
    return "IR levels and decompositions";
  }

  @Override
  public String run(TutorialRun run) {
    StringBuilder out = new StringBuilder();
    out.append(AtenOps.ADD_TENSOR.mutates() ? "True" : "False").append('\n');
    out.append(AtenOps.ADD__TENSOR.mutates() ? "True" : "False").append('\n');
    ExportedProgram training =
        Export.export(
            new DecompExample(),
            new Object[] {Torch.randn(23, 1, 1, 3, 3)},
            Map.of(),
            run.shapeEnv());
    Supplier<Object[]> inputs = () -> new Object[] {Torch.randn(231, 1, 1, 3, 3)};
    run.exported(training, inputs);
    out.append(training.graph()).append('\n');
    // The decomposed programs are exported programs too: record them with the same inputs.
    for (DecompositionTable table :
        List.of(
            DecompositionTable.empty(),
            Decompositions.defaultDecompositions(),
            myDecompositionTable())) {
      ExportedProgram decomposed = training.runDecompositions(table);
      run.exported(decomposed, inputs);
      out.append(decomposed.graph()).append('\n');
    }
    return out.toString();
  }
}
