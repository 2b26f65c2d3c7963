package dev.symshapes.solver.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.sample.Assignment;
import dev.symshapes.solver.sample.SampleRule;
import dev.symshapes.solver.sample.ShapeSampler;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rules a sampler derives, and draws that follow all of them or break exactly one. */
class ShapeSamplerTest {
  private final ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build();
  private final ExprFactory f = env.factory();

  /** x: [s0, 3] with s0 in [4, 256]; y: [2*s0 + 1]; z: [4*s1] (s1 a phantom in [2, 8]). */
  private ProducedGuards program() {
    IntExpr x0 =
        env.createSymbol(
            6, Source.size("x", 0), SymbolSpec.dynamic().withRange(IntRange.of(4, 256)));
    env.createSymbol(3, Source.size("x", 1), SymbolSpec.staticDim());
    IntExpr y0 = env.createSymbol(13, Source.size("y", 0));
    IntExpr z0 = env.createSymbol(12, Source.size("z", 0));
    IntExpr dz =
        env.createSymbol(3, Source.named("dz"), SymbolSpec.dynamic().withRange(IntRange.of(2, 8)));
    env.evaluateExpr(f.eq(y0, f.add(f.mul(f.integer(2), x0), f.integer(1))));
    env.evaluateExpr(f.eq(z0, f.mul(f.integer(4), dz)));
    env.evaluateExpr(f.ne(x0, z0));
    return env.produceGuards();
  }

  @Test
  void rulesOfAProgram() {
    ShapeSampler s = ShapeSampler.of(env, program());
    assertThat(s.rules())
        .extracting(SampleRule::toString)
        .containsExactly(
            "LOWER 4 <= L['x'].size()[0]",
            "UPPER L['x'].size()[0] <= 256",
            "STATIC L['x'].size()[1] == 3",
            "RELATION L['y'].size()[0] == 2*s0 + 1",
            "FORM L['z'].size()[0] == 4*s3",
            "LOWER 8 <= L['z'].size()[0]",
            "UPPER L['z'].size()[0] <= 32",
            "GUARD Ne(s0, 4*s3)");
  }

  @Test
  void samplesFollowEveryRule() {
    ShapeSampler s = ShapeSampler.of(env, program());
    Random rnd = new Random(1);
    for (int i = 0; i < 200; i++) {
      Assignment a = s.sample(rnd).orElseThrow();
      assertThat(s.brokenRules(a)).isEmpty();
      long x0 = a.size(Source.size("x", 0));
      assertThat(x0).isBetween(4L, 256L);
      assertThat(a.size(Source.size("y", 0))).isEqualTo(2 * x0 + 1);
      long z0 = a.size(Source.size("z", 0));
      assertThat(z0 % 4).isZero();
      assertThat(z0).isBetween(8L, 32L).isNotEqualTo(x0);
    }
  }

  @Test
  void eachRuleCanBeBrokenAlone() {
    ShapeSampler s = ShapeSampler.of(env, program());
    Random rnd = new Random(2);
    for (SampleRule r : s.rules()) {
      for (int i = 0; i < 20; i++) {
        Assignment a = s.violating(r, rnd).orElseThrow(() -> new AssertionError(r.toString()));
        assertThat(s.brokenRules(a)).containsExactly(r);
      }
    }
  }

  @Test
  void aLowerBoundBelowZeroCannotBeBroken() {
    IntExpr x0 =
        env.createSymbol(
            0,
            Source.size("x", 0),
            SymbolSpec.dynamic().withZeroOne(dev.symshapes.solver.ZeroOne.KEEP_SYMBOLIC));
    assertThat(x0.freeSymbols()).hasSize(1);
    ShapeSampler s = ShapeSampler.of(env, env.produceGuards());
    SampleRule lower = s.rules().get(0);
    assertThat(lower).hasToString("LOWER 0 <= L['x'].size()[0]");
    assertThat(s.violating(lower, new Random(3))).isEmpty();
  }

  @Test
  void badArguments() {
    ShapeSampler s = ShapeSampler.of(env, program());
    assertThatThrownBy(() -> ShapeSampler.of(env, env.produceGuards(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span (0) must be >= 1");
    SampleRule foreign =
        new SampleRule(
            SampleRule.Kind.GUARD,
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.of(f.trueExpr()),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            "True");
    assertThatThrownBy(() -> s.violating(foreign, new Random(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GUARD True is not a rule of this sampler");
  }
}
