package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.DimDynamic;
import dev.symshapes.solver.DuckSizing;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolInfo;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.ZeroOne;
import dev.symshapes.solver.event.LogSwitch;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Symbols: naming, hints, sources, default and declared ranges, 0/1, static, duck sizing. */
class SymbolCreationTest {
  private final Recorder rec = new Recorder();
  private final ShapeEnv env = rec.env();
  private final ExprFactory f = env.factory();

  @Test
  void backedSymbolsAreNumberedInOrderWithHintSourceAndDefaultRange() {
    int line = Recorder.nextLine();
    IntExpr s0 = env.createSymbol(6, Source.size("w", 0));
    IntExpr s1 = env.createSymbol(5, Source.stride("w", 1));
    IntExpr s2 = env.createSymbol(3, Source.storageOffset("w"));
    IntExpr s3 = env.createSymbol(9, Source.value("n"));
    assertThat(s0).hasToString("s0");
    assertThat(s3).hasToString("s3");
    SymbolInfo info = env.symbolInfo((Sym) s1);
    assertThat(info.kind()).isEqualTo(SymbolInfo.Kind.BACKED);
    assertThat(info.hint()).contains(IntValue.of(5));
    assertThat(info.sources()).containsExactly(Source.stride("w", 1));
    assertThat(info.index()).isEqualTo(1);
    assertThat(info.location().orElseThrow().lineNumber()).isEqualTo(line + 1);
    assertThat(env.range((Sym) s2)).isEqualTo(IntRange.atLeast(2));
    assertThat(env.symbols())
        .extracting(si -> (IntExpr) si.symbol())
        .containsExactly(s0, s1, s2, s3);
    assertThat(rec.lines().get(0))
        .isEqualTo(
            "create_symbol s0 = 6 for L['w'].size()[0] [2, int_oo] (SymbolCreationTest.java:"
                + line
                + " in backedSymbolsAreNumberedInOrderWithHintSourceAndDefaultRange)");
    assertThat(rec.messages().subList(1, 4))
        .containsExactly(
            "create_symbol s1 = 5 for L['w'].stride()[1] [2, int_oo]",
            "create_symbol s2 = 3 for L['w'].storage_offset() [2, int_oo]",
            "create_symbol s3 = 9 for L['n'] [2, int_oo]");
  }

  @Test
  void zeroAndOneAreSpecializedUnlessToldOtherwise() {
    assertThat(env.createSymbol(1, Source.size("x", 0))).isEqualTo(f.integer(1));
    assertThat(env.createSymbol(0, Source.size("x", 1))).isEqualTo(f.integer(0));
    assertThat(env.symbols()).isEmpty();
    assertThat(rec.events).isEmpty();
    SymbolSpec keep = SymbolSpec.dynamic().withZeroOne(ZeroOne.KEEP_SYMBOLIC);
    IntExpr s0 = env.createSymbol(1, Source.size("x", 2), keep);
    assertThat(s0).hasToString("s0");
    assertThat(env.range((Sym) s0)).isEqualTo(IntRange.atLeast(0));
    assertThat(rec.messages())
        .containsExactly("create_symbol s0 = 1 for L['x'].size()[2] [0, int_oo]");
    // The specialized sources are bound to their constants in the produced guards.
    assertThat(env.produceGuards().pythonGuards())
        .containsExactly("L['x'].size()[0] == 1", "L['x'].size()[1] == 0", "0 <= L['x'].size()[2]");
  }

  @Test
  void staticDimensionsAreConstants() {
    assertThat(env.createSymbol(8, Source.size("x", 0), SymbolSpec.staticDim()))
        .isEqualTo(f.integer(8));
    assertThat(env.symbols()).isEmpty();
  }

  @Test
  void declaredRangesAreIntersectedWithTheDefault() {
    SymbolSpec dx = SymbolSpec.dynamic().withRange(IntRange.of(4, 256));
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0), dx);
    IntExpr s1 =
        env.createSymbol(
            6, Source.size("y", 0), SymbolSpec.dynamic().withRange(IntRange.of(0, 10)));
    assertThat(env.range((Sym) s0)).isEqualTo(IntRange.of(4, 256));
    assertThat(env.range((Sym) s1)).isEqualTo(IntRange.of(2, 10));
    assertThat(rec.messages())
        .containsExactly(
            "create_symbol s0 = 6 for L['x'].size()[0] [4, 256]",
            "create_symbol s1 = 6 for L['y'].size()[0] [2, 10]");
    // A declared bound is a fact: a check against it names it.
    assertThat(BadInputTest.thrown(() -> env.check(f.gt(s0, f.integer(300)))).getMessage())
        .startsWith("check(s0 > 300) can never hold: it contradicts s0 <= 256 (declared range");
  }

  @Test
  void unbackedSymbolsAreNumberedSeparatelyAndUnbounded() {
    env.createSymbol(6, Source.size("x", 0));
    Sym u0 = env.createUnbackedSymInt();
    Sym u1 = env.createUnbackedSymInt(Source.value("n"));
    assertThat(u0).hasToString("u0");
    assertThat(u1).hasToString("u1");
    assertThat(env.range(u0)).isEqualTo(IntRange.all());
    assertThat(env.symbolInfo(u1).hint()).isEmpty();
    assertThat(env.symbolInfo(u1).sources()).containsExactly(Source.value("n"));
    assertThat(env.isSizeLike(u0)).isFalse();
    assertThat(rec.messages().subList(1, 3))
        .containsExactly(
            "create_unbacked_symint u0 [-int_oo, int_oo]",
            "create_unbacked_symint u1 [-int_oo, int_oo]");
  }

  @Test
  void sizeLikeSymbolsRangeOverTheNaturalNumbers() {
    Sym u0 = env.createUnbackedSymInt();
    env.markSizeLike(u0);
    assertThat(env.isSizeLike(u0)).isTrue();
    assertThat(env.range(u0)).isEqualTo(IntRange.atLeast(0));
    // A size-like unbacked input: an unbacked symbol bound to its source.
    SymbolSpec sizeLike =
        new SymbolSpec(
            DimDynamic.SIZE_LIKE_UNBACKED, Optional.of(IntRange.of(0, 100)), ZeroOne.SPECIALIZE);
    IntExpr u1 = env.createSymbol(5, Source.size("x", 0), sizeLike);
    assertThat(u1).hasToString("u1");
    assertThat(env.isSizeLike((Sym) u1)).isTrue();
    assertThat(env.range((Sym) u1)).isEqualTo(IntRange.of(0, 100));
    assertThat(env.produceGuards().bindings())
        .extracting(b -> b.expr().toString())
        .containsExactly("u1");
  }

  @Test
  void duckSizingIsOffByDefault() {
    IntExpr a = env.createSymbol(5, Source.size("x", 0), SymbolSpec.duck());
    IntExpr b = env.createSymbol(5, Source.size("y", 0), SymbolSpec.duck());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void duckSizingSharesASymbolBetweenEqualExampleValues() {
    ShapeEnv duck =
        ShapeEnv.builder()
            .duckSizing(DuckSizing.ENABLED)
            .listener(rec)
            .logSwitch(LogSwitch.OFF)
            .build();
    IntExpr a = duck.createSymbol(5, Source.size("x", 0), SymbolSpec.duck());
    IntExpr b = duck.createSymbol(5, Source.size("y", 0), SymbolSpec.duck());
    IntExpr c = duck.createSymbol(5, Source.size("z", 0), SymbolSpec.dynamic());
    IntExpr d = duck.createSymbol(6, Source.size("z", 1), SymbolSpec.duck());
    assertThat(a).isSameAs(b).hasToString("s0");
    assertThat(c).hasToString("s1"); // DYNAMIC never ducks
    assertThat(d).hasToString("s2");
    assertThat(duck.symbolInfo((Sym) a).sources())
        .containsExactly(Source.size("x", 0), Source.size("y", 0));
    assertThat(rec.messages())
        .containsExactly(
            "create_symbol s0 = 5 for L['x'].size()[0] [2, int_oo]",
            "create_symbol s0 duck sized L['y'].size()[0]",
            "create_symbol s1 = 5 for L['z'].size()[0] [2, int_oo]",
            "create_symbol s2 = 6 for L['z'].size()[1] [2, int_oo]");
    assertThat(duck.produceGuards().pythonGuards())
        .contains("L['y'].size()[0] == L['x'].size()[0]");
  }
}
