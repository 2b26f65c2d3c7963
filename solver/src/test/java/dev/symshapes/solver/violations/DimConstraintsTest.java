package dev.symshapes.solver.violations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.constraint.ConstraintReport;
import dev.symshapes.solver.constraint.ConstraintViolationException;
import dev.symshapes.solver.constraint.DimConstraints;
import dev.symshapes.solver.constraint.DimSpec;
import dev.symshapes.solver.event.LogSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Constraint violations and suggested fixes, driving the shape environment directly with the
 * questions the tutorial's models ask (T08, T09, T13) and with small variations for each kind of
 * violation. Locations in the messages are this file's lines; {@link #masked} hides their numbers.
 */
class DimConstraintsTest {
  private final ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build();
  private final ExprFactory f = env.factory();
  private static final IntRange ANY = IntRange.atLeast(0);

  private IntExpr c(long v) {
    return f.integer(v);
  }

  private static String masked(String message) {
    return message.replaceAll("DimConstraintsTest\\.java:\\d+ in \\w+", "L");
  }

  private String violations(List<DimSpec> specs) {
    ProducedGuards pg = env.produceGuards();
    ConstraintReport r = DimConstraints.check(env, pg, specs);
    assertThat(r.isSatisfied()).isFalse();
    return masked(
        new ConstraintViolationException(r.violations(), r.suggestedFixes()).getMessage());
  }

  private static DimSpec named(String input, int dim, String root, IntRange range) {
    return DimSpec.named(
        Source.size(input, dim), "dynamic_shapes['" + input + "'][" + dim + "]", root, 1, 0, range);
  }

  @Test
  void t13ConstantsAndEqualities() {
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0), SymbolSpec.dynamic().withRange(ANY));
    IntExpr s1 = env.createSymbol(4, Source.size("x", 1), SymbolSpec.dynamic().withRange(ANY));
    IntExpr s2 = env.createSymbol(6, Source.size("y", 0), SymbolSpec.dynamic().withRange(ANY));
    IntExpr s3 = env.createSymbol(4, Source.size("y", 1), SymbolSpec.dynamic().withRange(ANY));
    env.check(f.eq(s1, s3));
    env.check(f.eq(s0, s2));
    env.check(f.eq(s1, c(4)));
    env.evaluateExpr(f.eq(s1, s3));
    String m =
        violations(
            List.of(
                named("x", 0, "dx", ANY),
                named("x", 1, "d1", ANY),
                named("y", 0, "dy", ANY),
                named("y", 1, "d1", ANY)));
    assertThat(m)
        .isEqualTo(
            "Constraints violated (d1, dy)! For more information, run with"
                + " SYMSHAPES_LOGS=\"+dynamic\".\n"
                + "  - Not all values of d1 = L['x'].size()[1] in the specified range are valid"
                + " because d1 was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s1, 4) (runtime assert added at L)\n"
                + "  - Not all values of d1 = L['y'].size()[1] in the specified range are valid"
                + " because d1 was inferred to be a constant (4).\n"
                + "    Caused by: Eq(s1, s3) (runtime assert added at L); Eq(s1, 4) (runtime"
                + " assert added at L)\n"
                + "  - The values of dy = L['y'].size()[0] and dx = L['x'].size()[0] must always be"
                + " equal.\n"
                + "    Caused by: Eq(s0, s2) (runtime assert added at L)\n"
                + "\n"
                + "Suggested fixes:\n"
                + "  d1 = 4\n"
                + "  dy = dx");
  }
}
