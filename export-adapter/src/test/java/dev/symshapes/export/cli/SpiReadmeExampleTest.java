package dev.symshapes.export.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.MetaContext;
import dev.symshapes.export.spi.SymContext;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.SymbolSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's example of the tracer SPI, verbatim between the markers ({@link ReadmeTest} checks
 * that the README shows exactly these lines), with the output its comments promise: what a tracing
 * framework other than symshapes' own calls to get symbolic shapes, guards and checks.
 */
class SpiReadmeExampleTest {
  @SuppressWarnings("SystemOut") // the example prints, as a README example does
  private static void example() {
    // README begin
    // One shape environment per trace; this listener prints its events in PyTorch's words.
    ShapeEnv env = ShapeEnv.builder().listener(e -> System.out.println(e.message())).build();
    SymContext ctx = SymContext.of(env);

    // Inputs: a symbol per dynamic dimension, from a spec per dimension, named by its source.
    TensorMeta x =
        TensorMeta.input(
            ctx, "L['x']", DType.FLOAT32, new long[] {4}, List.of(SymbolSpec.dynamic()));
    // create_symbol s0 = 4 for L['x'].size()[0] [2, int_oo]
    TensorMeta y =
        TensorMeta.input(
            ctx,
            "L['y']",
            DType.FLOAT32,
            new long[] {8, 4},
            List.of(SymbolSpec.dynamic(), SymbolSpec.dynamic()));
    // create_symbol s1 = 8 for L['y'].size()[0] [2, int_oo]
    // create_symbol s2 = 4 for L['y'].size()[1] [2, int_oo]

    // Shape functions: symshapes' meta kernels emit the guards PyTorch's emit, ...
    TensorMeta sum =
        (TensorMeta)
            AtenOps.ADD_TENSOR.meta().orElseThrow().apply(MetaContext.of(ctx), List.of(x, y));
    // eval Eq(s0, 1) == False [statically known]
    // eval Eq(s2, 1) == False [statically known]
    // set_replacement s2 = s0 (solve) VR[2, int_oo]
    // runtime_assert Eq(s0, s2) [guard added]
    System.out.println(sum); // f32[s1, s0]

    // ... and the framework's own use SymInt arithmetic, guards and checks.
    SymInt n = sum.numel();
    System.out.println(n); // s0*s1
    if (n.ge(16).bool()) { // decided on the example sizes, and guarded:
      // eval s0*s1 >= 16 [guard added]
      x.size(0).le(1024).check();
      // _update_var_to_range s0 = VR[2, 1024] (update)
      // runtime_assert s0 <= 1024 [guard added]
    }

    // Finish: range constraints, what the inputs of the program must satisfy, runtime asserts.
    ProducedGuards guards = env.produceGuards(); // produce_guards
    System.out.println(guards.rangeConstraintsString()); // {s0: VR[2, 1024], s1: VR[2, int_oo]}
    guards.pythonGuards().forEach(System.out::println);
    // L['y'].size()[1] == L['x'].size()[0]
    // L['x'].size()[0]*L['y'].size()[0] >= 16
    // 2 <= L['x'].size()[0] and L['x'].size()[0] <= 1024
    // 2 <= L['y'].size()[0]
    for (Guard g : env.runtimeAsserts()) {
      System.out.println(g.expr()); // Eq(s0, s2), then s0 <= 1024
    }
    // README end
  }

  @Test
  void theExamplePrintsWhatItsCommentsSay() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(captured, true, UTF_8));
    try {
      example();
    } finally {
      System.setOut(saved);
    }
    assertThat(captured.toString(UTF_8).replace(System.lineSeparator(), "\n"))
        .isEqualTo(
            """
            create_symbol s0 = 4 for L['x'].size()[0] [2, int_oo]
            create_symbol s1 = 8 for L['y'].size()[0] [2, int_oo]
            create_symbol s2 = 4 for L['y'].size()[1] [2, int_oo]
            eval Eq(s0, 1) == False [statically known]
            eval Eq(s2, 1) == False [statically known]
            set_replacement s2 = s0 (solve) VR[2, int_oo]
            runtime_assert Eq(s0, s2) [guard added]
            f32[s1, s0]
            s0*s1
            eval s0*s1 >= 16 [guard added]
            _update_var_to_range s0 = VR[2, 1024] (update)
            runtime_assert s0 <= 1024 [guard added]
            produce_guards
            {s0: VR[2, 1024], s1: VR[2, int_oo]}
            L['y'].size()[1] == L['x'].size()[0]
            L['x'].size()[0]*L['y'].size()[0] >= 16
            2 <= L['x'].size()[0] and L['x'].size()[0] <= 1024
            2 <= L['y'].size()[0]
            Eq(s0, s2)
            s0 <= 1024
            """);
  }
}
