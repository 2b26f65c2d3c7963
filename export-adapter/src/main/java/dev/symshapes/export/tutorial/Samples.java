package dev.symshapes.export.tutorial;

import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Tensor;

/**
 * Example inputs of a tutorial case: {@code randn} draws from one seeded generator, so that a case
 * prints the same numbers on every run (not PyTorch's numbers, which come from its own generator).
 * Mutable; one per run of a case.
 */
final class Samples {
  private final Generator generator;

  /** Inputs drawn from a generator seeded with {@code seed}. */
  Samples(long seed) {
    this.generator = new Generator(seed);
  }

  /** {@code torch.randn(shape)}: float32 samples of the standard normal distribution. */
  Tensor randn(long... shape) {
    return Tensor.of(CreationKernels.randn(shape, DType.FLOAT32, generator));
  }

  /** {@code torch.ones(shape)}: float32 ones. */
  static Tensor ones(long... shape) {
    return Tensor.of(TensorData.ones(shape, DType.FLOAT32));
  }
}
