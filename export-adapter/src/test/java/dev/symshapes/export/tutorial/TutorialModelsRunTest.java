package dev.symshapes.export.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.tutorial.models.Bad3;
import dev.symshapes.export.tutorial.models.DynamicModel;
import dev.symshapes.export.tutorial.models.GuardedDynamicModel;
import dev.symshapes.export.tutorial.models.M;
import dev.symshapes.export.tutorial.models.MyModule;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tutorial model, exported statically and with dynamic dimensions: {@code ep.module()} gives
 * what the model gives (same structure, shapes, dtypes and numbers) on random inputs of several
 * shapes that the program accepts.
 */
class TutorialModelsRunTest {
  private static final Map<String, Object> DYNAMIC_MODEL_AUTO =
      Map.of(
          "w", List.of(Dim.AUTO, Dim.AUTO),
          "x", List.of(Dim.AUTO),
          "y", List.of(Dim.AUTO, Dim.AUTO),
          "z", List.of(Dim.AUTO));

  /** Shapes of one call: one {@code long[]} per input. */
  private record Call(long[]... shapes) {
    Object[] draw(Generator g) {
      Object[] in = new Object[shapes.length];
      for (int i = 0; i < shapes.length; i++) {
        in[i] = Tensor.of(CreationKernels.randn(shapes[i], DType.FLOAT32, g));
      }
      return in;
    }
  }

  private static long[] s(long... shape) {
    return shape;
  }

  /**
   * DynamicModel's inputs for {@code w: [a, 5]}, {@code x: [b]}, {@code y: [c, b]}, {@code z:
   * [b*c]}.
   */
  private static Call dynamic(long a, long b, long c) {
    return new Call(s(a, 5), s(b), s(c, b), s(b * c));
  }

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of(
            "T01 MyModule, static",
            (Supplier<Module>) MyModule::new,
            new Call(s(8, 100), s(8, 100)),
            Map.of(),
            List.of(new Call(s(8, 100), s(8, 100)), new Call(s(8, 100), s(8, 100)))),
        Arguments.of(
            "T01 MyModule, dynamic batch",
            (Supplier<Module>) MyModule::new,
            new Call(s(8, 100), s(8, 100)),
            Map.of("x", List.of(Dim.AUTO, Dim.STATIC), "y", List.of(Dim.AUTO, Dim.STATIC)),
            List.of(
                new Call(s(2, 100), s(2, 100)),
                new Call(s(3, 100), s(3, 100)),
                new Call(s(17, 100), s(17, 100)))),
        Arguments.of(
            "T06 DynamicModel, static",
            (Supplier<Module>) DynamicModel::new,
            dynamic(6, 4, 8),
            Map.of(),
            List.of(dynamic(6, 4, 8), dynamic(6, 4, 8))),
        Arguments.of(
            "T07 DynamicModel, Dim.AUTO",
            (Supplier<Module>) DynamicModel::new,
            dynamic(6, 4, 8),
            DYNAMIC_MODEL_AUTO,
            List.of(dynamic(6, 4, 8), dynamic(2, 2, 2), dynamic(7, 3, 5), dynamic(11, 9, 2))),
        Arguments.of(
            "T10 GuardedDynamicModel, Dim.AUTO",
            (Supplier<Module>) GuardedDynamicModel::new,
            dynamic(6, 4, 8),
            DYNAMIC_MODEL_AUTO,
            List.of(dynamic(6, 4, 2), dynamic(12, 10, 3), dynamic(512, 510, 2))),
        Arguments.of(
            "T11 Linear(4, 3), batch 1 specialized",
            (Supplier<Module>) () -> new Linear(4, 3),
            new Call(s(1, 4)),
            Map.of("input", List.of(Dim.AUTO, Dim.STATIC)),
            List.of(new Call(s(1, 4)), new Call(s(1, 4)))),
        Arguments.of(
            "T11 Linear(4, 3), dynamic batch",
            (Supplier<Module>) () -> new Linear(4, 3),
            new Call(s(4, 4)),
            Map.of("input", List.of(Dim.AUTO, Dim.STATIC)),
            List.of(new Call(s(2, 4)), new Call(s(5, 4)), new Call(s(64, 4)))),
        Arguments.of(
            "T25 M, static",
            (Supplier<Module>) M::new,
            new Call(s(2, 3)),
            Map.of(),
            List.of(new Call(s(2, 3)), new Call(s(2, 3)))),
        Arguments.of(
            "T25 M, dynamic batch",
            (Supplier<Module>) M::new,
            new Call(s(2, 3)),
            Map.of("x", List.of(Dim.AUTO, Dim.AUTO)),
            List.of(new Call(s(3, 3)), new Call(s(100, 3)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void theModuleComputesWhatTheModelComputes(
      String name, Supplier<Module> model, Call example, Map<String, ?> spec, List<Call> calls) {
    Generator g = new Generator(name.hashCode());
    Module m = model.get();
    ExportedModule exported = Export.export(m, example.draw(g), spec).module();
    for (Call c : calls) {
      Object[] in = c.draw(g);
      assertSame(m.call(in), exported.call(in));
    }
  }

  private static void assertSame(Object expected, Object actual) {
    if (expected instanceof Object[] e) {
      assertThat(actual).isInstanceOf(Object[].class);
      Object[] a = (Object[]) actual;
      assertThat(a).hasSameSizeAs(e);
      for (int i = 0; i < e.length; i++) {
        assertSame(e[i], a[i]);
      }
      return;
    }
    assertThat(expected).isInstanceOf(Tensor.class);
    assertThat(actual).isInstanceOf(Tensor.class);
    TensorData e = ((Tensor) expected).data();
    TensorData a = ((Tensor) actual).data();
    assertThat(a.shape()).isEqualTo(e.shape());
    assertThat(a.dtype()).isEqualTo(e.dtype());
    assertThat(a.allClose(e)).as("%s vs %s", a, e).isTrue();
  }

  /**
   * T03's {@link Bad3} is the exception by design: the program adds the host value it saw while
   * tracing, while the model computes a new one on every call.
   */
  @Test
  void bad3AddsTheValueItSawWhileTracing() {
    Generator g = new Generator(3);
    ExportedProgram ep =
        Export.export(
            new Bad3(), new Object[] {Tensor.of(CreationKernels.randn(s(3, 3), DType.FLOAT32, g))});
    Node add1 =
        ep.graph().nodes().stream().filter(n -> n.name().equals("add_1")).findFirst().orElseThrow();
    long h = (Long) add1.args().get(1);
    for (int i = 0; i < 3; i++) {
      Tensor x = Tensor.of(CreationKernels.randn(s(3, 3), DType.FLOAT32, g));
      Tensor out = (Tensor) ep.module().call(x);
      assertThat(out.data().allClose(x.add(1).add(h).data())).isTrue();
    }
  }
}
