package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code produceGuards}: source-level guards in PyTorch's spelling, range constraints of the
 * remaining symbols and of derived input sizes, and the input-check plan.
 */
class ProduceGuardsTest {
  private final Recorder rec = new Recorder();
  private final ShapeEnv env = rec.env();
  private final ExprFactory f = env.factory();

  private IntExpr c(long v) {
    return f.integer(v);
  }

  @Test
  void equalitiesRangesAndDerivedSizes() {
    IntExpr x0 = env.createSymbol(6, Source.size("x", 0));
    IntExpr x1 = env.createSymbol(5, Source.size("x", 1));
    IntExpr y0 = env.createSymbol(12, Source.size("y", 0));
    IntExpr z0 = env.createSymbol(4, Source.size("z", 0));
    env.check(f.le(x0, c(512)));
    env.check(f.eq(y0, f.mul(c(2), x0)));
    env.check(f.eq(x1, c(5)));
    env.evaluateExpr(f.gt(x0, z0));
    ProducedGuards pg = env.produceGuards();
    assertThat(pg.pythonGuards())
        .containsExactly(
            "L['x'].size()[1] == 5",
            "L['y'].size()[0] == 2*L['x'].size()[0]",
            "L['x'].size()[0] > L['z'].size()[0]",
            // s0 > s3 narrowed both ranges, as PyTorch's range refinement does.
            "3 <= L['x'].size()[0] and L['x'].size()[0] <= 512",
            "2 <= L['z'].size()[0] and L['z'].size()[0] <= 511");
    assertThat(pg.rangeConstraintsString())
        .isEqualTo("{s0: VR[3, 512], s3: VR[2, 511], 2*s0: VR[6, 1024]}");
    assertThat(pg.bindings())
        .extracting(b -> b.source().name() + " -> " + b.expr())
        .containsExactly(
            "L['x'].size()[0] -> s0",
            "L['x'].size()[1] -> 5",
            "L['y'].size()[0] -> 2*s0",
            "L['z'].size()[0] -> s3");
    // The input-check plan: what bindings and ranges do not already say.
    assertThat(pg.residualChecks()).extracting(Object::toString).containsExactly("s0 > s3");
    assertThat(rec.messages()).contains("produce_guards");
  }

  @Test
  void guardsImpliedByRangesAreNotRepeated() {
    IntExpr x0 = env.createSymbol(6, Source.size("x", 0));
    env.check(f.ge(x0, c(4)));
    env.evaluateExpr(f.ne(x0, c(100)));
    ProducedGuards pg = env.produceGuards();
    // Ne(s0, 100) is not implied by the range, so it stays.
    assertThat(pg.pythonGuards())
        .containsExactly("L['x'].size()[0] != 100", "4 <= L['x'].size()[0]");
    assertThat(pg.residualChecks()).extracting(Object::toString).containsExactly("Ne(s0, 100)");
  }

  @Test
  void divisibilityGuardsAreKept() {
    IntExpr x0 = env.createSymbol(8, Source.size("x", 0));
    env.evaluateExpr(f.eq(f.mod(x0, c(4)), c(0)));
    ProducedGuards pg = env.produceGuards();
    assertThat(env.range((Sym) x0)).isEqualTo(IntRange.atLeast(4));
    assertThat(pg.pythonGuards())
        .containsExactly("(L['x'].size()[0] % 4) == 0", "4 <= L['x'].size()[0]");
    assertThat(pg.residualChecks())
        .extracting(Object::toString)
        .containsExactly("Eq(Mod(s0, 4), 0)");
  }

  @Test
  void unbackedFactsStayInTheGraphNotInTheInputGuards() {
    IntExpr x0 =
        env.createSymbol(
            6, Source.size("x", 0), SymbolSpec.dynamic().withRange(IntRange.of(2, 64)));
    Sym u0 = env.createUnbackedSymInt();
    env.check(f.ge(u0, c(0)));
    env.check(f.lt(u0, x0));
    ProducedGuards pg = env.produceGuards();
    assertThat(pg.pythonGuards())
        .containsExactly("2 <= L['x'].size()[0] and L['x'].size()[0] <= 64");
    assertThat(pg.residualChecks()).isEmpty();
    assertThat(pg.rangeConstraintsString()).isEqualTo("{s0: VR[2, 64], u0: VR[0, 63]}");
  }

  @Test
  void replacementChainsAreResolvedFirst() {
    IntExpr a = env.createSymbol(4, Source.size("a", 0));
    IntExpr b = env.createSymbol(4, Source.size("b", 0));
    IntExpr d = env.createSymbol(4, Source.size("d", 0));
    env.check(f.eq(d, b)); // s2 = s1
    env.check(f.eq(b, a)); // s1 = s0
    rec.clear();
    ProducedGuards pg = env.produceGuards();
    assertThat(rec.messages())
        .containsExactly("set_replacement s2 = s0 (find) VR[2, int_oo]", "produce_guards");
    assertThat(pg.pythonGuards())
        .containsExactly(
            "L['b'].size()[0] == L['a'].size()[0]",
            "L['d'].size()[0] == L['a'].size()[0]",
            "2 <= L['a'].size()[0]");
    assertThat(pg.rangeConstraintsString()).isEqualTo("{s0: VR[2, int_oo]}");
  }
}
