package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature.ArgumentType;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T15: unbacked symbols from item and tolist, returned as SymInt outputs. */
class TutorialT15Test {
  @Test
  void programWithSymIntOutputsAndNoStaleSymbols() {
    CaseRun r = CaseRun.of(new T15ItemTolist());
    assertThat(r.text())
        .isEqualTo(
            "ExportedProgram:\n"
                + "    class GraphModule(torch.nn.Module):\n"
                + "        def forward(self, x: \"i64[]\", y: \"i64[2]\"):\n"
                + "            item: \"Sym(u0)\" = torch.ops.aten.item.default(x)\n"
                + "            select: \"i64[]\" = torch.ops.aten.select.int(y, 0, 0)\n"
                + "            item_1: \"Sym(u1)\" = torch.ops.aten.item.default(select)\n"
                + "            select_1: \"i64[]\" = torch.ops.aten.select.int(y, 0, 1)\n"
                + "            item_2: \"Sym(u2)\" = torch.ops.aten.item.default(select_1)\n"
                + "            return (item_1, item_2, item)\n"
                + "            \n"
                + "Graph signature: \n"
                + "    # inputs\n"
                + "    x: USER_INPUT\n"
                + "    y: USER_INPUT\n"
                + "    \n"
                + "    # outputs\n"
                + "    item_1: USER_OUTPUT\n"
                + "    item_2: USER_OUTPUT\n"
                + "    item: USER_OUTPUT\n"
                + "    \n"
                + "Range constraints: {u0: VR[-int_oo, int_oo], u1: VR[-int_oo, int_oo], u2:"
                + " VR[-int_oo, int_oo]}\n");
    assertThat(r.messages())
        .containsExactly(
            "create_unbacked_symint u0 [-int_oo, int_oo]",
            "create_unbacked_symint u1 [-int_oo, int_oo]",
            "create_unbacked_symint u2 [-int_oo, int_oo]",
            "produce_guards");
  }

  @Test
  void outputsAreSymIntsThatRun() {
    ExportedProgram ep =
        Export.export(
            new T15ItemTolist.Foo(), new Object[] {Torch.scalarTensor(1), Torch.tensor(2, 3)});
    assertThat(ep.graphSignature().outputs())
        .extracting(o -> o.argumentType())
        .containsOnly(ArgumentType.SYM_INT);
    Object out = ep.module().call(Torch.scalarTensor(7), Torch.tensor(8, 9));
    assertThat((List<?>) out)
        .extracting(o -> ((SymInt) o).constantValue())
        .containsExactly(8L, 9L, 7L);
  }

  /** Reads a value it never uses. */
  public static final class Unused extends dev.symshapes.export.trace.Module {
    public dev.symshapes.export.trace.Tensor forward(
        dev.symshapes.export.trace.Tensor x, dev.symshapes.export.trace.Tensor y) {
      x.item();
      return y.add(1);
    }
  }

  @Test
  void aValueTheProgramDoesNotUseHasNoRangeConstraint() {
    ExportedProgram ep =
        Export.export(new Unused(), new Object[] {Torch.scalarTensor(1), Torch.randn(1, 3)});
    assertThat(ep.printReadable()).doesNotContain("item");
    assertThat(ep.guards().rangeConstraintsString()).isEqualTo("{}");
    assertThat(ep.shapeEnv().symbols()).hasSize(1);
  }
}
