package dev.symshapes.export.passes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tensor.CopyKernels;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.StateModels;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Decomposed programs compute what the original program computes: for random inputs (random values,
 * and random sizes where the program is dynamic), the functionalized program ({@code
 * DecompositionTable.empty()}) and the core program ({@link Decompositions#defaultDecompositions})
 * return the same outputs, leave the same values in mutated inputs and update the buffers alike.
 * The run count comes from {@code symshapes.props.runs} (default 300); each run checks one model,
 * chosen by the seed.
 */
class DecompositionProperties {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);

  private record Case(
      String name,
      Supplier<Module> model,
      Map<String, ?> spec,
      Function<SplittableRandom, Object[]> inputs) {}

  private static Tensor randn(SplittableRandom r, long... sizes) {
    return Torch.randn(r.nextLong(), sizes);
  }

  private static long size(SplittableRandom r) {
    return 2L + r.nextInt(5);
  }

  private static final List<Case> CASES =
      List.of(
          new Case(
              "linear and relu_",
              PassModels.LinearRelu::new,
              Map.of("x", List.of(Dim.AUTO, Dim.STATIC)),
              r -> new Object[] {randn(r, size(r), 4)}),
          new Case(
              "linear on a 3-D input",
              PassModels.Linear3d::new,
              Map.of("x", List.of(Dim.AUTO, Dim.AUTO, Dim.STATIC)),
              r -> new Object[] {randn(r, size(r), size(r), 4)}),
          new Case(
              "flatten with symbolic sizes",
              PassModels.AddFlatten::new,
              Map.of("y", List.of(Dim.AUTO, Dim.STATIC)),
              r -> new Object[] {randn(r, 4), randn(r, size(r), 4)}),
          new Case(
              "matrix products",
              PassModels.Products::new,
              Map.of(),
              r -> new Object[] {randn(r, 3, 4), randn(r, 4, 2), randn(r, 2, 3, 4), randn(r, 4)}),
          new Case(
              "reshape of an expanded tensor",
              PassModels.ExpandReshape::new,
              Map.of(),
              r -> new Object[] {randn(r, 1, 4)}),
          new Case(
              "in-place op on a user input",
              PassModels.InPlaceInput::new,
              Map.of("x", List.of(Dim.AUTO, Dim.STATIC)),
              r -> new Object[] {randn(r, size(r), 3)}),
          new Case(
              "copy_ into a buffer",
              PassModels.BufferCopy::new,
              Map.of("x", List.of(Dim.AUTO, Dim.STATIC)),
              r -> new Object[] {randn(r, size(r), 3)}),
          new Case(
              "unbatched convolution",
              PassModels.ConvUnbatched::new,
              Map.of(),
              r -> new Object[] {randn(r, 2, 5, 5)}),
          new Case(
              "batch norm in training mode",
              PassModels.ConvBn::new,
              Map.of(),
              r -> new Object[] {randn(r, 2, 1, 3, 3)}),
          new Case(
              "batch norm in evaluation mode",
              () -> new PassModels.ConvBn().eval(),
              Map.of(),
              r -> new Object[] {randn(r, 2, 1, 3, 3)}),
          new Case(
              "cond and map bodies",
              PassModels.Branches::new,
              Map.of(),
              r -> new Object[] {randn(r, 3, 4), randn(r, 4, 2)}),
          new Case(
              "module state in cond branches",
              StateModels.CondLayers::new,
              Map.of(),
              r -> new Object[] {randn(r, 2, 3)}),
          new Case(
              "module state in a while_loop",
              StateModels.ScaleLoop::new,
              Map.of(),
              r -> new Object[] {randn(r, 3)}),
          new Case(
              "a constant tensor in a map body",
              StateModels.MapConstant::new,
              Map.of(),
              r -> new Object[] {randn(r, 4, 3)}),
          new Case(
              "a buffer in a scan inside a cond branch",
              StateModels.NestedState::new,
              Map.of(),
              r -> new Object[] {randn(r, 3), randn(r, 5, 3)}),
          new Case(
              "data-dependent value with checks",
              PassModels.Unbacked::new,
              Map.of(),
              r -> new Object[] {Torch.scalarTensor(2L + r.nextInt(9)), randn(r, 5)}));

  /** Per case: the original program and its two lowered forms, exported once. */
  private static final List<List<ExportedProgram>> PROGRAMS = programs();

  private static List<List<ExportedProgram>> programs() {
    List<List<ExportedProgram>> out = new ArrayList<>();
    for (Case c : CASES) {
      Object[] example = c.inputs().apply(new SplittableRandom(c.name().hashCode()));
      ExportedProgram ep = Export.export(c.model().get(), example, c.spec());
      out.add(
          List.of(
              ep,
              ep.runDecompositions(DecompositionTable.empty()),
              ep.runDecompositions(Decompositions.defaultDecompositions())));
    }
    return out;
  }

  @Test
  void decomposedProgramsComputeWhatTheOriginalComputes() {
    qt().withExamples(RUNS)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              int k = r.nextInt(CASES.size());
              Case c = CASES.get(k);
              List<ExportedProgram> eps = PROGRAMS.get(k);
              Object[] inputs = c.inputs().apply(r);
              Object[] originalInputs = copies(inputs);
              ExportedModule original = eps.get(0).module();
              Object expected = original.call(originalInputs);
              for (ExportedProgram lowered : eps.subList(1, 3)) {
                Object[] in = copies(inputs);
                ExportedModule m = lowered.module();
                Object actual = m.call(in);
                assertSameValues(c.name() + " outputs", expected, actual);
                assertSameValues(c.name() + " mutated inputs", originalInputs, in);
                for (Map.Entry<String, TensorData> s : original.stateDict().entrySet()) {
                  assertThat(m.stateDict().get(s.getKey()).allClose(s.getValue()))
                      .as("%s: buffer %s", c.name(), s.getKey())
                      .isTrue();
                }
              }
            });
  }

  private static Object[] copies(Object[] inputs) {
    Object[] out = new Object[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      out[i] = Tensor.of(CopyKernels.clone(((Tensor) inputs[i]).data()));
    }
    return out;
  }

  private static void assertSameValues(String what, Object expected, Object actual) {
    if (expected instanceof Tensor e) {
      TensorData a = ((Tensor) actual).data();
      assertThat(a.shape()).as(what).isEqualTo(e.data().shape());
      assertThat(a.dtype()).as(what).isEqualTo(e.data().dtype());
      assertThat(a.allClose(e.data())).as("%s: %s vs %s", what, a, e.data()).isTrue();
      return;
    }
    Object[] es = expected instanceof List<?> l ? l.toArray() : (Object[]) expected;
    Object[] as = actual instanceof List<?> l ? l.toArray() : (Object[]) actual;
    assertThat(as).as(what).hasSameSizeAs(es);
    for (int i = 0; i < es.length; i++) {
      assertSameValues(what + "[" + i + "]", es[i], as[i]);
    }
  }
}
