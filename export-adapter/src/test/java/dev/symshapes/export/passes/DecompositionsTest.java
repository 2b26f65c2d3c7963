package dev.symshapes.export.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.CustomOp;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.ops.OpRegistry;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.OutputKind;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code runDecompositions} makes of programs: printed lowered programs (golden files next to
 * this class), the mutation outputs of the signature, the errors for mutations it cannot make
 * functional, and the decomposition table's API.
 */
class DecompositionsTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = DecompositionsTest.class.getResourceAsStream(name + ".expected")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void linearBecomesPermuteAndAddmmAndReluUnderscoreBecomesRelu() throws IOException {
    ExportedProgram ep =
        Export.export(
            new PassModels.LinearRelu(),
            new Object[] {Torch.randn(1, 5, 4)},
            Map.of("x", List.of(Dim.AUTO, Dim.STATIC)));
    assertThat(ep.runDecompositions().toString()).isEqualTo(golden("linear_relu_core"));
  }

  @Test
  void aMutatedInputBecomesAUserInputMutationOutputAndAssertsAreKept() throws IOException {
    ExportedProgram ep =
        Export.export(
            new PassModels.Unbacked(), new Object[] {Torch.scalarTensor(4L), Torch.randn(1, 5)});
    ExportedProgram functional = ep.runDecompositions(DecompositionTable.empty());
    assertThat(functional.toString()).isEqualTo(golden("unbacked_functional"));
    assertThat(functional.graphSignature().outputs().get(0).kind())
        .isEqualTo(OutputKind.USER_INPUT_MUTATION);
    // the runtime asserts still check the data-dependent value, with the message of the new node
    Tensor y = Torch.randn(2, 5);
    assertThatThrownBy(() -> functional.module().call(Torch.scalarTensor(11L), y))
        .hasMessage("Runtime assertion failed for expression u0 <= 10 on node 'le'");
  }

  @Test
  void controlFlowBodiesAreDecomposedToo() throws IOException {
    ExportedProgram ep =
        Export.export(
            new PassModels.Branches(), new Object[] {Torch.randn(1, 3, 4), Torch.randn(2, 4, 2)});
    assertThat(ep.runDecompositions().printReadable()).isEqualTo(golden("branches_core"));
  }

  @Test
  void reshapesBecomeViewsOrCopiesThenViews() throws IOException {
    String printed =
        Export.export(new PassModels.ExpandReshape(), new Object[] {Torch.randn(1, 1, 4)})
                .runDecompositions()
                .printReadable()
            + Export.export(
                    new PassModels.AddFlatten(),
                    new Object[] {Torch.randn(1, 4), Torch.randn(1, 3, 4)},
                    Map.of("y", List.of(Dim.AUTO, Dim.STATIC)))
                .runDecompositions()
                .printReadable()
            + Export.export(
                    new PassModels.Linear3d(),
                    new Object[] {Torch.randn(1, 2, 3, 4)},
                    Map.of("x", List.of(Dim.AUTO, Dim.AUTO, Dim.STATIC)))
                .runDecompositions()
                .printReadable();
    assertThat(printed).isEqualTo(golden("views_core"));
  }

  @Test
  void matrixProductsBecomeMmExceptBatchedOnes() throws IOException {
    ExportedProgram ep =
        Export.export(
            new PassModels.Products(),
            new Object[] {
              Torch.randn(1, 3, 4), Torch.randn(1, 4, 2), Torch.randn(1, 2, 3, 4), Torch.randn(1, 4)
            });
    assertThat(ep.runDecompositions().printReadable()).isEqualTo(golden("products_core"));
  }

  @Test
  void theTrainingProgramIsLeftAsItWas() {
    ExportedProgram ep =
        Export.export(new PassModels.ConvBn(), new Object[] {Torch.randn(1, 2, 1, 3, 3)});
    String before = ep.graph().toString();
    ep.runDecompositions();
    assertThat(ep.graph().toString()).isEqualTo(before).contains("aten.add_.Tensor");
  }

  /** {@code v = x.view(9); v.add_(1)}: a mutation through a view. */
  static final class MutateView extends Module {
    public Tensor forward(@Name("x") Tensor x) {
      Tensor c = x.mul(1);
      return c.view(9).add_(1).mul(2);
    }
  }

  /** {@code v = x.view(9); x.add_(1); return v}: a view that sees a later mutation. */
  static final class ViewSeesMutation extends Module {
    public Tensor forward(@Name("x") Tensor x) {
      Tensor c = x.mul(1);
      Tensor v = c.view(9);
      c.add_(1);
      return v.mul(2);
    }
  }

  @Test
  void mutationsThroughViewsAreRefusedWithTheirReason() {
    ExportedProgram a = Export.export(new MutateView(), new Object[] {Torch.randn(1, 3, 3)});
    assertThatThrownBy(a::runDecompositions)
        .isInstanceOf(FunctionalizationException.class)
        .hasMessage(
            "cannot functionalize node 'add_' (aten::add_.Tensor): it mutates 'view', a view of"
                + " 'mul'; mutations through views are not supported");
    ExportedProgram b = Export.export(new ViewSeesMutation(), new Object[] {Torch.randn(1, 3, 3)});
    assertThatThrownBy(b::runDecompositions)
        .isInstanceOf(FunctionalizationException.class)
        .hasMessage(
            "cannot functionalize node 'add_' (aten::add_.Tensor): 'view' is a view of the mutated"
                + " 'mul' and is used after the mutation (by node 'mul_1'); views that see a"
                + " mutation are not supported");
  }

  /** Calls an in-place custom op. */
  static final class CustomInPlace extends Module {
    private final OpDef op;

    CustomInPlace(OpDef op) {
      this.op = op;
    }

    public Tensor forward(@Name("x") Tensor x) {
      Tensor c = x.mul(1);
      Dispatch.call(op, c);
      return c;
    }
  }

  @Test
  void anInPlaceOpWithoutFunctionalFormIsRefused() {
    OpDef op =
        CustomOp.define("mylib::scale_", "(Tensor(a!) x) -> Tensor(a!)")
            .kernel(args -> args.get(0))
            .fake(CustomOp.emptyLike(0))
            .register(OpRegistry.standard());
    assertThat(op.mutates()).isTrue();
    ExportedProgram ep = Export.export(new CustomInPlace(op), new Object[] {Torch.randn(1, 3)});
    assertThatThrownBy(ep::runDecompositions)
        .isInstanceOf(FunctionalizationException.class)
        .hasMessage(
            "mylib::scale_ mutates its input and has no functional form, so the program cannot be"
                + " functionalized; the in-place ops with functional forms are [aten::add_.Tensor,"
                + " aten::relu_, aten::copy_]");
  }

  /** Mutates its parameter. */
  static final class MutateParameter extends Module {
    final Tensor w =
        registerParameter(
            "w", TensorData.ones(new long[] {3}, dev.symshapes.export.tensor.DType.FLOAT32));

    public Tensor forward(@Name("x") Tensor x) {
      w.add_(1);
      return x.mul(w);
    }
  }

  @Test
  void aMutatedParameterIsRefused() {
    ExportedProgram ep = Export.export(new MutateParameter(), new Object[] {Torch.randn(1, 3)});
    assertThatThrownBy(ep::runDecompositions)
        .isInstanceOf(FunctionalizationException.class)
        .hasMessage(
            "the program mutates its parameter 'p_w', which cannot be an output of a functional"
                + " program");
  }

  @Test
  void tablesAreImmutableAndDerivedByCopy() {
    DecompositionTable core = Decompositions.defaultDecompositions();
    assertThat(core.ops())
        .containsExactly(
            "aten::conv2d",
            "aten::batch_norm",
            "aten::linear",
            "aten::matmul",
            "aten::flatten.using_ints",
            "aten::reshape");
    DecompositionTable without = core.without(AtenOps.LINEAR);
    assertThat(without.contains(AtenOps.LINEAR)).isFalse();
    assertThat(core.contains(AtenOps.LINEAR)).isTrue();
    assertThat(without.without(AtenOps.LINEAR)).isSameAs(without);
    Decomposition d = args -> args.get(0);
    DecompositionTable with = DecompositionTable.empty().with(AtenOps.RELU, d);
    assertThat(with.get(AtenOps.RELU)).containsSame(d);
    assertThat(DecompositionTable.empty().get(AtenOps.RELU)).isEmpty();
    assertThat(with.toString()).isEqualTo("DecompositionTable[aten::relu]");
  }

  @Test
  void opsSayWhetherTheyMutate() {
    assertThat(AtenOps.ADD_TENSOR.mutates()).isFalse();
    assertThat(AtenOps.ADD__TENSOR.mutates()).isTrue();
    assertThat(AtenOps.RELU_.mutates()).isTrue();
    assertThat(AtenOps.COPY_.mutates()).isTrue();
    assertThat(AtenOps.COPY.mutates()).isFalse();
    assertThat(AtenOps.BATCH_NORM.mutates()).isFalse();
  }
}
