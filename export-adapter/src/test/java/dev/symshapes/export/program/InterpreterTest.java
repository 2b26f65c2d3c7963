package dev.symshapes.export.program;

import static dev.symshapes.export.program.Models.randn;
import static dev.symshapes.export.program.Models.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpSchema;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.ArithmeticKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interpreter of exported programs: buffer mutation on the module's own state, the higher-order
 * ops on sub-graphs, symbolic operators, keyword arguments, and the output structure. That the
 * tutorial's models run as they do directly is {@code TutorialModelsRunTest}.
 */
class InterpreterTest {
  /** Counts its calls in a buffer, as batch norm's {@code num_batches_tracked}. */
  public static final class Counter extends Module {
    final Tensor count = registerBuffer("count", TensorData.scalar(0L));

    public Tensor forward(Tensor x) {
      Dispatch.call(AtenOps.ADD__TENSOR, count, 1L);
      return x.add(count);
    }
  }

  @Test
  void bufferMutationUpdatesTheModulesStateOnly() {
    ExportedProgram ep = Export.export(new Counter(), new Object[] {randn(3)});
    assertThat(ep.printReadable())
        .contains("add_: \"i64[]\" = torch.ops.aten.add_.Tensor(b_count, 1)")
        .contains("add: \"f32[3]\" = torch.ops.aten.add.Tensor(x, add_)");
    ExportedModule m = ep.module();
    Tensor x = Tensor.of(TensorData.zeros(new long[] {3}, DType.FLOAT32));
    m.call(x);
    Tensor out = (Tensor) m.call(x);
    assertThat(out.data().toDoubleArray()).containsExactly(2, 2, 2);
    assertThat(m.stateDict().get("count").item()).isEqualTo(2L);
    assertThat(ep.stateDict().get("count").item()).isEqualTo(0L);
    assertThat(ep.module().stateDict().get("count").item()).isEqualTo(0L);
  }

  /** Adds 1 to its input in place, as {@code x.add_(1)}. */
  public static final class InPlace extends Module {
    public Tensor forward(Tensor x) {
      Dispatch.call(AtenOps.ADD__TENSOR, x, 1L);
      return x.add(1);
    }
  }

  @Test
  void userInputMutationMutatesTheCallersTensor() {
    ExportedProgram ep = Export.export(new InPlace(), new Object[] {randn(2)});
    assertThat(ep.printReadable())
        .contains("add_: \"f32[2]\" = torch.ops.aten.add_.Tensor(x, 1)")
        .contains("add: \"f32[2]\" = torch.ops.aten.add.Tensor(add_, 1)");
    Tensor x = Tensor.of(TensorData.zeros(new long[] {2}, DType.FLOAT32));
    Tensor out = (Tensor) ep.module().call(x);
    assertThat(out.data().toDoubleArray()).containsExactly(2, 2);
    assertThat(x.data().toDoubleArray()).containsExactly(1, 1);
  }

  @Test
  void symIntAndConstantOutputsKeepTheirStructure() {
    Module model =
        new Module() {
          public Object forward(Tensor x, Tensor y) {
            SymInt a = x.item();
            List<Object> out = new ArrayList<>();
            out.add(a);
            out.add(y.add(a));
            out.add(7);
            out.add(null);
            return out;
          }
        };
    ExportedProgram ep = Export.export(model, new Object[] {scalar(1), randn(4)});
    assertThat(ep.graphSignature().toString())
        .isEqualTo(
            "\n# inputs\nx: USER_INPUT\ny: USER_INPUT\n\n# outputs\nitem: USER_OUTPUT\n"
                + "add: USER_OUTPUT\n: USER_OUTPUT\n");
    assertThat(ep.graphSignature().outputs().get(0).argumentType())
        .isEqualTo(GraphSignature.ArgumentType.SYM_INT);
    Object out =
        ep.module().call(scalar(3), Tensor.of(TensorData.zeros(new long[] {4}, DType.FLOAT32)));
    assertThat(out).isInstanceOf(List.class);
    List<?> l = (List<?>) out;
    assertThat(l).hasSize(4);
    assertThat(((SymInt) l.get(0)).constantValue()).isEqualTo(3);
    assertThat(((Tensor) l.get(1)).data().toDoubleArray()).containsExactly(3, 3, 3, 3);
    assertThat(l.get(2)).isEqualTo(7);
    assertThat(l.get(3)).isNull();
  }

  /** {@code cond(x.sum() > 0, sin, cos, [x])} written as a graph, as T04 prints it. */
  static GraphModule condProgram() {
    GraphModule trueGraph = branch(AtenOps.SIN);
    GraphModule falseGraph = branch(AtenOps.COS);
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    Node gt = g.call(new Target.Op(GT), List.of(x, 0L), new LinkedHashMap<>(), null);
    Node t = g.getAttr("true_graph_0", null);
    Node f = g.getAttr("false_graph_0", null);
    Node cond =
        g.call(
            new Target.HigherOrder("cond"),
            List.of(gt, t, f, List.of(x)),
            new LinkedHashMap<>(),
            null);
    Node item = g.call(new Target.GetItem(), List.of(cond, 0L), new LinkedHashMap<>(), null);
    g.output(List.of(item));
    GraphModule gm = new GraphModule(g);
    gm.addSubmodule("true_graph_0", trueGraph);
    gm.addSubmodule("false_graph_0", falseGraph);
    return gm;
  }

  private static GraphModule branch(OpDef op) {
    Graph b = new Graph();
    Node bx = b.placeholder("x", null);
    Node r = b.call(new Target.Op(op), List.of(bx), new LinkedHashMap<>(), null);
    b.output(List.of(r));
    return new GraphModule(b);
  }

  static final OpDef GT =
      new OpDef(
          OpSchema.parse("aten::gt.Scalar(Tensor self, Scalar other) -> Tensor"),
          null,
          a ->
              dev.symshapes.export.tensor.ComparisonKernels.gt(
                  dev.symshapes.export.tensor.ReductionKernels.sum((TensorData) a.get(0)),
                  (Number) a.get(1)));

  @Test
  void condRunsTheBranchThePredicateSelects() {
    GraphInterpreter in = new GraphInterpreter(condProgram());
    TensorData ones = TensorData.ones(new long[] {3, 3}, DType.FLOAT32);
    TensorData minusOnes = TensorData.full(new long[] {3, 3}, -1.0, DType.FLOAT32);
    TensorData a = (TensorData) in.run(List.of(ones)).get(0);
    TensorData b = (TensorData) in.run(List.of(minusOnes)).get(0);
    for (double v : a.toDoubleArray()) {
      assertThat(v).isCloseTo(0.8415, within());
    }
    for (double v : b.toDoubleArray()) {
      assertThat(v).isCloseTo(0.5403, within());
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-4);
  }

  @Test
  void mapStacksTheBodysResults() {
    // T05: map(body, xs, y, z) with body(x, y, z) = x + y + z
    Graph body = new Graph();
    Node bx = body.placeholder("xs", null);
    Node by = body.placeholder("y", null);
    Node bz = body.placeholder("z", null);
    Node add =
        body.call(new Target.Op(AtenOps.ADD_TENSOR), List.of(bx, by), new LinkedHashMap<>(), null);
    Node add1 =
        body.call(new Target.Op(AtenOps.ADD_TENSOR), List.of(add, bz), new LinkedHashMap<>(), null);
    body.output(List.of(add1));
    Graph g = new Graph();
    Node xs = g.placeholder("xs", null);
    Node y = g.placeholder("y", null);
    Node z = g.placeholder("z", null);
    Node bodyGraph = g.getAttr("body_graph_0", null);
    Node map =
        g.call(
            new Target.HigherOrder("map_impl"),
            List.of(bodyGraph, List.of(xs), List.of(y, z)),
            new LinkedHashMap<>(),
            null);
    Node item = g.call(new Target.GetItem(), List.of(map, 0L), new LinkedHashMap<>(), null);
    g.output(List.of(item));
    GraphModule gm = new GraphModule(g);
    gm.addSubmodule("body_graph_0", new GraphModule(body));
    TensorData out =
        (TensorData)
            new GraphInterpreter(gm)
                .run(
                    List.of(
                        TensorData.ones(new long[] {6, 4}, DType.FLOAT32),
                        TensorData.scalar(5L),
                        TensorData.scalar(4L)))
                .get(0);
    assertThat(out.shape()).containsExactly(6, 4);
    assertThat(out.toDoubleArray()).containsOnly(10.0);
  }

  @Test
  void symbolicOperatorsFollowPython() {
    assertThat(SymArithmetic.apply("floordiv", List.of(-7L, 2L))).isEqualTo(-4L);
    assertThat(SymArithmetic.apply("mod", List.of(-7L, 2L))).isEqualTo(1L);
    assertThat(SymArithmetic.apply("truediv", List.of(7L, 2L))).isEqualTo(3.5);
    assertThat(SymArithmetic.apply("ge", List.of(10L, 10L))).isEqualTo(true);
    assertThat(SymArithmetic.apply("lt", List.of(2.5, 3L))).isEqualTo(true);
    assertThat(SymArithmetic.apply("and_", List.of(true, false))).isEqualTo(false);
    assertThat(SymArithmetic.apply("not_", List.of(false))).isEqualTo(true);
    assertThat(SymArithmetic.apply("neg", List.of(3L))).isEqualTo(-3L);
    assertThat(SymArithmetic.apply("sym_max", List.of(3L, 9L))).isEqualTo(9L);
    assertThat(SymArithmetic.apply("add", List.of(true, 1L))).isEqualTo(2L);
    assertThatThrownBy(() -> SymArithmetic.apply("mul", List.of(Long.MAX_VALUE, 2L)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> SymArithmetic.apply("floordiv", List.of(1L, 0L)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("integer division or modulo by zero");
  }

  @Test
  void keywordArgumentsGoToTheirSchemaPositions() {
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    Node y = g.placeholder("y", null);
    Map<String, Object> kw = new LinkedHashMap<>();
    kw.put("alpha", 3L);
    Node add = g.call(new Target.Op(SUB_WITH_ALPHA), List.of(x, y), kw, null);
    g.output(List.of(add));
    TensorData out =
        (TensorData)
            new GraphInterpreter(new GraphModule(g))
                .run(
                    List.of(
                        TensorData.full(new long[] {2}, 10.0, DType.FLOAT32),
                        TensorData.ones(new long[] {2}, DType.FLOAT32)))
                .get(0);
    assertThat(out.toDoubleArray()).containsExactly(7, 7);
  }

  static final OpDef SUB_WITH_ALPHA =
      new OpDef(
          OpSchema.parse(
              "aten::sub.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor"),
          null,
          a ->
              ArithmeticKernels.sub(
                  (TensorData) a.get(0),
                  (TensorData) a.get(1),
                  a.size() > 2 && a.get(2) != null ? (Number) a.get(2) : 1L));

  @Test
  void anOpWithoutAReferenceKernelFailsClearly() {
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    OpDef sinWithoutKernel =
        new OpDef(AtenOps.SIN.schema(), AtenOps.SIN.meta().orElseThrow(), null);
    Node n = g.call(new Target.Op(sinWithoutKernel), List.of(x), new LinkedHashMap<>(), null);
    g.output(List.of(n));
    GraphInterpreter in = new GraphInterpreter(new GraphModule(g));
    List<Object> inputs = List.of(TensorData.ones(new long[] {1}, DType.FLOAT32));
    assertThatThrownBy(() -> in.run(inputs))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "operator aten::sin (node 'sin') has no reference kernel, so the exported program"
                + " cannot run it");
  }
}
