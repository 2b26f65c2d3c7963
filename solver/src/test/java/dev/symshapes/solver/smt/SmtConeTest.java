package dev.symshapes.solver.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.event.LogSwitch;
import org.junit.jupiter.api.Test;

/**
 * The SMT tier sends Z3 only a query's cone of influence, and nothing when the cone is over the
 * cap. The size of what was sent is read from {@link SmtStats#factsAsserted()}.
 */
class SmtConeTest {
  private static ShapeEnv env(SmtTier tier) {
    return ShapeEnv.builder().logSwitch(LogSwitch.OFF).extraTier(tier).build();
  }

  private static void unbacked(ShapeEnv env, int n) {
    for (int i = 0; i < n; i++) {
      env.createUnbackedSymInt();
    }
  }

  @Test
  void factsAboutOtherSymbolsAreNotSentAndCannotSpoilTheAnswer() {
    // Z3 cannot find a model of the cubic fact within this budget (see SmtTierTest): sent with a
    // query that both outcomes leave possible, it makes the query run out of budget.
    SmtTier tier = SmtTier.create(SmtOptions.defaults().withRlimit(20_000));
    try (ShapeEnv env = env(tier)) {
      unbacked(env, 8);
      env.check(Facts.parse(env, "Eq(u3**3 + u4**3 + u5**3, 33)"));
      env.check(Facts.parse(env, "u6 < u7"));
      env.check(Facts.parse(env, "u7 < u6 + 5"));
      env.check(Facts.parse(env, "u0 < u1"));
      env.check(Facts.parse(env, "u1 < u2"));
      SmtStats a = tier.stats();
      Decision d = env.decide(Facts.parse(env, "u0 + 1 < u2"));
      assertThat(d.truth()).isEqualTo(Truth.TRUE);
      assertThat(d.decidedBy()).isEqualTo(Tier.SMT);
      assertThat(env.decide(Facts.parse(env, "u0 + 2 < u2")).truth()).isEqualTo(Truth.UNKNOWN);
      SmtStats b = tier.stats();
      assertThat(b.factsAsserted() - a.factsAsserted()).isEqualTo(4);
      assertThat(b.checks() - a.checks()).isEqualTo(3);
      assertThat(b.budgetExhausted()).isEqualTo(a.budgetExhausted());
      // Once u3 is related to the chain, the cone reaches the cubic fact: the same kind of query
      // is sent with it, and runs out of budget.
      env.check(Facts.parse(env, "u2 < u3"));
      SmtStats c = tier.stats();
      assertThat(env.decide(Facts.parse(env, "u0 + 5 < u3")).truth()).isEqualTo(Truth.UNKNOWN);
      SmtStats e = tier.stats();
      assertThat(e.factsAsserted() - c.factsAsserted()).isEqualTo(4);
      assertThat(e.budgetExhausted() - c.budgetExhausted()).isEqualTo(1);
    }
  }

  @Test
  void replacementsConnectTheirSymbolsBothWays() {
    SmtTier tier = SmtTier.create();
    try (ShapeEnv env = env(tier)) {
      unbacked(env, 3);
      // u0 is a multiple of 4: the environment replaces it by 4*u3 (a fresh symbol), so queries
      // about u0 arrive in terms of u3, while the stated guards still name u0.
      env.check(Facts.parse(env, "Eq(Mod(u0, 4), 0)"));
      env.check(Facts.parse(env, "u0 < u1"));
      env.check(Facts.parse(env, "u1 < u2"));
      env.check(Facts.parse(env, "u2 <= 9"));
      Decision d = env.decide(Facts.parse(env, "u0 <= 4"));
      assertThat(d.truth()).isEqualTo(Truth.TRUE);
      assertThat(d.decidedBy()).isEqualTo(Tier.SMT);
    }
  }

  @Test
  void aConeOverTheCapIsUnknownWithoutZ3AndCounted() {
    SmtTier tier = SmtTier.create(SmtOptions.defaults().withMaxFacts(3));
    try (ShapeEnv env = env(tier)) {
      unbacked(env, 11);
      for (String fact :
          new String[] {
            "u0 < u1", "u1 < u2", "u2 < u3", "u3 < u4", "u5 < u6", "u6 < u7", "u8 < u9", "u9 < u10"
          }) {
        env.check(Facts.parse(env, fact));
      }
      SmtStats a = tier.stats();
      Decision d = env.decide(Facts.parse(env, "u0 + 3 < u4"));
      assertThat(d.truth()).isEqualTo(Truth.UNKNOWN);
      SmtStats b = tier.stats();
      assertThat(b.overCap() - a.overCap()).isEqualTo(1);
      assertThat(b.undecided() - a.undecided()).isEqualTo(1);
      assertThat(b.checks()).isEqualTo(a.checks());
      // Another query on the same chain (4 facts): known to be over the cap at once.
      assertThat(env.decide(Facts.parse(env, "u1 + 1 < u3")).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(tier.stats().overCap() - a.overCap()).isEqualTo(2);
      // Two chains of 2 facts each, over the cap only together: UNKNOWN, but each alone is still
      // decided by Z3.
      assertThat(env.decide(Facts.parse(env, "u5 + u8 + 4 <= u7 + u10")).truth())
          .isEqualTo(Truth.UNKNOWN);
      SmtStats c = tier.stats();
      assertThat(c.overCap() - a.overCap()).isEqualTo(3);
      assertThat(c.checks()).isEqualTo(a.checks());
      assertThat(env.decide(Facts.parse(env, "u5 + 1 < u7")).truth()).isEqualTo(Truth.TRUE);
      assertThat(env.decide(Facts.parse(env, "u8 + 1 < u10")).truth()).isEqualTo(Truth.TRUE);
      SmtStats e = tier.stats();
      assertThat(e.factsAsserted() - c.factsAsserted()).isEqualTo(4);
      assertThat(e.overCap()).isEqualTo(c.overCap());
    }
    SmtTier wide = SmtTier.create(SmtOptions.defaults().withMaxFacts(4));
    try (ShapeEnv env = env(wide)) {
      unbacked(env, 5);
      for (String fact : new String[] {"u0 < u1", "u1 < u2", "u2 < u3", "u3 < u4"}) {
        env.check(Facts.parse(env, fact));
      }
      assertThat(env.decide(Facts.parse(env, "u0 + 3 < u4")).truth()).isEqualTo(Truth.TRUE);
      assertThat(wide.stats().overCap()).isZero();
    }
  }

  @Test
  void aLargeEnvironmentSendsZ3OnlyTheFewFactsOfTheQuery() {
    SmtTier tier = SmtTier.create();
    try (ShapeEnv env = env(tier)) {
      ExprFactory f = env.factory();
      int n = 20_000;
      IntExpr[] s = new IntExpr[n];
      for (int i = 0; i < n; i++) {
        s[i] = env.createSymbol(2 + i, Source.size("t" + i / 4, i % 4));
        if (i > 0) {
          // Chained equalities: one connected component of 20k asserts and 20k replacements.
          env.check(f.eq(s[i], f.add(s[i - 1], f.one())));
        }
      }
      assertThat(tier.stats().overCap()).isZero();
      // A query on the chain reaches all of it: over the cap, so Z3 is not asked.
      SmtStats built = tier.stats();
      assertThat(env.decide(f.eq(f.mod(f.mul(s[0], s[n - 1]), f.integer(7)), f.integer(3))).truth())
          .isEqualTo(Truth.UNKNOWN);
      SmtStats chained = tier.stats();
      assertThat(chained.overCap() - built.overCap()).isEqualTo(1);
      assertThat(chained.checks()).isEqualTo(built.checks());
      unbacked(env, 3);
      env.check(Facts.parse(env, "u0 < u1"));
      env.check(Facts.parse(env, "u1 < u2"));
      SmtStats a = tier.stats();
      Decision d = env.decide(Facts.parse(env, "u0 + 1 < u2"));
      assertThat(d.truth()).isEqualTo(Truth.TRUE);
      assertThat(d.decidedBy()).isEqualTo(Tier.SMT);
      SmtStats b = tier.stats();
      assertThat(b.factsAsserted() - a.factsAsserted()).isEqualTo(2);
      assertThat(b.solved() - a.solved()).isEqualTo(1);
    }
  }

  @Test
  void theCapIsValidated() {
    assertThat(SmtOptions.defaults().maxFacts()).isEqualTo(SmtOptions.DEFAULT_MAX_FACTS);
    assertThat(SmtOptions.defaults().withMaxFacts(7).maxFacts()).isEqualTo(7);
    assertThatThrownBy(() -> SmtOptions.defaults().withMaxFacts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFacts (0) must be >= 1");
  }
}
