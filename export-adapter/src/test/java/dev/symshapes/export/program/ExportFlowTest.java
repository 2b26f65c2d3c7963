package dev.symshapes.export.program;

import static dev.symshapes.export.program.Models.randn;
import static dev.symshapes.export.program.Models.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapesException;
import dev.symshapes.export.ops.RuntimeAssertionException;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.ShapeEnv;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The export flow: spec forms, printed programs with runtime asserts, lifted constants, inputs and
 * outputs. The tutorial cases T01, T03, T06, T07, T10, T11 and T25 have golden tests of their own
 * ({@code dev.symshapes.export.tutorial}).
 */
class ExportFlowTest {
  @Test
  void t14SpecForms() {
    Map<String, Object> spec = new HashMap<>();
    spec.put("a", Arrays.asList(Dim.AUTO, null));
    spec.put("b", null);
    spec.put("n", null);
    spec.put("flag", null);
    ExportedProgram ep =
        Export.export(new Models.Mixed(), new Object[] {randn(4, 4), randn(3, 3), 16, false}, spec);
    assertThat(ep.printReadable())
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, a: \"f32[s0, 4]\", b: \"f32[3, 3]\", n, flag):\n"
                + "        add: \"f32[3, 3]\" = torch.ops.aten.add.Tensor(b, 16)\n"
                + "        return (add,)\n"
                + "        ");
    assertThat(ep.graphSignature().toString())
        .isEqualTo(
            "\n# inputs\na: USER_INPUT\nb: USER_INPUT\nn: USER_INPUT\nflag: USER_INPUT\n\n"
                + "# outputs\nadd: USER_OUTPUT\n");
    assertThat(ep.graph().toString())
        .contains("%n : [num_users=0] = placeholder[target=n]")
        .contains("%flag : [num_users=0] = placeholder[target=flag]");
    // an integer at dimension level is static, checked against the example
    ExportedProgram ok =
        Export.export(
            new Models.Mixed(),
            new Object[] {randn(4, 4), randn(3, 3), 16, false},
            Map.of("a", List.of(Dim.AUTO, 4)));
    assertThat(ok.printReadable()).contains("a: \"f32[s0, 4]\"");
    assertThatThrownBy(
            () ->
                Export.export(
                    new Models.Mixed(),
                    new Object[] {randn(4, 4), randn(3, 3), 16, false},
                    Map.of("a", List.of(Dim.AUTO, 5))))
        .isInstanceOf(ContradictionException.class)
        .hasMessageStartingWith(
            "Static shape constraint of 5 does not match input size of 4, for L['a'].size()[1]");
    // a map from dimension index to Dim; other dimensions are static
    ExportedProgram byIndex =
        Export.export(
            new Models.Mixed(),
            new Object[] {randn(4, 4), randn(3, 3), 16, false},
            Map.of("b", Map.of(1, Dim.AUTO)));
    assertThat(byIndex.printReadable()).contains("a: \"f32[4, 4]\", b: \"f32[3, s0]\"");
  }

  @Test
  void specErrors() {
    Object[] in = {randn(4, 4), randn(3, 3), 16, false};
    assertThatThrownBy(() -> Export.export(new Models.Mixed(), in, Map.of("c", List.of(Dim.AUTO))))
        .isInstanceOf(DynamicShapesException.class)
        .hasMessage(
            "When `dynamic_shapes` is specified as a dict, its top-level keys must be the arg names"
                + " ['a', 'b', 'n', 'flag'] of `inputs`, but here they are ['c']. Alternatively, you"
                + " could also ignore arg names entirely and specify `dynamic_shapes` as a"
                + " list/tuple matching `inputs`.");
    assertThatThrownBy(() -> Export.export(new Models.Mixed(), in, Map.of("a", List.of(Dim.AUTO))))
        .isInstanceOf(DynamicShapesException.class)
        .hasMessage(
            "Expected dynamic shape spec [Dim.AUTO] specified at `dynamic_shapes['a']` to have the"
                + " same length as the actual tensor shape torch.Size([4, 4]) (expected 2, but got 1"
                + " instead)");
    assertThatThrownBy(
            () -> Export.export(new Models.Mixed(), in, Map.of("a", List.of(Dim.AUTO, "x"))))
        .isInstanceOf(DynamicShapesException.class)
        .hasMessage(
            "Unexpected dimension #1 in input tensor shape [Dim.AUTO, 'x'] specified at"
                + " `dynamic_shapes['a']` (expected None, an int, a Dim, Dim.AUTO, Dim.STATIC, or"
                + " Dim.DYNAMIC, but got 'x' instead)");
    assertThatThrownBy(() -> Export.export(new Models.Mixed(), in, Map.of("a", Dim.AUTO)))
        .isInstanceOf(DynamicShapesException.class)
        .hasMessage(
            "Unexpected input tensor shape Dim.AUTO specified at `dynamic_shapes['a']` (expected"
                + " either a list/tuple of dimensions, or a dict mapping indices to dimensions, where"
                + " each dimension is an int, a Dim, Dim.AUTO, Dim.STATIC, or Dim.DYNAMIC)");
    assertThatThrownBy(
            () -> Export.export(new Models.Mixed(), in, Map.of("flag", List.of(Dim.AUTO))))
        .isInstanceOf(DynamicShapesException.class)
        .hasMessage(
            "Cannot associate shape [Dim.AUTO] specified at `dynamic_shapes['flag']` to non-tensor"
                + " type <class 'bool'> at `inputs['flag']` (expected None)");
  }

  @Test
  void t17PrintsTheRuntimeAsserts() {
    // The tutorial's names come from PyTorch's strict export (ge_1, le_1).
    ExportedProgram ep =
        Export.export(
            new Models.CheckedItem(),
            new Object[] {scalar(32), randn(4)},
            Map.of(),
            ShapeEnv.builder(),
            ExportMode.STRICT);
    assertThat(ep.printReadable())
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"i64[]\", y: \"f32[4]\"):\n"
                + "        item: \"Sym(u0)\" = torch.ops.aten.item.default(x)\n"
                + "        ge_1: \"Sym(u0 >= 10)\" = item >= 10\n"
                + "        _assert_scalar_default = torch.ops.aten._assert_scalar.default(ge_1,"
                + " \"Runtime assertion failed for expression u0 >= 10 on node 'ge_1'\")\n"
                + "        le_1: \"Sym(u0 <= 60)\" = item <= 60\n"
                + "        _assert_scalar_default_1 = torch.ops.aten._assert_scalar.default(le_1,"
                + " \"Runtime assertion failed for expression u0 <= 60 on node 'le_1'\")\n"
                + "        add: \"f32[4]\" = torch.ops.aten.add.Tensor(y, 2)\n"
                + "        return (add,)\n"
                + "        ");
    assertThat(ep.guards().rangeConstraintsString()).isEqualTo("{u0: VR[10, 60]}");
  }

  /** T21: an unbacked size through repeat. */
  public static final class T21 extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      Tensor b = y.repeat(a, 1L);
      return b.add(a);
    }
  }

  @Test
  void t21SizeLikeUnbackedSymbol() {
    ExportedProgram ep =
        Export.export(
            new T21(),
            new Object[] {
              scalar(4), Tensor.of(TensorData.ones(new long[] {1, 60}, DType.FLOAT32))
            });
    assertThat(ep.printReadable())
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"i64[]\", y: \"f32[1, 60]\"):\n"
                + "        item: \"Sym(u0)\" = torch.ops.aten.item.default(x)\n"
                + "        sym_constrain_range_for_size_default ="
                + " torch.ops.aten.sym_constrain_range_for_size.default(item)\n"
                + "        ge: \"Sym(u0 >= 0)\" = item >= 0\n"
                + "        _assert_scalar_default = torch.ops.aten._assert_scalar.default(ge,"
                + " \"Runtime assertion failed for expression u0 >= 0 on node 'ge'\")\n"
                + "        repeat: \"f32[u0, 60]\" = torch.ops.aten.repeat.default(y, [item, 1])\n"
                + "        add: \"f32[u0, 60]\" = torch.ops.aten.add.Tensor(repeat, item)\n"
                + "        return (add,)\n"
                + "        ");
    assertThat(ep.guards().rangeConstraintsString()).isEqualTo("{u0: VR[0, int_oo]}");
    ExportedModule m = ep.module();
    Tensor out =
        (Tensor) m.call(scalar(3), Tensor.of(TensorData.ones(new long[] {1, 60}, DType.FLOAT32)));
    assertThat(out.data().shape()).containsExactly(3, 60);
    assertThat(out.data().toDoubleArray()).containsOnly(4.0);
    assertThatThrownBy(
            () -> m.call(scalar(-1), Tensor.of(TensorData.ones(new long[] {1, 60}, DType.FLOAT32))))
        .isInstanceOf(RuntimeAssertionException.class)
        // sym_constrain_range_for_size runs before the _assert_scalar node, as in PyTorch.
        .hasMessage("Invalid value range for -1 between [0, 9223372036854775807].");
  }

  /** A model whose code holds a tensor that is neither a parameter nor a buffer. */
  public static final class WithConstant extends Module {
    final Tensor bias = Tensor.of(TensorData.full(new long[] {3}, 2.0, DType.FLOAT32));
    final dev.symshapes.export.nn.Linear lin =
        registerModule("lin", new dev.symshapes.export.nn.Linear(3, 3));

    public Tensor forward(Tensor x) {
      return lin.forward(x).add(bias);
    }
  }

  @Test
  void liftedConstantsComeBeforeUserInputs() {
    ExportedProgram ep = Export.export(new WithConstant(), new Object[] {randn(2, 3)});
    assertThat(ep.printReadable())
        .contains(
            "def forward(self, p_lin_weight: \"f32[3, 3]\", p_lin_bias: \"f32[3]\","
                + " c_lifted_tensor_0: \"f32[3]\", x: \"f32[2, 3]\"):");
    assertThat(ep.graphSignature().toString())
        .contains("c_lifted_tensor_0: CONSTANT_TENSOR target='lifted_tensor_0'\nx: USER_INPUT");
    assertThat(ep.constants()).containsOnlyKeys("lifted_tensor_0");
    Module model = new WithConstant();
    ExportedModule m = Export.export(model, new Object[] {randn(2, 3)}).module();
    Tensor x = randn(2, 3);
    assertThat(((Tensor) m.call(x)).data().allClose(((Tensor) model.call(x)).data())).isTrue();
  }

  @Test
  void outputStructures() {
    Module tuple =
        new Module() {
          public Object forward(Tensor x) {
            return new Object[] {x.add(1), List.of(x.add(2), x.add(3))};
          }
        };
    ExportedProgram ep = Export.export(tuple, new Object[] {randn(2)});
    assertThat(ep.outSpec())
        .hasToString("TreeSpec(tuple, None, [*,\n  TreeSpec(list, None, [*,\n    *])])");
    assertThat(ep.printReadable()).contains("return (add, add_1, add_2)");
    Object out = ep.module().call(Tensor.of(TensorData.zeros(new long[] {2}, DType.FLOAT32)));
    assertThat(out).isInstanceOf(Object[].class);
    Object[] o = (Object[]) out;
    assertThat(((Tensor) o[0]).data().toDoubleArray()).containsExactly(1, 1);
    assertThat(((Tensor) ((List<?>) o[1]).get(1)).data().toDoubleArray()).containsExactly(3, 3);
  }

  @Test
  void aModelWithoutOutputs() {
    Module none =
        new Module() {
          public Object forward(Tensor x) {
            return null;
          }
        };
    ExportedProgram ep = Export.export(none, new Object[] {randn(2)});
    assertThat(ep.printReadable()).contains("    return ()\n");
    assertThat(ep.module().call(randn(2))).isNull();
  }

  /** Takes inputs that are not tensors. */
  public static final class Scalars extends Module {
    public Tensor forward(Tensor x, Object nothing, double scale, String mode) {
      return mode.equals("add") ? x.add(scale) : x.mul(scale);
    }
  }

  @Test
  void nullFloatAndStringInputs() {
    ExportedProgram ep = Export.export(new Scalars(), new Object[] {randn(2), null, 0.5, "add"});
    assertThat(ep.printReadable())
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"f32[2]\", scale, mode):\n"
                + "        add: \"f32[2]\" = torch.ops.aten.add.Tensor(x, 0.5)\n"
                + "        return (add,)\n"
                + "        ");
    ExportedModule m = ep.module();
    Tensor zeros = Tensor.of(TensorData.zeros(new long[] {2}, DType.FLOAT32));
    assertThat(((Tensor) m.call(zeros, null, 0.5, "add")).data().toDoubleArray())
        .containsExactly(0.5, 0.5);
    assertThatThrownBy(() -> m.call(zeros, null, 0.25, "add"))
        .isInstanceOf(InputCheckException.class)
        .hasMessage("Expected input at *args[2] to be equal to 0.5, but got 0.25");
    assertThatThrownBy(() -> m.call(zeros, null, 0.5, "mul"))
        .isInstanceOf(InputCheckException.class)
        .hasMessage("Expected input at *args[3] to be equal to add, but got mul");
    assertThatThrownBy(() -> m.call(zeros, 1, 0.5, "add"))
        .isInstanceOf(InputCheckException.class)
        .hasMessageContaining(
            "but actually got inputs with tree spec of: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*,\n"
                + "    *,\n");
  }
}
