package dev.symshapes.export.program;

import static dev.symshapes.export.program.Models.randn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.PythonRepr;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpSchema;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tutorial.models.DynamicModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Printing goldens: FX's graph format ({@code Graph.__str__} / {@code Node.format_node}), {@code
 * print_readable} with sub-graphs as nested classes ({@code _print_readable}), argument formatting
 * ({@code _get_repr} / {@code _format_arg}), and the names FX's code generation gives.
 */
class PrintingTest {
  private static final Function<Object, String> VALS = String::valueOf;

  private static TensorMeta f32(long... sizes) {
    return TensorMeta.contiguous(
        DType.FLOAT32, java.util.Arrays.stream(sizes).mapToObj(SymInt::of).toList());
  }

  @Test
  void t07GraphFormat() {
    ExportedProgram ep =
        Export.export(
            new DynamicModel(),
            new Object[] {randn(6, 5), randn(4), randn(8, 4), randn(32)},
            Map.of(
                "w", List.of(Dim.AUTO, Dim.AUTO),
                "x", List.of(Dim.AUTO),
                "y", List.of(Dim.AUTO, Dim.AUTO),
                "z", List.of(Dim.AUTO)));
    assertThat(ep.graph())
        .hasToString(
            "graph():\n"
                + "    %p_l_weight : [num_users=1] = placeholder[target=p_l_weight]\n"
                + "    %p_l_bias : [num_users=1] = placeholder[target=p_l_bias]\n"
                + "    %w : [num_users=1] = placeholder[target=w]\n"
                + "    %x : [num_users=1] = placeholder[target=x]\n"
                + "    %y : [num_users=1] = placeholder[target=y]\n"
                + "    %z : [num_users=1] = placeholder[target=z]\n"
                + "    %add : [num_users=1] = call_function[target=torch.ops.aten.add.Tensor](args"
                + " = (%x, %y), kwargs = {})\n"
                + "    %linear : [num_users=1] ="
                + " call_function[target=torch.ops.aten.linear.default](args = (%w, %p_l_weight,"
                + " %p_l_bias), kwargs = {})\n"
                + "    %flatten : [num_users=1] ="
                + " call_function[target=torch.ops.aten.flatten.using_ints](args = (%add,), kwargs"
                + " = {})\n"
                + "    %add_1 : [num_users=1] ="
                + " call_function[target=torch.ops.aten.add.Tensor](args = (%flatten, %z), kwargs"
                + " = {})\n"
                + "    return (linear, add_1)");
  }

  @Test
  void t04SubGraphsAreNestedClassesAfterForward() {
    GraphModule gm = InterpreterTest.condProgram();
    // give the nodes the values export would give them
    for (Node n : gm.graph().nodes()) {
      if (n.op() == Node.Op.PLACEHOLDER || n.target() instanceof Target.GetItem) {
        n.setVal(f32(3, 3));
      }
    }
    for (GraphModule sub : gm.submodules().values()) {
      for (Node n : sub.graph().nodes()) {
        if (n.op() != Node.Op.OUTPUT) {
          n.setVal(f32(3, 3));
        }
      }
    }
    assertThat(gm.printReadable(VALS))
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"f32[3, 3]\"):\n"
                + "        gt = torch.ops.aten.gt.Scalar(x, 0)\n"
                + "        true_graph_0 = self.true_graph_0\n"
                + "        false_graph_0 = self.false_graph_0\n"
                + "        cond = torch.ops.higher_order.cond(gt, true_graph_0, false_graph_0,"
                + " [x])\n"
                + "        getitem: \"f32[3, 3]\" = cond[0]\n"
                + "        return (getitem,)\n"
                + "        \n"
                + "    class true_graph_0(torch.nn.Module):\n"
                + "        def forward(self, x: \"f32[3, 3]\"):\n"
                + "            sin: \"f32[3, 3]\" = torch.ops.aten.sin.default(x)\n"
                + "            return (sin,)\n"
                + "            \n"
                + "    class false_graph_0(torch.nn.Module):\n"
                + "        def forward(self, x: \"f32[3, 3]\"):\n"
                + "            cos: \"f32[3, 3]\" = torch.ops.aten.cos.default(x)\n"
                + "            return (cos,)\n"
                + "            ");
    assertThat(gm.graph())
        .hasToString(
            "graph():\n"
                + "    %x : [num_users=2] = placeholder[target=x]\n"
                + "    %gt : [num_users=1] = call_function[target=torch.ops.aten.gt.Scalar](args ="
                + " (%x, 0), kwargs = {})\n"
                + "    %true_graph_0 : [num_users=1] = get_attr[target=true_graph_0]\n"
                + "    %false_graph_0 : [num_users=1] = get_attr[target=false_graph_0]\n"
                + "    %cond : [num_users=1] = call_function[target=torch.ops.higher_order.cond](args"
                + " = (%gt, %true_graph_0, %false_graph_0, [%x]), kwargs = {})\n"
                + "    %getitem : [num_users=1] = call_function[target=operator.getitem](args ="
                + " (%cond, 0), kwargs = {})\n"
                + "    return (getitem,)");
  }

  private static final OpDef MY_OP =
      new OpDef(OpSchema.parse("aten::my_op(Tensor self) -> Tensor"), null, null);

  @Test
  void argumentsAreFormattedAsPython() {
    Graph g = new Graph();
    Node x = g.placeholder("x", f32(2));
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("dim", -1L);
    kwargs.put("keepdim", true);
    kwargs.put("dtype", DType.INT64);
    Node n =
        g.call(
            new Target.Op(MY_OP),
            List.of(
                x,
                1e-05,
                0.1,
                1.0,
                true,
                "it's",
                DType.FLOAT32,
                List.of(List.of(1L, 2L), List.of(x)),
                -3L,
                new Object[] {x},
                new Object[] {1L, 2L},
                List.of()),
            kwargs,
            null);
    g.output(List.of(n, 2L, "out"));
    assertThat(new GraphModule(g).printReadable(VALS))
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"f32[2]\"):\n"
                + "        my_op = torch.ops.aten.my_op.default(x, 1e-05, 0.1, 1.0, True, \"it's\","
                + " torch.float32, [[1, 2], [x]], -3, (x,), (1, 2), [], dim = -1, keepdim = True,"
                + " dtype = torch.int64)\n"
                + "        return (my_op, 2, 'out')\n"
                + "        ");
    assertThat(g)
        .hasToString(
            "graph():\n"
                + "    %x : [num_users=1] = placeholder[target=x]\n"
                + "    %my_op : [num_users=1] = call_function[target=torch.ops.aten.my_op.default](args"
                + " = (%x, 1e-05, 0.1, 1.0, True, it's, torch.float32, [[1, 2], [%x]], -3, (%x,), (1,"
                + " 2), []), kwargs = {dim: -1, keepdim: True, dtype: torch.int64})\n"
                + "    return (my_op, 2, 'out')");
  }

  @Test
  void noneAndEmptyOutputs() {
    Graph g = new Graph();
    g.placeholder("x", f32(2));
    g.output(List.of());
    assertThat(new GraphModule(g).printReadable(VALS))
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, x: \"f32[2]\"):\n"
                + "        return ()\n"
                + "        ");
    assertThat(g)
        .hasToString("graph():\n    %x : [num_users=0] = placeholder[target=x]\n    return ()");
  }

  @Test
  void builtinNamesAreRenamedInCodeAsFxDoes() {
    ExportedProgram ep =
        Export.export(
            new Linear(4, 3),
            new Object[] {randn(3, 4)},
            Map.of("input", List.of(Dim.AUTO, Dim.STATIC)));
    assertThat(ep.printReadable())
        .isEqualTo(
            "class GraphModule(torch.nn.Module):\n"
                + "    def forward(self, p_weight: \"f32[3, 4]\", p_bias: \"f32[3]\", input: \"f32[s0,"
                + " 4]\"):\n"
                + "        input_1 = input\n"
                + "        linear: \"f32[s0, 3]\" = torch.ops.aten.linear.default(input_1, p_weight,"
                + " p_bias)\n"
                + "        return (linear,)\n"
                + "        ");
    // the graph itself keeps the input's name, as torch.export does
    assertThat(ep.graph().toString())
        .contains("%input : [num_users=1] = placeholder[target=input]");
  }

  @Test
  void namesFollowFxNamespace() {
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    Node s1 = g.call(new Target.Op(AtenOps.SUM), List.of(x), new LinkedHashMap<>(), null);
    Node s2 = g.call(new Target.Op(AtenOps.SUM), List.of(s1), new LinkedHashMap<>(), null);
    Node and = g.call(new Target.SymOp("and_"), List.of(true, false), new LinkedHashMap<>(), null);
    Node not = g.call(new Target.SymOp("not_"), List.of(and), new LinkedHashMap<>(), null);
    Node max = g.call(new Target.SymOp("sym_max"), List.of(1L, 2L), new LinkedHashMap<>(), null);
    Node neg = g.call(new Target.SymOp("neg"), List.of(max), new LinkedHashMap<>(), null);
    Node a = g.call(new Target.Op(MY_OP), "_assert_scalar.default", List.of(not), null, null);
    assertThat(List.of(s1, s2, and, not, max, neg, a))
        .extracting(Node::name)
        .containsExactly(
            "sum_1", "sum_2", "and_", "sym_not", "sym_max", "neg", "_assert_scalar_default");
    g.output(List.of(s2, neg));
    assertThat(new GraphModule(g).printReadable(VALS))
        .contains("and_ = True & False\n")
        .contains("sym_not = torch.sym_not(and_)\n")
        .contains("sym_max = torch.sym_max(1, 2)\n")
        .contains("neg = -sym_max\n");
    assertThat(g.toString())
        .contains("call_function[target=operator.and_](args = (True, False), kwargs = {})")
        .contains("call_function[target=torch.sym_not](args = (%and_,), kwargs = {})")
        .contains("call_function[target=operator.neg](args = (%sym_max,), kwargs = {})");
  }

  @Test
  void pythonFloatRepr() {
    assertThat(PythonRepr.ofDouble(1e-05)).isEqualTo("1e-05");
    assertThat(PythonRepr.ofDouble(0.0001)).isEqualTo("0.0001");
    assertThat(PythonRepr.ofDouble(0.1)).isEqualTo("0.1");
    assertThat(PythonRepr.ofDouble(1.0)).isEqualTo("1.0");
    assertThat(PythonRepr.ofDouble(-2.5)).isEqualTo("-2.5");
    assertThat(PythonRepr.ofDouble(1e16)).isEqualTo("1e+16");
    assertThat(PythonRepr.ofDouble(123456789.0)).isEqualTo("123456789.0");
    assertThat(PythonRepr.ofDouble(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(PythonRepr.ofDouble(Double.NaN)).isEqualTo("nan");
    assertThat(PythonRepr.ofString("a'b")).isEqualTo("\"a'b\"");
    assertThat(PythonRepr.ofString("a\"b")).isEqualTo("'a\"b'");
    assertThat(PythonRepr.ofString("a'b\"c")).isEqualTo("'a\\'b\"c'");
  }

  @Test
  void treeSpecRepr() {
    TreeSpec s =
        TreeSpec.tuple(
            List.of(
                TreeSpec.leaf(),
                TreeSpec.list(List.of(TreeSpec.leaf(), TreeSpec.none())),
                TreeSpec.tuple(List.of())));
    assertThat(s)
        .hasToString(
            "TreeSpec(tuple, None, [*,\n"
                + "  TreeSpec(list, None, [*,\n"
                + "    TreeSpec(NoneType, None, [])]),\n"
                + "  TreeSpec(tuple, None, [])])");
    assertThat(s.numLeaves()).isEqualTo(2);
    Object[] value = {1, java.util.Arrays.asList(2, null), new Object[0]};
    List<Object> flat = new java.util.ArrayList<>();
    assertThat(s.flattenInto(value, flat)).isTrue();
    assertThat(flat).containsExactly(1, 2);
    Object back = s.unflatten(flat);
    assertThat(TreeSpec.of(back)).isEqualTo(s);
  }
}
