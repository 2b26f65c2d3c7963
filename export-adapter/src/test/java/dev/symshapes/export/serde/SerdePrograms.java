package dev.symshapes.export.serde;

import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.nn.BatchNorm2d;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.tutorial.TutorialCase;
import dev.symshapes.solver.ShapeEnv;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The programs the serde tests round-trip: the models of the export-flow tests ({@code
 * ExportFlowTest}, {@code Models}), written again here with the registry's ops, and the programs of
 * the registered tutorial cases.
 *
 * <p>The {@link TutorialCase} contract returns printed text, not programs, so the programs of each
 * tutorial case are listed here by case id ({@link #TUTORIAL}); {@code RoundTripTest} fails for a
 * registered case that has no entry, naming it, so a newly registered case cannot go untested.
 */
final class SerdePrograms {
  private SerdePrograms() {}

  /** A program to round-trip, made afresh by {@link #export()}, and inputs to run it on. */
  record Case(String name, Supplier<ExportedProgram> export, Supplier<Object[]> inputs) {
    ExportedProgram program() {
      return export.get();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The programs of the tutorial cases, by case id: fill in an entry for each case registered in
   * {@code TutorialCases} (the models live in {@code dev.symshapes.export.tutorial}).
   */
  static final Map<String, List<Case>> TUTORIAL = Map.of();

  static Tensor randn(long... shape) {
    return Tensor.of(
        CreationKernels.randn(shape, DType.FLOAT32, new Generator(Arrays.hashCode(shape))));
  }

  static Tensor scalar(long v) {
    return Tensor.of(TensorData.scalar(v));
  }

  /** The export-flow models. */
  static List<Case> flowCases() {
    return List.of(
        new Case(
            "T01 MyModule, static",
            () -> Export.export(new MyModule(), new Object[] {randn(8, 100), randn(8, 100)}),
            () -> new Object[] {randn(8, 100), randn(8, 100)}),
        new Case(
            "T07 DynamicModel, AUTO dims",
            () ->
                Export.export(
                    new DynamicModel(),
                    new Object[] {randn(6, 5), randn(4), randn(8, 4), randn(32)},
                    Map.of(
                        "w", List.of(Dim.AUTO, Dim.AUTO),
                        "x", List.of(Dim.AUTO),
                        "y", List.of(Dim.AUTO, Dim.AUTO),
                        "z", List.of(Dim.AUTO))),
            () -> new Object[] {randn(7, 5), randn(3), randn(5, 3), randn(15)}),
        new Case(
            "T10 checks and a branch",
            () ->
                Export.export(
                    new T10(),
                    new Object[] {randn(6, 5), randn(4), randn(8, 4), randn(32)},
                    Map.of(
                        "w", List.of(Dim.AUTO, Dim.AUTO),
                        "x", List.of(Dim.AUTO),
                        "y", List.of(Dim.AUTO, Dim.AUTO),
                        "z", List.of(Dim.AUTO))),
            () -> new Object[] {randn(7, 5), randn(5), randn(2, 5), randn(10)}),
        new Case(
            "bounded input",
            () ->
                Export.export(
                    new Bounded(), new Object[] {randn(6)}, Map.of("w", List.of(Dim.AUTO))),
            () -> new Object[] {randn(9)}),
        new Case(
            "derived size",
            () ->
                Export.export(
                    new Derived(),
                    new Object[] {randn(8), randn(4)},
                    Map.of("y", List.of(Dim.AUTO), "x", List.of(Dim.AUTO))),
            () -> new Object[] {randn(10), randn(5)}),
        new Case(
            "branch guard",
            () ->
                Export.export(
                    new Branch(),
                    new Object[] {randn(3), randn(4)},
                    Map.of("x", List.of(Dim.AUTO), "y", List.of(Dim.AUTO))),
            () -> new Object[] {randn(5), randn(6)}),
        new Case(
            "T14 int and bool inputs",
            () -> {
              Map<String, Object> spec = new HashMap<>();
              spec.put("a", Arrays.asList(Dim.AUTO, null));
              return Export.export(
                  new Mixed(), new Object[] {randn(4, 4), randn(3, 3), 16, false}, spec);
            },
            () -> new Object[] {randn(5, 4), randn(3, 3), 16L, false}),
        new Case(
            "dynamic int input",
            () -> Export.export(new IntInput(), new Object[] {randn(3), 5}, Map.of("n", Dim.AUTO)),
            () -> new Object[] {randn(3), 7L}),
        new Case(
            "list input",
            () ->
                Export.export(
                    new ListInput(),
                    new Object[] {List.of(randn(3), randn(3)), randn(3)},
                    Map.of(
                        "xs",
                        List.of(List.of(Dim.AUTO), List.of(Dim.AUTO)),
                        "y",
                        List.of(Dim.AUTO))),
            () -> new Object[] {List.of(randn(4), randn(4)), randn(4)}),
        new Case(
            "T17 checked item",
            () ->
                Export.export(
                    new CheckedItem(),
                    new Object[] {scalar(32), randn(4)},
                    Map.of(),
                    ShapeEnv.builder(),
                    ExportMode.STRICT),
            () -> new Object[] {scalar(20), randn(4)}),
        new Case(
            "T21 size-like unbacked",
            () ->
                Export.export(
                    new T21(),
                    new Object[] {
                      scalar(4), Tensor.of(TensorData.ones(new long[] {1, 60}, DType.FLOAT32))
                    }),
            () ->
                new Object[] {
                  scalar(3), Tensor.of(TensorData.ones(new long[] {1, 60}, DType.FLOAT32))
                }),
        new Case(
            "lifted constant",
            () -> Export.export(new WithConstant(), new Object[] {randn(2, 3)}),
            () -> new Object[] {randn(2, 3)}),
        new Case(
            "nested outputs",
            () -> Export.export(new Nested(), new Object[] {randn(2)}),
            () -> new Object[] {randn(2)}),
        new Case(
            "no outputs",
            () -> Export.export(new NoOutput(), new Object[] {randn(2)}),
            () -> new Object[] {randn(2)}),
        new Case(
            "null, float and string inputs",
            () -> Export.export(new Scalars(), new Object[] {randn(2), null, 0.5, "add"}),
            () -> new Object[] {randn(2), null, 0.5, "add"}),
        new Case(
            "batch norm buffers",
            () -> Export.export(new Norm().eval(), new Object[] {randn(2, 3, 4, 4)}),
            () -> new Object[] {randn(2, 3, 4, 4)}),
        new Case(
            "symbolic outputs",
            () -> Export.export(new SymOut(), new Object[] {randn(6, 2), scalar(5)}),
            () -> new Object[] {randn(6, 2), scalar(7)}));
  }

  /** T01's {@code MyModule}. */
  public static final class MyModule extends Module {
    final Linear lin = registerModule("lin", new Linear(100, 10));

    public Tensor forward(Tensor x, Tensor y) {
      return lin.forward(x.add(y)).relu_();
    }
  }

  /** T06-T10's {@code DynamicModel}. */
  public static final class DynamicModel extends Module {
    final Linear l = registerModule("l", new Linear(5, 3));

    public Object forward(Tensor w, Tensor x, Tensor y, Tensor z) {
      return new Object[] {l.forward(w), x.add(y).flatten().add(z)};
    }
  }

  /** T10: a bound, a check and a branch. */
  public static final class T10 extends Module {
    final Linear l = registerModule("l", new Linear(5, 3));

    public Object forward(Tensor w, Tensor x, Tensor y, Tensor z) {
      w.size(0).le(512).check();
      x.size(0).ge(4).check();
      if (w.size(0).eq(x.size(0).plus(2)).bool()) {
        return new Object[] {l.forward(w), x.add(y).flatten().add(z)};
      }
      return w;
    }
  }

  /** {@code 4 <= w.size(0) <= 512}. */
  public static final class Bounded extends Module {
    public Tensor forward(Tensor w) {
      w.size(0).le(512).check();
      w.size(0).ge(4).check();
      return w.add(1);
    }
  }

  /** {@code y.size(0) == 2 * x.size(0)}. */
  public static final class Derived extends Module {
    public Tensor forward(Tensor y, Tensor x) {
      y.size(0).eq(x.size(0).times(2)).check();
      return x.add(1);
    }
  }

  /** Branches on {@code x.size(0) != y.size(0)}. */
  public static final class Branch extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      if (x.size(0).ne(y.size(0)).bool()) {
        return x.add(1);
      }
      return y.add(1);
    }
  }

  /** Two tensors, an int and a bool. */
  public static final class Mixed extends Module {
    public Tensor forward(Tensor a, Tensor b, int n, boolean flag) {
      return flag ? a.add(n) : b.add(n);
    }
  }

  /** A dynamic integer input. */
  public static final class IntInput extends Module {
    public Tensor forward(Tensor x, SymInt n) {
      return x.add(n);
    }
  }

  /** A list input. */
  public static final class ListInput extends Module {
    public Tensor forward(List<Tensor> xs, Tensor y) {
      return xs.get(0).add(xs.get(1)).add(y);
    }
  }

  /** T17: {@code item} checked to lie in [10, 60]. */
  public static final class CheckedItem extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      a.ge(10).check();
      a.le(60).check();
      return y.add(2);
    }
  }

  /** T21: an unbacked size through {@code repeat}. */
  public static final class T21 extends Module {
    public Tensor forward(Tensor x, Tensor y) {
      SymInt a = x.item();
      return y.repeat(a, 1L).add(a);
    }
  }

  /** A tensor that is neither a parameter nor a buffer. */
  public static final class WithConstant extends Module {
    final Tensor bias = Tensor.of(TensorData.full(new long[] {3}, 2.0, DType.FLOAT32));
    final Linear lin = registerModule("lin", new Linear(3, 3));

    public Tensor forward(Tensor x) {
      return lin.forward(x).add(bias);
    }
  }

  /** A tuple holding a list. */
  public static final class Nested extends Module {
    public Object forward(Tensor x) {
      return new Object[] {x.add(1), List.of(x.add(2), x.add(3))};
    }
  }

  /** Returns nothing. */
  public static final class NoOutput extends Module {
    public Object forward(Tensor x) {
      return null;
    }
  }

  /** Inputs that are not tensors. */
  public static final class Scalars extends Module {
    public Tensor forward(Tensor x, Object nothing, double scale, String mode) {
      return mode.equals("add") ? x.add(scale) : x.mul(scale);
    }
  }

  /** Batch norm in eval mode: buffers. */
  public static final class Norm extends Module {
    final BatchNorm2d bn = registerModule("bn", new BatchNorm2d(3));

    public Tensor forward(Tensor x) {
      return bn.forward(x);
    }
  }

  /** Returns a data-dependent integer, a comparison of it, and a constant. */
  public static final class SymOut extends Module {
    public Object forward(Tensor x, Tensor n) {
      SymInt a = n.item();
      return new Object[] {x.add(1), a, a.plus(1), 3};
    }
  }
}
