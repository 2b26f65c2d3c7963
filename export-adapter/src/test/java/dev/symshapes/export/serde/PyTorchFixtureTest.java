package dev.symshapes.export.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.ops.RuntimeAssertionException;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.InputCheckException;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import dev.symshapes.expr.Sym;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program written by hand in PyTorch's format from the schema ({@code pytorch_dynamic_cond.json}:
 * sympy {@code srepr} expressions with hints, every optional field present, {@code null} where
 * PyTorch writes {@code None}): a dynamic dimension {@code s0}, a derived dimension {@code 2*s0},
 * an unbacked size-like symbol {@code u0} with runtime asserts, and a {@code cond} with two
 * sub-graphs. It loads, prints as PyTorch prints it, checks its inputs, and runs.
 */
class PyTorchFixtureTest {
  static byte[] fixture(String name) {
    try (InputStream in = PyTorchFixtureTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static ExportedProgram load() {
    return ProgramJson.read(fixture("pytorch_dynamic_cond.json"), LoadOptions.defaults());
  }

  @Test
  void printsAsPyTorchPrintsIt() {
    assertThat(load().toString()).isEqualTo(PRINTED);
  }

  @Test
  void reCreatesTheShapeEnvironment() {
    ExportedProgram ep = load();
    var env = ep.shapeEnv();
    var f = env.factory();
    Sym s0 = f.symbol("s0");
    Sym u0 = f.symbol("u0");
    assertThat(env.symbolInfo(s0).hint())
        .hasValueSatisfying(h -> assertThat(h.longValueExact()).isEqualTo(5));
    assertThat(env.symbolInfo(s0).sources().get(0).name()).isEqualTo("L['x'].size()[0]");
    assertThat(env.range(s0)).hasToString("VR[2, 32]");
    assertThat(env.symbolInfo(u0).isUnbacked()).isTrue();
    assertThat(env.isSizeLike(u0)).isTrue();
    assertThat(env.range(u0)).hasToString("VR[0, 16]");
    // What the asserts and ranges imply can be decided without a hint.
    assertThat(env.staticallyKnownTrue(f.le(f.mul(f.integer(2), s0, u0), f.integer(1024))))
        .isTrue();
  }

  @Test
  void checksItsInputs() {
    ExportedModule m = load().module();
    assertThatThrownBy(() -> m.call(randn(5, 4), randn(9, 4), n(3)))
        .isInstanceOf(InputCheckException.class)
        .hasMessage("Expected input at *args[1].shape[0] to be equal to 2*s0 = 10, but got 9");
    assertThatThrownBy(() -> m.call(randn(40, 4), randn(80, 4), n(3)))
        .isInstanceOf(InputCheckException.class)
        .hasMessage("Expected input at *args[0].shape[0] to be <= 32, but got 40");
  }

  @Test
  void runs() {
    ExportedModule m = load().module();
    Tensor x = randn(5, 4);
    Tensor y = randn(10, 4);
    // s0 = 5 > 4: the true branch (sin).
    Object[] out = (Object[]) m.call(x, y, n(3));
    Tensor add = Torch.cat(List.of(x.sin(), x)).add(y);
    assertThat(((Tensor) out[0]).data().allClose(add.data())).isTrue();
    assertThat(((Tensor) out[1]).data().allClose(add.repeat(3L, 1L).data())).isTrue();
    // s0 = 3: the false branch (cos).
    Tensor x3 = randn(3, 4);
    Tensor y3 = randn(6, 4);
    Object[] out3 = (Object[]) m.call(x3, y3, n(2));
    assertThat(((Tensor) out3[0]).data().allClose(Torch.cat(List.of(x3.cos(), x3)).add(y3).data()))
        .isTrue();
    // u0 = 17 breaks the runtime assert u0 <= 16.
    assertThatThrownBy(() -> m.call(x, y, n(17)))
        .isInstanceOf(RuntimeAssertionException.class)
        .hasMessage("Runtime assertion failed for expression u0 <= 16 on node 'le'");
  }

  @Test
  void writesBackWhatItRead() {
    ExportedProgram ep = load();
    ExportedProgram again =
        ProgramJson.read(
            ProgramJson.write(ep).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            LoadOptions.defaults());
    RoundTripTest.assertSame(ep, again);
  }

  static Tensor randn(long... shape) {
    return SerdePrograms.randn(shape);
  }

  static Tensor n(long v) {
    return Tensor.of(TensorData.scalar(v));
  }

  /** The printed program; the sub-graphs follow the main graph as nested classes. */
  static final String PRINTED =
      ""
          + "ExportedProgram:\n"
          + "    class GraphModule(torch.nn.Module):\n"
          + "        def forward(self, x: \"f32[s0, 4]\", y: \"f32[2*s0, 4]\", n: \"i64[]\"):\n"
          + "            sym_size_int: \"Sym(s0)\" = torch.ops.aten.sym_size.int(x, 0)\n"
          + "            gt: \"Sym(s0 > 4)\" = sym_size_int > 4\n"
          + "            true_graph_0 = self.true_graph_0\n"
          + "            false_graph_0 = self.false_graph_0\n"
          + "            cond = torch.ops.higher_order.cond(gt, true_graph_0, false_graph_0, [x])\n"
          + "            getitem: \"f32[s0, 4]\" = cond[0]\n"
          + "            cat: \"f32[2*s0, 4]\" = torch.ops.aten.cat.default([getitem, x])\n"
          + "            add: \"f32[2*s0, 4]\" = torch.ops.aten.add.Tensor(cat, y)\n"
          + "            item: \"Sym(u0)\" = torch.ops.aten.item.default(n)\n"
          + "            sym_constrain_range_for_size_default = torch.ops.aten.sym_constrain_range_for_size.default(item)\n"
          + "            ge: \"Sym(u0 >= 0)\" = item >= 0\n"
          + "            _assert_scalar_default = torch.ops.aten._assert_scalar.default(ge, \"Runtime assertion failed for expression u0 >= 0 on node 'ge'\")\n"
          + "            le: \"Sym(u0 <= 16)\" = item <= 16\n"
          + "            _assert_scalar_default_1 = torch.ops.aten._assert_scalar.default(le, \"Runtime assertion failed for expression u0 <= 16 on node 'le'\")\n"
          + "            repeat: \"f32[2*s0*u0, 4]\" = torch.ops.aten.repeat.default(add, [item, 1])\n"
          + "            return (add, repeat)\n"
          + "            \n"
          + "        class true_graph_0(torch.nn.Module):\n"
          + "            def forward(self, x: \"f32[s0, 4]\"):\n"
          + "                sin: \"f32[s0, 4]\" = torch.ops.aten.sin.default(x)\n"
          + "                return (sin,)\n"
          + "                \n"
          + "        class false_graph_0(torch.nn.Module):\n"
          + "            def forward(self, x: \"f32[s0, 4]\"):\n"
          + "                cos: \"f32[s0, 4]\" = torch.ops.aten.cos.default(x)\n"
          + "                return (cos,)\n"
          + "                \n"
          + "Graph signature: \n"
          + "    # inputs\n"
          + "    x: USER_INPUT\n"
          + "    y: USER_INPUT\n"
          + "    n: USER_INPUT\n"
          + "    \n"
          + "    # outputs\n"
          + "    add: USER_OUTPUT\n"
          + "    repeat: USER_OUTPUT\n"
          + "    \n"
          + "Range constraints: {s0: VR[2, 32], 2*s0: VR[4, 64], u0: VR[0, 16]}\n";
}
