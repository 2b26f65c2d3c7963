package dev.symshapes.export.tutorial.models;

import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Torch;

/**
 * Case T10's model: {@link DynamicModel} behind an assertion, a check and a branch on the sizes,
 * each of which emits a guard while tracing. The branch taken is the one the example inputs take.
 */
public final class GuardedDynamicModel extends Module {
  private final Linear l = registerModule("l", new Linear(5, 3));

  /**
   * {@code assert w.shape[0] <= 512}, {@code torch._check(x.shape[0] >= 4)}, then {@link
   * DynamicModel}'s body when {@code w.shape[0] == x.shape[0] + 2}, else {@code w}.
   */
  public Object forward(Tensor w, Tensor x, Tensor y, Tensor z) {
    w.size(0).le(512).assertTrue();
    Torch.check(x.size(0).ge(4));
    if (w.size(0).eq(x.size(0).plus(2)).bool()) {
      Tensor x0 = x.add(y);
      Tensor x1 = l.forward(w);
      Tensor x2 = x0.flatten();
      Tensor x3 = x2.add(z);
      return new Object[] {x1, x3};
    }
    return w;
  }
}
