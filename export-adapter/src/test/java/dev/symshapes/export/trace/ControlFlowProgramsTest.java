package dev.symshapes.export.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.program.ExportedModule;
import dev.symshapes.export.program.ExportedProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Programs with {@code cond}, {@code map}, {@code while_loop} and {@code scan}: how they print
 * (golden files next to this class), and that running them gives what running the model directly
 * gives, on inputs of other values and, with dynamic shapes, other sizes.
 */
class ControlFlowProgramsTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = ControlFlowProgramsTest.class.getResourceAsStream(name + ".expected")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertSame(Object expected, Object actual) {
    if (expected instanceof Tensor e) {
      Tensor a = (Tensor) actual;
      assertThat(a.data().shape()).isEqualTo(e.data().shape());
      assertThat(a.data().dtype()).isEqualTo(e.data().dtype());
      assertThat(a.data().allClose(e.data())).as("%s vs %s", a, e).isTrue();
      return;
    }
    List<?> es = expected instanceof Object[] arr ? List.of(arr) : (List<?>) expected;
    List<?> as = actual instanceof Object[] arr ? List.of(arr) : (List<?>) actual;
    assertThat(as).hasSameSizeAs(es);
    for (int i = 0; i < es.size(); i++) {
      assertSame(es.get(i), as.get(i));
    }
  }

  /** {@code while it.sum() < 10: it, x = it + 1, sin(x)}. */
  static final class Loop extends Module {
    public Object forward(@Name("it") Tensor it, @Name("x") Tensor x) {
      return ControlFlow.whileLoop(
          o -> o.get(0).sum().lt(10),
          o -> List.of(o.get(0).add(1), o.get(1).sin()),
          List.of(it, x));
    }
  }

  @Test
  void whileLoopPrintsAndRunsLikeTheModel() throws IOException {
    Loop model = new Loop();
    ExportedProgram ep = Export.export(model, new Object[] {Torch.zeros(1), Torch.randn(1, 3, 4)});
    assertThat(ep.printReadable()).isEqualTo(golden("while_loop"));
    ExportedModule m = ep.module();
    for (double start : new double[] {0, 4.5, 9.5, 12}) {
      Object[] in = {Torch.zeros(1).add(start), Torch.randn((long) start, 3, 4)};
      assertSame(model.forward((Tensor) in[0], (Tensor) in[1]), m.call(in));
    }
  }

  /** A running sum: {@code carry = carry + x; y = 2 * carry}. */
  static final class CumSum extends Module {
    public Object forward(@Name("init") Tensor init, @Name("xs") Tensor xs) {
      return ControlFlow.scan(
          o -> {
            Tensor c = o.get(0).add(o.get(1));
            return List.of(c, c.mul(2));
          },
          List.of(init),
          List.of(xs));
    }
  }

  @Test
  void scanPrintsAndRunsLikeTheModelForOtherLengths() throws IOException {
    CumSum model = new CumSum();
    ExportedProgram ep =
        Export.export(
            model,
            new Object[] {Torch.zeros(3), Torch.randn(1, 5, 3)},
            Map.of("xs", List.of(Dim.AUTO, Dim.STATIC)));
    assertThat(ep.printReadable()).isEqualTo(golden("scan"));
    ExportedModule m = ep.module();
    for (long n : new long[] {2, 5, 7}) {
      Object[] in = {Torch.randn(n + 10, 3), Torch.randn(n, n, 3)};
      assertSame(model.forward((Tensor) in[0], (Tensor) in[1]), m.call(in));
    }
  }

  /** {@code map} over rows whose body branches with {@code cond}. */
  static final class MapCond extends Module {
    public Tensor forward(@Name("xs") Tensor xs) {
      return ControlFlow.map(
          o ->
              ControlFlow.cond(
                  o.get(0).sum().gt(0),
                  a -> a.get(0).sin(),
                  a -> a.get(0).cos().mul(-1),
                  List.of(o.get(0))),
          xs);
    }
  }

  @Test
  void nestedSubGraphsPrintAsNestedClassesAndRun() throws IOException {
    MapCond model = new MapCond();
    ExportedProgram ep =
        Export.export(
            model,
            new Object[] {Torch.randn(1, 4, 3)},
            Map.of("xs", List.of(Dim.AUTO, Dim.STATIC)));
    assertThat(ep.printReadable()).isEqualTo(golden("map_cond"));
    ExportedModule m = ep.module();
    for (long n : new long[] {2, 6}) {
      Tensor xs = Torch.randn(n + 3, n, 3);
      assertSame(model.forward(xs), m.call(xs));
    }
  }

  /** A branch that reads its operand's symbolic size: {@code x + x.size(0)} or {@code 2 x}. */
  static final class SizeBranch extends Module {
    public Tensor forward(@Name("x") Tensor x) {
      return ControlFlow.cond(
          x.size(0).gt(4), a -> a.get(0).add(a.get(0).size(0)), a -> a.get(0).mul(2), List.of(x));
    }
  }

  @Test
  void aBranchUsesTheSizesOfItsOwnInputs() throws IOException {
    SizeBranch model = new SizeBranch();
    ExportedProgram ep =
        Export.export(
            model, new Object[] {Torch.randn(1, 6, 2)}, Map.of("x", List.of(Dim.AUTO, Dim.STATIC)));
    assertThat(ep.printReadable()).isEqualTo(golden("size_branch"));
    ExportedModule m = ep.module();
    for (long n : new long[] {2, 4, 5, 9}) {
      Tensor x = Torch.randn(n, n, 2);
      assertSame(model.forward(x), m.call(x));
    }
  }

  @Test
  void runDirectlyTheOperatorsComputeTheirDefinitions() {
    Tensor x = Torch.randn(5, 4, 3);
    // map: row by row
    Tensor mapped = ControlFlow.map(o -> o.get(0).mul(o.get(1)), x, Torch.scalarTensor(3.0));
    assertThat(mapped.data().allClose(x.mul(3).data())).isTrue();
    // while_loop: doubles until the sum reaches 100
    List<Tensor> loop =
        ControlFlow.whileLoop(
            o -> o.get(0).sum().lt(100), o -> List.of(o.get(0).mul(2)), List.of(Torch.ones(2)));
    assertThat(loop.get(0).data().toDoubleArray()).containsExactly(64, 64);
    // scan: running sum and its doubles
    List<Tensor> scanned =
        ControlFlow.scan(
            o -> {
              Tensor c = o.get(0).add(o.get(1));
              return List.of(c, c.mul(2));
            },
            List.of(Torch.zeros(1)),
            List.of(Torch.tensor(1.0, 2.0, 3.0).view(3, 1)));
    assertThat(scanned.get(0).data().toDoubleArray()).containsExactly(6);
    assertThat(scanned.get(1).data().toDoubleArray()).containsExactly(2, 6, 12);
    // cond: a Java boolean picks without tracing
    Tensor picked = ControlFlow.cond(false, o -> o.get(0).sin(), o -> o.get(0).cos(), List.of(x));
    assertThat(picked.data().allClose(x.cos().data())).isTrue();
  }

  @Test
  void moduleStateUsedInBranchesIsPassedToBothSubGraphs() throws IOException {
    StateModels.CondLayers model = new StateModels.CondLayers();
    ExportedProgram ep = Export.export(model, new Object[] {Torch.randn(1, 2, 3)});
    assertThat(ep.printReadable()).isEqualTo(golden("cond_layers"));
    ExportedModule m = ep.module();
    for (long seed = 0; seed < 6; seed++) {
      Tensor x = Torch.randn(seed, 2, 3);
      assertSame(model.forward(x), m.call(x));
    }
  }

  @Test
  void stateAndConstantsReachLoopsAndNestedBodies() throws IOException {
    StateModels.NestedState nested = new StateModels.NestedState();
    ExportedProgram ep =
        Export.export(nested, new Object[] {Torch.randn(1, 3), Torch.randn(2, 5, 3)});
    assertThat(ep.printReadable()).isEqualTo(golden("nested_state"));
    StateModels.ScaleLoop loop = new StateModels.ScaleLoop();
    StateModels.MapConstant constant = new StateModels.MapConstant();
    ExportedModule nm = ep.module();
    ExportedModule lm = Export.export(loop, new Object[] {Torch.randn(1, 3)}).module();
    ExportedModule cm = Export.export(constant, new Object[] {Torch.randn(1, 4, 3)}).module();
    for (long seed = 0; seed < 6; seed++) {
      Tensor init = Torch.randn(seed, 3);
      Tensor xs = Torch.randn(seed + 50, 5, 3);
      assertSame(nested.forward(init, xs), nm.call(init, xs));
      assertSame(loop.forward(init), lm.call(init));
      Tensor rows = Torch.randn(seed + 9, 4, 3);
      assertSame(constant.forward(rows), cm.call(rows));
    }
  }
}
