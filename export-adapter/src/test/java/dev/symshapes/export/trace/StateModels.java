package dev.symshapes.export.trace;

import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.TensorData;
import java.util.List;

/** Models whose control-flow bodies use module state: it is lifted into the sub-graphs. */
public final class StateModels {
  private StateModels() {}

  /** {@code cond(x.sum() > 0, lin1, relu . lin2, [x])}. */
  public static final class CondLayers extends Module {
    final Linear lin1 = registerModule("lin1", new Linear(3, 3));
    final Linear lin2 = registerModule("lin2", new Linear(3, 3));

    public Tensor forward(@Name("x") Tensor x) {
      return ControlFlow.cond(
          x.sum().gt(0),
          o -> lin1.forward(o.get(0)),
          o -> lin2.forward(o.get(0)).relu(),
          List.of(x));
    }
  }

  /** Scales by a parameter until the sum reaches 100. */
  public static final class ScaleLoop extends Module {
    final Tensor scale =
        registerParameter("scale", TensorData.full(new long[] {3}, 1.5, DType.FLOAT32));

    public Object forward(@Name("x") Tensor x) {
      Tensor positive = x.mul(x).add(0.5);
      return ControlFlow.whileLoop(
          o -> o.get(0).sum().lt(100), o -> List.of(scale.mul(o.get(0))), List.of(positive));
    }
  }

  /** Adds a constant tensor of the model's code to every row. */
  public static final class MapConstant extends Module {
    public Tensor forward(@Name("xs") Tensor xs) {
      Tensor offsets = Torch.tensor(1.0, 2.0, 3.0);
      return ControlFlow.map(o -> o.get(0).add(offsets), xs);
    }
  }

  /** A running sum weighted by a buffer, inside a cond branch (state through two levels). */
  public static final class NestedState extends Module {
    final Tensor w = registerBuffer("w", TensorData.full(new long[] {3}, 0.5, DType.FLOAT32));

    public Object forward(@Name("init") Tensor init, @Name("xs") Tensor xs) {
      return ControlFlow.cond(
          xs.sum().gt(0),
          o ->
              ControlFlow.scan(
                  a -> {
                    Tensor c = a.get(0).add(a.get(1).mul(w));
                    return List.of(c, c.clone());
                  },
                  List.of(o.get(0)),
                  List.of(o.get(1))),
          o -> List.of(o.get(0).mul(2), o.get(1).mul(w)),
          List.of(init, xs));
    }
  }
}
