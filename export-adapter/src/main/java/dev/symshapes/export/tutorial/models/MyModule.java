package dev.symshapes.export.tutorial.models;

import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;

/**
 * The tutorial's first model (case T01): {@code relu_(lin(x + y))} with {@code lin = Linear(100,
 * 10)}.
 *
 * <pre>{@code
 * ExportedProgram ep = Export.export(new MyModule(), new Object[] {x, y}); // x, y: [8, 100]
 * }</pre>
 */
public final class MyModule extends Module {
  private final Linear lin = registerModule("lin", new Linear(100, 10));

  /** {@code torch.nn.functional.relu(self.lin(x + y), inplace=True)}. */
  public Tensor forward(Tensor x, Tensor y) {
    return lin.forward(x.add(y)).relu_();
  }
}
