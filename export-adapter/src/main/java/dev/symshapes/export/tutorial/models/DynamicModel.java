package dev.symshapes.export.tutorial.models;

import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;

/**
 * The tutorial's {@code DynamicModel} (cases T06 to T09): a linear layer on {@code w}, and {@code x
 * + y} flattened and added to {@code z}. Its example inputs are {@code w: [6, 5]}, {@code x: [4]},
 * {@code y: [8, 4]} and {@code z: [32]}; exported with {@code Dim.AUTO} everywhere, its guards make
 * {@code y.shape[1] == x.shape[0]}, {@code w.shape[1] == 5} and {@code z.shape[0] == x.shape[0] *
 * y.shape[0]}.
 */
public final class DynamicModel extends Module {
  private final Linear l = registerModule("l", new Linear(5, 3));

  /** Returns {@code (l(w), flatten(x + y) + z)}. */
  public Object forward(Tensor w, Tensor x, Tensor y, Tensor z) {
    Tensor x0 = x.add(y);
    Tensor x1 = l.forward(w);
    Tensor x2 = x0.flatten();
    Tensor x3 = x2.add(z);
    return new Object[] {x1, x3};
  }
}
