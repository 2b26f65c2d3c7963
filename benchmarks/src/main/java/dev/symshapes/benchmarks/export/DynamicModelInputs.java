package dev.symshapes.benchmarks.export;

import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.trace.Tensor;
import java.util.List;
import java.util.Map;

/** The tutorial's inputs and spec for {@code DynamicModel} (cases T06 and T07). */
final class DynamicModelInputs {
  /** T07's spec: {@code Dim.AUTO} for every dimension. */
  static final Map<String, Object> ALL_AUTO =
      Map.of(
          "w", List.of(Dim.AUTO, Dim.AUTO),
          "x", List.of(Dim.AUTO),
          "y", List.of(Dim.AUTO, Dim.AUTO),
          "z", List.of(Dim.AUTO));

  private DynamicModelInputs() {}

  /** Inputs {@code w: [a, 5]}, {@code x: [b]}, {@code y: [c, b]}, {@code z: [b*c]}. */
  static Object[] inputs(long seed, long a, long b, long c) {
    Generator g = new Generator(seed);
    return new Object[] {
      randn(g, a, 5), randn(g, b), randn(g, c, b), randn(g, b * c),
    };
  }

  /**
   * The tutorial's example inputs: {@code w: [6, 5]}, {@code x: [4]}, {@code y: [8, 4]}, {@code z:
   * [32]}.
   */
  static Object[] example() {
    return inputs(1, 6, 4, 8);
  }

  private static Tensor randn(Generator g, long... shape) {
    return Tensor.of(CreationKernels.randn(shape, DType.FLOAT32, g));
  }
}
