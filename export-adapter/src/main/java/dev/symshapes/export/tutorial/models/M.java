package dev.symshapes.export.tutorial.models;

import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;

/** Case T25's model {@code M}: one {@code Linear(3, 3)} layer named {@code linear}. */
public final class M extends Module {
  private final Linear linear = registerModule("linear", new Linear(3, 3));

  /** {@code self.linear(x)}. */
  public Tensor forward(Tensor x) {
    return linear.forward(x);
  }
}
