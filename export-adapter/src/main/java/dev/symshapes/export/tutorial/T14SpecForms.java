package dev.symshapes.export.tutorial;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.ContradictionException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * T14: the forms of a spec. {@code null} for a whole input is static (and the only choice for
 * integers and booleans); {@code null} for a dimension is static; an integer for a dimension is
 * static and checked against the example.
 */
public final class T14SpecForms implements TutorialCase {
  /** Uses all four inputs. */
  public static final class Mixed extends Module {
    /** {@code tensor_0 + int_val} when {@code bool_val}, else {@code tensor_1 + int_val}. */
    public Tensor forward(Tensor tensor_0, Tensor tensor_1, long int_val, boolean bool_val) {
      return bool_val ? tensor_0.add(int_val) : tensor_1.add(int_val);
    }
  }

  private static Object[] inputs() {
    return new Object[] {Torch.randn(1, 4, 4), Torch.randn(2, 3, 3), 16L, false};
  }

  @Override
  public String id() {
    return "T14";
  }

  @Override
  public String title() {
    return "spec forms";
  }

  @Override
  public String run(TutorialRun run) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("tensor_0", Arrays.asList(Dim.AUTO, null));
    spec.put("tensor_1", null);
    spec.put("int_val", null);
    spec.put("bool_val", null);
    StringBuilder out = new StringBuilder();
    ExportedProgram ep = Export.export(new Mixed(), inputs(), spec, run.shapeEnv());
    run.exported(
        ep, () -> new Object[] {Torch.randn(141, 6, 4), Torch.randn(142, 3, 3), 16L, false});
    out.append(ep);
    Map<String, Object> checked = Map.of("tensor_0", List.of(Dim.AUTO, 4L));
    ExportedProgram ok = Export.export(new Mixed(), inputs(), checked, run.shapeEnv());
    run.exported(
        ok, () -> new Object[] {Torch.randn(143, 6, 4), Torch.randn(144, 3, 3), 16L, false});
    out.append("\n{tensor_0: [Dim.AUTO, 4]}: tensor_0: ")
        .append(ok.valueText().apply(ok.graph().placeholders().get(0).val()))
        .append('\n');
    Map<String, Object> wrong = Map.of("tensor_0", List.of(Dim.AUTO, 5L));
    String error = null;
    try {
      Export.export(new Mixed(), inputs(), wrong, run.shapeEnv());
    } catch (ContradictionException e) {
      error = e.getMessage();
    }
    if (error == null) {
      throw new IllegalStateException("T14: the export should have failed");
    }
    out.append("{tensor_0: [Dim.AUTO, 5]}: ").append(error).append('\n');
    return out.toString();
  }
}
