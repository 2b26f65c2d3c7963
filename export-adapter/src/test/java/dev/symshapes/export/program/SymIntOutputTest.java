package dev.symshapes.export.program;

import static dev.symshapes.export.program.Models.randn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.solver.ShapeEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model that returns symbolic integer expressions of its input sizes ({@code x.size(0) + 1}):
 * PyTorch returns them as SymInt outputs computed by {@code sym_size} and operator nodes, and the
 * exported module computes them from the sizes of the inputs it is called with.
 */
class SymIntOutputTest {
  /** {@code (x.size(0), x.size(0) + 1, [2 * x.size(1)])}. */
  public static final class SizeExpressions extends Module {
    public Object forward(Tensor x) {
      SymInt n = x.size(0);
      return new Object[] {n, n.plus(1), List.of(x.size(1).times(2))};
    }
  }

  /** {@code x.size(0) + 1} alone. */
  public static final class SizePlusOne extends Module {
    public SymInt forward(Tensor x) {
      return x.size(0).plus(1);
    }
  }

  /** A result of the exported module: a constant {@link SymInt}. */
  private static long value(Object result) {
    assertThat(result).isInstanceOf(SymInt.class);
    return ((SymInt) result).constantValue();
  }

  private static ExportedProgram export(Module m, Map<String, ?> spec, ExportMode mode) {
    return Export.export(m, new Object[] {randn(4, 3)}, spec, ShapeEnv.builder(), mode);
  }

  @ParameterizedTest
  @EnumSource(ExportMode.class)
  void aSizePlusOneIsASymIntOutput(ExportMode mode) {
    ExportedProgram ep = export(new SizePlusOne(), Map.of("x", List.of(Dim.AUTO, 3)), mode);
    assertThat(ep.toString())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"f32[s0, 3]\"):\n"
                + "            sym_size_int: \"Sym(s0)\" = torch.ops.aten.sym_size.int(x, 0)\n"
                + "            add: \"Sym(s0 + 1)\" = 1 + sym_size_int\n"
                + "            return (add,)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    add: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {s0: VR[2, int_oo]}\n");
    assertThat(value(ep.module().call(randn(6, 3)))).isEqualTo(7);
    assertThat(value(ep.module().call(randn(2, 3)))).isEqualTo(3);
    assertThatThrownBy(() -> ep.module().call(randn(6, 4)))
        .isInstanceOf(InputCheckException.class)
        .hasMessageStartingWith("Expected input at *args[0].shape[1] to be equal to 3, but got 4.");
  }

  @ParameterizedTest
  @EnumSource(ExportMode.class)
  void sizesAndExpressionsOfThemInATupleAndAList(ExportMode mode) {
    ExportedProgram ep =
        export(new SizeExpressions(), Map.of("x", List.of(Dim.AUTO, Dim.AUTO)), mode);
    assertThat(ep.printReadable())
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"f32[s0, s1]\"):\n"
                + "        sym_size_int: \"Sym(s0)\" = torch.ops.aten.sym_size.int(x, 0)\n"
                + "        add: \"Sym(s0 + 1)\" = 1 + sym_size_int\n"
                + "        sym_size_int_1: \"Sym(s1)\" = torch.ops.aten.sym_size.int(x, 1)\n"
                + "        mul: \"Sym(2*s1)\" = 2 * sym_size_int_1\n"
                + "        return (sym_size_int, add, mul)\n"
                + "        ");
    Object out = ep.module().call(randn(6, 5));
    assertThat(out).isInstanceOf(Object[].class);
    Object[] t = (Object[]) out;
    assertThat(t).hasSize(3);
    assertThat(value(t[0])).isEqualTo(6);
    assertThat(value(t[1])).isEqualTo(7);
    assertThat(t[2]).isInstanceOf(List.class);
    assertThat((List<?>) t[2]).hasSize(1);
    assertThat(value(((List<?>) t[2]).get(0))).isEqualTo(10);
  }
}
