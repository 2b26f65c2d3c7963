package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Truth;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replacements: which symbol an equality eliminates (PyTorch's rule: unbacked before backed, then
 * the larger example value, then the lexicographically larger name; exact integer solutions only;
 * never an unbacked symbol by one created after it, nor a backed one by an unbacked one), and the
 * other reasons: {@code find}, {@code rename_unbacked_to}, {@code divisibility}.
 */
class ReplacementsTest {
  private final Recorder rec = new Recorder();
  private final ShapeEnv env = rec.env();
  private final ExprFactory f = env.factory();

  static Stream<Arguments> eliminations() {
    return Stream.of(
        // setup | fact | replacements after it (or "none")
        Arguments.of("s0=4; s1=4", "Eq(s0, s1)", "s1 = s0 (solve)"),
        Arguments.of(
            "s0=4; s1=4; s2=4; s3=4; s4=4; s5=4; s6=4; s7=4; s8=4; s9=4; s10=4",
            "Eq(s9, s10)",
            "s9 = s10 (solve)"),
        Arguments.of("s0=8; s1=4", "Eq(s0, 2*s1)", "s0 = 2*s1 (solve)"),
        Arguments.of("s0=4; s1=8", "Eq(2*s0, s1)", "s1 = 2*s0 (solve)"),
        Arguments.of("s0=6; s1=4", "Eq(s0, s1 + 2)", "s0 = s1 + 2 (solve)"),
        Arguments.of("s0=6; s1=4", "Eq(2*s0, 3*s1)", "none"),
        Arguments.of("s0=12; s1=3", "Eq(s0, 4*s1)", "s0 = 4*s1 (solve)"),
        // Equal hints: s1 (the larger name) is tried first, has no exact solution, so s0 goes.
        Arguments.of("s0=3; s1=3", "Eq(s0, 4*s1 - 9)", "s0 = 4*s1 - 9 (solve)"),
        Arguments.of("s0=5; u0", "Eq(u0, s0 + 1)", "u0 = s0 + 1 (solve)"),
        Arguments.of("s0=6; u0", "Eq(s0, 2*u0)", "none"),
        Arguments.of("u0; u1", "Eq(u0, u1 + 1)", "u1 = u0 - 1 (solve)"),
        Arguments.of("u0; u1", "Eq(u0, 4*u1)", "none"),
        Arguments.of("u0; u1", "Eq(4*u0, u1)", "u1 = 4*u0 (solve)"),
        Arguments.of("u0", "Eq(u0, 7)", "u0 = 7 (range_refined_to_singleton)"));
  }

  @ParameterizedTest
  @MethodSource("eliminations")
  void equalitiesEliminateTheSymbolPyTorchWould(String setup, String fact, String want) {
    Script.run(env, setup);
    env.check(Script.bool(env, fact));
    String got =
        env.replacements().isEmpty()
            ? "none"
            : String.join(
                ", ", env.replacements().values().stream().map(Object::toString).toList());
    assertThat(got).isEqualTo(want);
  }

  @Test
  void findCompressesChains() {
    Script.run(env, "s0=4; s1=4; s2=4; check(Eq(s1, s2)); check(Eq(s0, s1))");
    rec.clear();
    assertThat(env.replace((IntExpr) Script.expr(env, "s2 + 1"))).hasToString("s0 + 1");
    assertThat(rec.messages()).containsExactly("set_replacement s2 = s0 (find) VR[2, int_oo]");
  }

  @Test
  void renamingAnUnbackedSymbolCarriesItsFacts() {
    Sym u0 = env.createUnbackedSymInt();
    env.check(f.ge(u0, f.integer(10)));
    env.check(f.ne(u0, f.integer(20)));
    env.markSizeLike(u0);
    Sym u1 = env.createUnbackedSymInt();
    rec.clear();
    env.renameUnbackedTo(u0, u1);
    assertThat(rec.messages())
        .containsExactly(
            "_update_var_to_range u1 = VR[10, int_oo] (update)",
            "set_replacement u0 = u1 (rename_unbacked_to) VR[10, int_oo]");
    assertThat(env.range(u1)).isEqualTo(IntRange.atLeast(10));
    assertThat(env.isSizeLike(u1)).isTrue();
    assertThat(env.replace(u0)).isEqualTo(u1);
    assertThat(env.decide(f.eq(u1, f.integer(20))).truth()).isEqualTo(Truth.FALSE);
    assertThat(env.decide(f.ge(u0, f.integer(10))).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void renamingAReplacedUnbackedSymbolPassesOnItsValue() {
    Sym u0 = env.createUnbackedSymInt();
    env.check(f.eq(u0, f.integer(5)));
    Sym u1 = env.createUnbackedSymInt();
    rec.clear();
    env.renameUnbackedTo(u0, u1);
    assertThat(rec.messages())
        .containsExactly(
            "set_replacement u0 = u1 (rename_unbacked_to) VR[5, 5]",
            "_update_var_to_range u1 = VR[5, 5] (update)",
            "set_replacement u1 = 5 (rename_unbacked_to_dest) VR[5, 5]");
    assertThat(env.replace(u1)).isEqualTo(f.integer(5));
    assertThat(env.replace(u0)).isEqualTo(f.integer(5));
  }

  @Test
  void aDivisibleUnbackedSymbolIsReplacedByAMultipleOfAFreshOne() {
    Sym u0 = env.createUnbackedSymInt();
    env.checkIsSize(u0);
    rec.clear();
    env.check(f.eq(f.mod(u0, f.integer(4)), f.integer(0)));
    assertThat(rec.messages())
        .containsExactly(
            "create_unbacked_symint u1 [-int_oo, int_oo]",
            "_update_var_to_range u1 = VR[0, int_oo] (update)",
            "set_replacement u0 = 4*u1 (divisibility) VR[0, int_oo]",
            "runtime_assert Eq(Mod(u0, 4), 0) [guard added]");
    Sym u1 = (Sym) f.symbol("u1");
    assertThat(env.isSizeLike(u1)).isTrue();
    assertThat(env.decide(f.eq(f.mod(u0, f.integer(2)), f.integer(0))).truth())
        .isEqualTo(Truth.TRUE);
    // A coefficient shares a factor with the modulus: 6*u2 % 4 == 0 means u2 is even.
    Sym u2 = env.createUnbackedSymInt();
    env.check(f.eq(f.mod(f.mul(f.integer(6), u2), f.integer(4)), f.integer(0)));
    assertThat(env.replace(u2)).hasToString("2*u3");
  }

  @Test
  void aDivisibleBackedSymbolKeepsItsNameAndGainsADivisor() {
    IntExpr s0 = env.createSymbol(12, Source.size("x", 0));
    env.evaluateExpr(f.eq(f.mod(s0, f.integer(4)), f.integer(0)));
    env.evaluateExpr(f.eq(f.mod(s0, f.integer(6)), f.integer(0)));
    assertThat(env.replacements()).isEmpty();
    assertThat(env.range((Sym) s0)).isEqualTo(IntRange.atLeast(12));
    assertThat(env.decide(f.eq(f.mod(s0, f.integer(3)), f.integer(0))).truth())
        .isEqualTo(Truth.TRUE);
    assertThat(env.decide(f.eq(f.mod(s0, f.integer(8)), f.integer(0))).truth())
        .isEqualTo(Truth.UNKNOWN);
  }
}
