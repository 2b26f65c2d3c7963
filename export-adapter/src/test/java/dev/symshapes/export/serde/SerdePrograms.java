package dev.symshapes.export.serde;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.nn.BatchNorm2d;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.ops.OpRegistry;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.tutorial.TutorialCase;
import dev.symshapes.export.tutorial.TutorialCases;
import dev.symshapes.export.tutorial.TutorialRun;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.event.LogSwitch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The programs the serde tests round-trip: those every registered tutorial case records when it
 * runs ({@link #tutorialCases()}, from {@link TutorialCases#all()}), and models of the export-flow
 * tests that no tutorial case covers ({@link #flowCases()}): bounds, derived sizes, int, list,
 * null, float and string inputs, lifted constants, nested and empty outputs, buffers, symbolic
 * outputs.
 */
final class SerdePrograms {
  private SerdePrograms() {}

  /**
   * The tutorial cases whose point is an error, so that they export no program, each with why. A
   * case outside this map must record a program and one inside it must not ({@code
   * RoundTripTest.tutorialCasesRecordProgramsUnlessTheyAreAboutAnError}), so the map cannot rot.
   */
  static final ImmutableMap<String, String> NO_PROGRAM =
      ImmutableMap.of(
          "T02", "data-dependent Java branch: export fails with a ControlFlowException",
          "T08", "Dim.DYNAMIC that specializes: export fails with a constraint violation",
          "T09", "STATIC and DYNAMIC in conflict: export fails with a constraint violation",
          "T16", "guard on an unbacked value: export fails with a data-dependent error",
          "T18", "index by an unbacked value without checks: export fails (data-dependent)",
          "T20", "specializing an unbacked integer: export fails with a data-dependent error");

  /** A program to round-trip, made by {@link #program()}, and inputs to run it on. */
  record Case(String name, Supplier<ExportedProgram> export, Supplier<Object[]> inputs) {
    ExportedProgram program() {
      return export.get();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Runs every registered case once, in id order (memoized: the runs take a while). */
  private static final Supplier<ImmutableMap<String, ImmutableList<TutorialRun.Recorded>>>
      RECORDED =
          Suppliers.memoize(
              () -> {
                ImmutableMap.Builder<String, ImmutableList<TutorialRun.Recorded>> b =
                    ImmutableMap.builder();
                for (TutorialCase c : TutorialCases.all()) {
                  TutorialRun run =
                      new TutorialRun(c.id(), () -> ShapeEnv.builder().logSwitch(LogSwitch.OFF));
                  c.run(run);
                  b.put(c.id(), run.programs());
                }
                return b.buildOrThrow();
              });

  /** The programs each registered tutorial case recorded, by case id, in id order. */
  static ImmutableMap<String, ImmutableList<TutorialRun.Recorded>> recorded() {
    return RECORDED.get();
  }

  /** Every program of every registered tutorial case, named {@code T12-2}. */
  static List<Case> tutorialCases() {
    List<Case> all = new ArrayList<>();
    recorded().values().forEach(rs -> rs.forEach(r -> all.add(of(r))));
    return all;
  }

  /** The tutorial program named {@code name} ({@code "T07-1"}). */
  static Case tutorial(String name) {
    return tutorialCases().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no tutorial program " + name));
  }

  /** The tutorial programs, then the flow models. */
  static List<Case> all() {
    List<Case> all = new ArrayList<>(tutorialCases());
    all.addAll(flowCases());
    return all;
  }

  private static Case of(TutorialRun.Recorded r) {
    return new Case(r.name(), r::program, r.inputs());
  }

  /**
   * Options that load {@code ep}: the standard registry plus the custom ops its graphs call (T22's
   * {@code my_custom_library::custom_op}), as a user loading a program registers its op library
   * first.
   */
  static LoadOptions loadOptions(ExportedProgram ep) {
    OpRegistry registry = OpRegistry.standard();
    addCustomOps(ep.graphModule(), registry);
    return LoadOptions.defaults().withRegistry(registry);
  }

  private static void addCustomOps(GraphModule m, OpRegistry registry) {
    for (Node n : m.graph().nodes()) {
      if (n.target() instanceof Target.Op op && !registry.contains(op.op().qualifiedName())) {
        registry.register(op.op());
      }
    }
    m.submodules().values().forEach(sub -> addCustomOps(sub, registry));
  }

  static Tensor randn(long... shape) {
    return Tensor.of(
        CreationKernels.randn(shape, DType.FLOAT32, new Generator(Arrays.hashCode(shape))));
  }

  static Tensor scalar(long v) {
    return Tensor.of(TensorData.scalar(v));
  }

  /** The export-flow model named {@code name} ({@code "branch guard"}). */
  static Case flow(String name) {
    return flowCases().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no flow program " + name));
  }

  /** The export-flow models that no tutorial case covers. */
  static List<Case> flowCases() {
    return List.of(
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
            () -> new Object[] {randn(6, 2), scalar(7)}),
        new Case(
            "size expression outputs",
            () ->
                Export.export(
                    new SizeOut(),
                    new Object[] {randn(4, 3)},
                    Map.of("x", List.of(Dim.AUTO, Dim.AUTO))),
            () -> new Object[] {randn(6, 5)}));
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

  /** Returns {@code x.size(0) + 1} and {@code 2 * x.size(1)}: SymInt outputs of backed sizes. */
  public static final class SizeOut extends Module {
    public Object forward(Tensor x) {
      return new Object[] {x.size(0).plus(1), x.size(1).times(2)};
    }
  }
}
