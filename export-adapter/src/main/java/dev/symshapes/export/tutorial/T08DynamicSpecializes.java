package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.constraint.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * T08: {@code Dim.DYNAMIC} on a dimension the program specializes is an error. {@code w}'s second
 * dimension meets {@code Linear(5, 3)}, whose weight makes it 5; the error names the source, the
 * constant, the guard {@code Eq(s1, 5)} and the line of the {@code l(w)} call, and suggests the
 * static size.
 */
public final class T08DynamicSpecializes implements TutorialCase {
  /** The tutorial's {@code DynamicModel} (T06-T10): {@code (l(w), flatten(x + y) + z)}. */
  public static final class DynamicModel extends Module {
    final Linear l = registerModule("l", new Linear(5, 3));

    /** {@code x0 = x + y; x1 = l(w); x2 = x0.flatten(); x3 = x2 + z; return (x1, x3)}. */
    public Object forward(Tensor w, Tensor x, Tensor y, Tensor z) {
      Tensor x0 = x.add(y);
      Tensor x1 = l.forward(w);
      Tensor x2 = x0.flatten();
      Tensor x3 = x2.add(z);
      return new Object[] {x1, x3};
    }
  }

  /** T06-T10's example inputs: {@code w [6, 5], x [4], y [8, 4], z [32]}. */
  static Object[] inputs() {
    return new Object[] {
      Torch.randn(1, 6, 5), Torch.randn(2, 4), Torch.randn(3, 8, 4), Torch.randn(4, 32)
    };
  }

  /** T07's spec, {@code Dim.AUTO} everywhere, with {@code w}'s entries replaced. */
  static Map<String, Object> spec(Object w, Object x, Object y) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("w", w);
    spec.put("x", x);
    spec.put("y", y);
    spec.put("z", List.of(Dim.AUTO));
    return spec;
  }

  @Override
  public String id() {
    return "T08";
  }

  @Override
  public String title() {
    return "Dim.DYNAMIC that specializes is an error";
  }

  @Override
  public String run(TutorialRun run) {
    Map<String, Object> spec =
        spec(List.of(Dim.AUTO, Dim.DYNAMIC), List.of(Dim.AUTO), List.of(Dim.AUTO, Dim.AUTO));
    try {
      Export.export(new DynamicModel(), inputs(), spec, run.shapeEnv());
    } catch (ConstraintViolationException e) {
      return e.getMessage() + "\n";
    }
    throw new IllegalStateException("T08: the export should have failed");
  }
}
