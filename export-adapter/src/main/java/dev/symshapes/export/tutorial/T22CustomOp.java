package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.ops.CustomOp;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpRegistry;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.tensor.UnaryKernels;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.Map;
import java.util.function.Consumer;

/**
 * T22: a custom op registered with a real kernel (prints {@code custom_op called!}, returns {@code
 * relu(x)}) and a fake kernel (an empty tensor like {@code x}). Exporting runs only the fake
 * kernel; the op is a node of the graph, and running the program calls the real kernel once.
 */
public final class T22CustomOp implements TutorialCase {
  /** The schema of the tutorial's op. */
  static final String NAME = "my_custom_library::custom_op";

  /**
   * Defines {@code my_custom_library::custom_op(Tensor x) -> Tensor} in {@code registry}; its real
   * kernel reports each call to {@code printer}.
   */
  public static OpDef register(OpRegistry registry, Consumer<String> printer) {
    return CustomOp.define(NAME, "(Tensor x) -> Tensor")
        .kernel(
            args -> {
              printer.accept("custom_op called!");
              return UnaryKernels.relu((TensorData) args.get(0));
            })
        .fake(CustomOp.emptyLike(0))
        .register(registry);
  }

  /** The tutorial's {@code CustomOpExample}: {@code cos(custom_op(sin(x)))}. */
  public static final class CustomOpExample extends Module {
    private final OpDef customOp;

    /** A model calling {@code customOp}. */
    public CustomOpExample(OpDef customOp) {
      this.customOp = customOp;
    }

    /** {@code cos(custom_op(sin(x)))}. */
    public Tensor forward(Tensor x) {
      Tensor y = Torch.sin(x);
      y = (Tensor) Dispatch.call(customOp, y);
      return Torch.cos(y);
    }
  }

  @Override
  public String id() {
    return "T22";
  }

  @Override
  public String title() {
    return "custom op with a fake kernel";
  }

  @Override
  public String run(TutorialRun run) {
    StringBuilder out = new StringBuilder();
    OpDef op = register(OpRegistry.standard(), line -> out.append(line).append('\n'));
    CustomOpExample model = new CustomOpExample(op);
    ExportedProgram ep =
        Export.export(model, new Object[] {Torch.randn(22, 3, 3)}, Map.of(), run.shapeEnv());
    run.exported(ep, () -> new Object[] {Torch.randn(221, 3, 3)});
    out.append(ep).append('\n');
    Object result = ep.module().call(Torch.randn(23, 3, 3));
    return out.append(result).append('\n').toString();
  }
}
