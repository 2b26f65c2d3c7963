package dev.symshapes.export.dims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.solver.DataDependentException;
import dev.symshapes.solver.ShapeEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Symbolic values in graphs: nodes only for values the program uses (lazily, as PyTorch's proxy
 * tracing), node names in both export modes, and data-dependent values named by their origin.
 */
class UnbackedNamesTest {
  /** Checks a range, branches on it, and uses {@code a + 1} as a size. */
  public static final class Checked extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      Torch.check(a.ge(1));
      Torch.check(a.le(8));
      if (a.floorDiv(2).ge(0).bool()) {
        return y.unsqueeze(0).repeat(a.plus(1), 1L);
      }
      return y;
    }
  }

  private static ExportedProgram export(ExportMode mode) {
    return Export.export(
        new Checked(),
        new Object[] {Torch.scalarTensor(3), Torch.randn(1, 5)},
        Map.of(),
        ShapeEnv.builder(),
        mode);
  }

  @Test
  void onlyUsedSymbolicValuesBecomeNodes() {
    String p = export(ExportMode.NON_STRICT).printReadable();
    assertThat(p)
        .contains("add: \"Sym(u0 + 1)\" = item + 1\n")
        .contains("repeat: \"f32[u0 + 1, 5]\" = torch.ops.aten.repeat.default(unsqueeze, [add, 1])")
        .doesNotContain("floordiv");
  }

  @Test
  void assertNamesFollowTheExportMode() {
    assertThat(export(ExportMode.NON_STRICT).printReadable())
        .contains("ge: \"Sym(u0 >= 1)\" = item >= 1")
        .contains("le: \"Sym(u0 <= 8)\" = item <= 8");
    assertThat(export(ExportMode.STRICT).printReadable())
        .contains("ge_1: \"Sym(u0 >= 1)\" = item >= 1")
        .contains("le_1: \"Sym(u0 <= 8)\" = item <= 8");
  }

  /** Branches on an element of {@code y.tolist()}. */
  public static final class Element extends Module {
    public Tensor forward(Tensor y) {
      List<SymInt> b = y.tolist();
      if (b.get(1).gt(2).bool()) {
        return y.add(1);
      }
      return y;
    }
  }

  @Test
  void checksNameListElementsByTheirSelect() {
    assertThatThrownBy(() -> Export.export(new Element(), new Object[] {Torch.tensor(4, 5)}))
        .isInstanceOf(DataDependentException.class)
        .hasMessageContaining("  1. check(y.select(0, 1).item() > 2)\n")
        .hasMessageContaining("  2. check(y.select(0, 1).item() <= 2)\n")
        .hasMessageContaining("(These checks write u1 as y.select(0, 1).item(), the value read at");
  }

  /** Branches on the item of a computed tensor, which has no short Java spelling. */
  public static final class Computed extends Module {
    public Tensor forward(Tensor y) {
      SymInt s = y.sum().item();
      if (s.gt(2).bool()) {
        return y.add(1);
      }
      return y;
    }
  }

  @Test
  void valuesWithoutAShortSpellingKeepTheirSymbol() {
    assertThatThrownBy(() -> Export.export(new Computed(), new Object[] {Torch.tensor(4, 5)}))
        .isInstanceOf(DataDependentException.class)
        .hasMessageContaining("  1. check(u0 > 2)\n")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("These checks write"));
  }
}
