package dev.symshapes.export.trace;

import java.util.function.BiFunction;
import java.util.function.Function;

/** Small models made of lambdas, for control-flow tests. */
final class Fn {
  private Fn() {}

  /** {@code forward(x) = f(x)}. */
  static final class One extends Module {
    private final Function<Tensor, Object> f;

    One(Function<Tensor, Object> f) {
      this.f = f;
    }

    public Object forward(@Name("x") Tensor x) {
      return f.apply(x);
    }
  }

  /** {@code forward(x, y) = f(x, y)}. */
  static final class Two extends Module {
    private final BiFunction<Tensor, Tensor, Object> f;

    Two(BiFunction<Tensor, Tensor, Object> f) {
      this.f = f;
    }

    public Object forward(@Name("x") Tensor x, @Name("y") Tensor y) {
      return f.apply(x, y);
    }
  }
}
