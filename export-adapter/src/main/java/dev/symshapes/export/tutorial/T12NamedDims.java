package dev.symshapes.export.tutorial;

import static dev.symshapes.export.tutorial.DimCaseSupport.call;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * T12: named dims with ranges and derived dims. {@code dx = Dim("dx", min=4, max=256)}, {@code dh =
 * Dim("dh", max=512)}, {@code {x: (dx, null), y: (2*dx, dh)}}; then {@code dx = Dim("dx", min=4,
 * max=512)}, {@code {x: (4*dx, null)}}: {@code x.shape[0]} in {@code [16, 2048]} and divisible by
 * 4. The exported modules reject inputs that break a range, the relation or divisibility, each with
 * a message that names the input and the rule.
 */
public final class T12NamedDims implements TutorialCase {
  /** Adds one to both inputs. */
  public static final class TwoInputs extends Module {
    /** {@code (x + 1, y + 1)}. */
    public Object forward(Tensor x, Tensor y) {
      return new Object[] {x.add(1), y.add(1)};
    }
  }

  @Override
  public String id() {
    return "T12";
  }

  @Override
  public String title() {
    return "named Dims, ranges and derived dims";
  }

  @Override
  public String run(TutorialRun run) {
    StringBuilder out = new StringBuilder();
    Dim dx = Dim.of("dx", 4, 256);
    Dim dh = Dim.of("dh").withMax(512);
    Map<String, Object> spec = new HashMap<>();
    spec.put("x", Arrays.asList(dx, null));
    spec.put("y", Arrays.asList(dx.times(2), dh));
    ExportedProgram ep =
        Export.export(
            new TwoInputs(),
            new Object[] {Torch.randn(1, 8, 3), Torch.randn(2, 16, 5)},
            spec,
            run.shapeEnv());
    run.exported(ep, () -> new Object[] {Torch.randn(121, 10, 3), Torch.randn(122, 20, 7)});
    out.append(ep);
    ExportedModule m = ep.module();
    out.append(call(m, "x: [10, 3], y: [20, 7]", Torch.randn(3, 10, 3), Torch.randn(4, 20, 7)));
    out.append(call(m, "x: [300, 3], y: [600, 5]", Torch.randn(5, 300, 3), Torch.randn(6, 600, 5)));
    out.append(call(m, "x: [3, 3], y: [6, 5]", Torch.randn(7, 3, 3), Torch.randn(8, 6, 5)));
    out.append(call(m, "x: [10, 3], y: [21, 5]", Torch.randn(9, 10, 3), Torch.randn(10, 21, 5)));
    out.append(
        call(m, "x: [10, 3], y: [20, 513]", Torch.randn(11, 10, 3), Torch.randn(12, 20, 513)));
    out.append(call(m, "x: [10, 4], y: [20, 5]", Torch.randn(13, 10, 4), Torch.randn(14, 20, 5)));

    Dim dx4 = Dim.of("dx", 4, 512);
    Map<String, Object> divisible = new HashMap<>();
    divisible.put("x", Arrays.asList(dx4.times(4), null));
    divisible.put("y", null);
    ExportedProgram ep4 =
        Export.export(
            new TwoInputs(),
            new Object[] {Torch.randn(15, 32, 3), Torch.randn(16, 2, 2)},
            divisible,
            run.shapeEnv());
    run.exported(ep4, () -> new Object[] {Torch.randn(123, 36, 3), Torch.randn(124, 2, 2)});
    out.append('\n').append(ep4);
    ExportedModule m4 = ep4.module();
    out.append(call(m4, "x: [36, 3], y: [2, 2]", Torch.randn(17, 36, 3), Torch.randn(18, 2, 2)));
    out.append(call(m4, "x: [30, 3], y: [2, 2]", Torch.randn(19, 30, 3), Torch.randn(20, 2, 2)));
    out.append(call(m4, "x: [8, 3], y: [2, 2]", Torch.randn(21, 8, 3), Torch.randn(22, 2, 2)));
    out.append(
        call(m4, "x: [2052, 3], y: [2, 2]", Torch.randn(23, 2052, 3), Torch.randn(24, 2, 2)));
    return out.toString();
  }
}
