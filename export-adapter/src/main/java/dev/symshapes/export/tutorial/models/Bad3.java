package dev.symshapes.export.tutorial.models;

import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;

/**
 * Case T03: {@code (x + 1) + h}, where {@code h} is computed on the host from the identity of the
 * tensor object ({@link System#identityHashCode}, as the tutorial uses Python's {@code id(x)}).
 * Export records the value {@code h} had while tracing as a constant of the graph: the exported
 * program adds that constant, whatever the identity of the tensors it is later called with.
 */
public final class Bad3 extends Module {
  /** {@code x = x + 1; return x + id(x)}. */
  public Tensor forward(Tensor x) {
    Tensor x1 = x.add(1);
    int h = System.identityHashCode(x1);
    return x1.add(h);
  }
}
