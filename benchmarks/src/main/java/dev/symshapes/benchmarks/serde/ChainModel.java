package dev.symshapes.benchmarks.serde;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The program the serialization benchmarks save and load: a matrix product with a 64 x 64 parameter
 * followed by a chain of elementwise ops on inputs with two dynamic dimensions, 1,000 nodes in all.
 */
public final class ChainModel extends Module {
  /** Nodes of the exported graph, placeholders and output included. */
  public static final int NODES = 1000;

  /** Elementwise ops: the rest are 3 placeholders, the matrix product and the output. */
  private static final int OPS = NODES - 5;

  final Tensor weight =
      registerParameter(
          "weight", CreationKernels.randn(new long[] {64, 64}, DType.FLOAT32, new Generator(1)));

  /** The model's forward. */
  public Tensor forward(Tensor x, Tensor y) {
    Tensor t = x.matmul(weight);
    for (int i = 0; i < OPS; i++) {
      t = (i % 3 == 0) ? t.add(y) : (i % 3 == 1) ? t.mul(2) : t.sub(1);
    }
    return t;
  }

  /** The exported program, with {@code x: [s0, s1, 64]} and {@code y: [s0, s1, 64]}. */
  public static ExportedProgram export() {
    Generator g = new Generator(42);
    Tensor x = Tensor.of(CreationKernels.randn(new long[] {4, 8, 64}, DType.FLOAT32, g));
    Tensor y = Tensor.of(CreationKernels.randn(new long[] {4, 8, 64}, DType.FLOAT32, g));
    ExportedProgram ep =
        Export.export(
            new ChainModel(),
            new Object[] {x, y},
            Map.of(
                "x", List.of(Dim.AUTO, Dim.AUTO, Dim.STATIC),
                "y", List.of(Dim.AUTO, Dim.AUTO, Dim.STATIC)));
    int n = ep.graph().nodes().size();
    if (n != NODES) {
      throw new IllegalStateException("the chain has " + n + " nodes, not " + NODES);
    }
    return ep;
  }
}
