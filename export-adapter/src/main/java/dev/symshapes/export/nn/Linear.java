package dev.symshapes.export.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Dispatch;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;

/**
 * {@code nn.Linear(in, out)}: {@code y = x @ weight.T + bias}, with {@code weight} of shape {@code
 * [out, in]} and {@code bias} of shape {@code [out]}, initialized uniformly in {@code [-1/sqrt(in),
 * 1/sqrt(in)]} from a generator seeded by the sizes (deterministic; not PyTorch's numbers).
 */
public final class Linear extends Module {
  private final Tensor weight;
  private final Tensor bias;

  /** A layer from {@code in} to {@code out} features, with a bias. */
  public Linear(long in, long out) {
    checkArgument(in > 0 && out > 0, "Linear(%s, %s): sizes must be positive", in, out);
    Generator g = new Generator(31 * in + out);
    double bound = 1.0 / Math.sqrt((double) in);
    this.weight = registerParameter("weight", uniform(g, new long[] {out, in}, bound));
    this.bias = registerParameter("bias", uniform(g, new long[] {out}, bound));
  }

  static TensorData uniform(Generator g, long[] shape, double bound) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    double[] v = new double[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (g.nextUniform() * 2 - 1) * bound;
    }
    return TensorData.fromValues(shape, DType.FLOAT32, v);
  }

  /**
   * {@code input @ weight.T + bias} ({@code aten.linear}). The parameter is named {@code input}, as
   * in PyTorch: an exported {@code Linear}'s input is {@code input} in specs and programs.
   */
  public Tensor forward(Tensor input) {
    return (Tensor) Dispatch.call(AtenOps.LINEAR, input, weight, bias);
  }
}
