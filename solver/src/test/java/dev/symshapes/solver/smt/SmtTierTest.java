package dev.symshapes.solver.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.smt.internal.Z3Loader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SMT tier's life cycle: lazy loading, failure to load, budget, caching, closing. */
class SmtTierTest {
  private static ShapeEnv env(SmtTier tier) {
    return ShapeEnv.builder().logSwitch(LogSwitch.OFF).extraTier(tier).build();
  }

  /** u0 < u1, u1 < u2: the chain that only tier 4 closes. */
  private static Decision chain(ShapeEnv env) {
    env.createUnbackedSymInt();
    env.createUnbackedSymInt();
    env.createUnbackedSymInt();
    env.check(Facts.parse(env, "u0 < u1"));
    env.check(Facts.parse(env, "u1 < u2"));
    return env.decide(Facts.parse(env, "u0 + 1 < u2"));
  }

  /** A query thousands of levels deep is refused by the encoder: not a stack overflow. */
  @Test
  void aVeryDeepQueryIsNotSentToZ3() {
    SmtTier tier = SmtTier.create();
    try (ShapeEnv env = env(tier)) {
      assertThat(chain(env).decidedBy()).isEqualTo(Tier.SMT);
      var f = env.factory();
      IntExpr u0 = f.symbol("u0");
      IntExpr u2 = f.symbol("u2");
      IntExpr x = u2;
      for (int i = 0; i < 50_000; i++) {
        x = f.max(f.floorDiv(x, f.integer(2)), f.integer(0));
      }
      // u0 + 1 < u2 is known and x >= 0, so this holds; the fast tiers do not see it, and the
      // encoder refuses the query (50,000 levels), so it stays UNKNOWN.
      Decision deep = env.decide(f.lt(f.add(u0, f.integer(1)), f.add(u2, x)));
      assertThat(deep.truth()).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void z3IsLoadedOnlyWhenTierFourIsFirstNeeded() {
    AtomicInteger opened = new AtomicInteger();
    SmtLoader counting =
        options -> {
          opened.incrementAndGet();
          return SmtLoader.z3().open(options);
        };
    SmtTier tier = SmtTier.create(SmtOptions.defaults(), counting);
    try (ShapeEnv env = env(tier)) {
      var s0 = env.createSymbol(4, Source.size("x", 0));
      var f = env.factory();
      // Decided by ranges and axioms: Z3 is never needed.
      assertThat(env.staticallyKnownTrue(f.ge(s0, f.integer(2)))).isTrue();
      assertThat(env.evaluateExpr(f.ne(s0, f.integer(1)))).isTrue();
      assertThat(opened).hasValue(0);
      assertThat(tier.isLoaded()).isFalse();
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      // Nothing relates u0 and u1 yet: the range tier's UNKNOWN is exact, Z3 is not asked.
      env.check(Facts.parse(env, "u0 < u1"));
      assertThat(opened).hasValue(0);
      assertThat(tier.stats().skipped()).isEqualTo(1);
      assertThat(env.decide(Facts.parse(env, "u0 + 1 < u1")).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(opened).hasValue(1);
      assertThat(tier.isLoaded()).isTrue();
      env.decide(Facts.parse(env, "u0 + 2 < u1"));
      assertThat(opened).hasValue(1);
    }
  }

  @Test
  void aNativeLibraryThatCannotLoadGivesUnknownAndOneWarning() {
    List<String> warnings = new ArrayList<>();
    Z3Loader broken =
        Z3Loader.withNatives(
            () -> {
              throw new UnsatisfiedLinkError("no z3java in java.library.path");
            },
            warnings::add);
    for (int i = 0; i < 3; i++) {
      SmtTier tier = SmtTier.create(SmtOptions.defaults(), broken);
      try (ShapeEnv env = env(tier)) {
        Decision d = chain(env);
        assertThat(d.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(d.decidedBy()).isEqualTo(Tier.NONE);
        assertThat(tier.isLoaded()).isFalse();
        long before = tier.stats().undecided();
        assertThat(env.decide(Facts.parse(env, "u0 < u2")).truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(tier.stats().undecided()).isEqualTo(before + 1);
      }
    }
    assertThat(warnings)
        .containsExactly(
            "the SMT tier (Z3) is unavailable, so it answers UNKNOWN: cannot load Z3:"
                + " java.lang.UnsatisfiedLinkError: no z3java in java.library.path");
  }

  @Test
  void theNormalPipelineUsesZ3ByDefault() {
    try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build()) {
      Decision d = chain(env);
      assertThat(d.truth()).isEqualTo(Truth.TRUE);
      assertThat(d.decidedBy()).isEqualTo(Tier.SMT);
      assertThat(env.stats().decidedBy(Tier.SMT)).isEqualTo(1);
    }
    try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).noExtraTier().build()) {
      assertThat(chain(env).truth()).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aQueryThatExhaustsItsBudgetIsUnknown() {
    SmtTier tier = SmtTier.create(SmtOptions.defaults().withRlimit(20_000));
    try (ShapeEnv env = env(tier)) {
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      env.check(Facts.parse(env, "Eq(u0**3 + u1**3 + u2**3, 33)"));
      SmtStats before = tier.stats();
      Decision d = env.decide(Facts.parse(env, "u0 >= 0"));
      assertThat(d.truth()).isEqualTo(Truth.UNKNOWN);
      SmtStats after = tier.stats();
      assertThat(after.budgetExhausted() - before.budgetExhausted()).isEqualTo(1);
      // The second check is skipped once the first has run out of budget.
      assertThat(after.checks() - before.checks()).isEqualTo(1);
    }
  }

  @Test
  void aWallClockCapAloneAlsoStopsTheQuery() {
    SmtTier tier =
        SmtTier.create(
            SmtOptions.defaults().withRlimit(Integer.MAX_VALUE).withTimeout(Duration.ofMillis(20)));
    try (ShapeEnv env = env(tier)) {
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      env.check(Facts.parse(env, "Eq(u0**3 + u1**3 + u2**3, 33)"));
      long before = tier.stats().budgetExhausted();
      assertThat(env.decide(Facts.parse(env, "u0 >= 0")).truth()).isEqualTo(Truth.UNKNOWN);
      assertThat(tier.stats().budgetExhausted()).isEqualTo(before + 1);
    }
  }

  @Test
  void factsAreIndexedOncePerVersionAndAnswersAreCached() {
    SmtTier tier = SmtTier.create();
    try (ShapeEnv env = env(tier)) {
      assertThat(chain(env).truth()).isEqualTo(Truth.TRUE);
      SmtStats a = tier.stats();
      // Same facts: no reload; a query both ways possible takes two checks.
      assertThat(env.decide(Facts.parse(env, "u0 + 2 < u2")).truth()).isEqualTo(Truth.UNKNOWN);
      SmtStats b = tier.stats();
      assertThat(b.factUpdates()).isEqualTo(a.factUpdates());
      assertThat(b.checks() - a.checks()).isEqualTo(2);
      assertThat(b.undecided() - a.undecided()).isEqualTo(1);
      // A new fact: loaded once more, and the UNKNOWN is reconsidered.
      env.check(Facts.parse(env, "Ne(u0 + 2, u2)"));
      SmtStats c = tier.stats();
      assertThat(c.factUpdates()).isEqualTo(b.factUpdates());
      assertThat(env.decide(Facts.parse(env, "u0 + 3 <= u2")).truth()).isEqualTo(Truth.TRUE);
      assertThat(env.decide(Facts.parse(env, "u0 + 2 < u2")).truth()).isEqualTo(Truth.TRUE);
      SmtStats d = tier.stats();
      assertThat(d.factUpdates()).isEqualTo(c.factUpdates() + 1);
      assertThat(d.decidedTrue() - c.decidedTrue()).isEqualTo(2);
      assertThat(d.checks() - c.checks()).isEqualTo(2);
      assertThat(d.factsDropped()).isZero();
      assertThat(d.describe())
          .matches(
              "smt queries \\d+, skipped \\d+, over cap 0, cache hits \\d+, true \\d+, false 0, unknown \\d+, budget"
                  + " exhausted 0, checks \\d+, fact updates \\d+, facts asserted \\d+, facts dropped 0, load [0-9.]+ ms,"
                  + " solve [0-9.]+ ms");
      assertThat(env.stats().describe())
          .matches(
              "queries \\d+, cache hits \\d+, constant \\d+, range \\d+, axiom \\d+, smt 3,"
                  + " none \\d+, smt time [0-9.E-]+ ms");
    }
  }

  @Test
  void theTiersCacheAnswersAQueryAskedAgainOnTheSameFacts() {
    SmtTier tier = SmtTier.create();
    try (ShapeEnv env = env(tier)) {
      chain(env);
      var q = Facts.parse(env, "u0 + 1 < u2");
      SmtStats a = tier.stats();
      // Size-oblivious mode is another key in the environment's cache, not in the tier's.
      assertThat(env.decide(q, dev.symshapes.solver.EvalMode.SIZE_OBLIVIOUS).truth())
          .isEqualTo(Truth.TRUE);
      SmtStats b = tier.stats();
      assertThat(b.cacheHits() - a.cacheHits()).isEqualTo(1);
      assertThat(b.checks()).isEqualTo(a.checks());
    }
  }

  @Test
  void guardsOnUnrelatedSymbolsNeverLoadZ3() {
    AtomicInteger opened = new AtomicInteger();
    SmtTier tier =
        SmtTier.create(
            SmtOptions.defaults(),
            options -> {
              opened.incrementAndGet();
              return SmtLoader.z3().open(options);
            });
    try (ShapeEnv env = env(tier)) {
      var f = env.factory();
      IntExpr s0 = env.createSymbol(4, Source.size("x", 0));
      IntExpr s1 = env.createSymbol(4, Source.size("y", 0));
      IntExpr s2 = env.createSymbol(8, Source.size("z", 0));
      IntExpr s3 = env.createSymbol(8, Source.size("w", 0));
      // The guards a broadcast emits: each is undecided by ranges, exactly.
      assertThat(env.evaluateExpr(f.eq(s0, f.integer(4)))).isTrue();
      assertThat(env.evaluateExpr(f.le(s1, s2))).isTrue();
      assertThat(env.evaluateExpr(f.ne(s3, f.integer(5)))).isTrue();
      assertThat(opened).hasValue(0);
      assertThat(tier.stats().skipped()).isEqualTo(3);
      // Now s1 <= s2 relates them, and a non-linear consequence needs Z3.
      assertThat(env.decide(f.le(f.mul(s1, s1), f.mul(s2, s2))).truth()).isEqualTo(Truth.TRUE);
      assertThat(opened).hasValue(1);
    }
  }

  @Test
  void oneTierServesOneEnvironment() {
    SmtTier tier = SmtTier.create();
    try (ShapeEnv a = env(tier);
        ShapeEnv b = env(tier)) {
      chain(a);
      assertThatThrownBy(() -> chain(b))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("an SmtTier serves one ShapeEnv, but it was given the facts of another");
    }
  }

  @Test
  void closingTheEnvironmentClosesTheTier() {
    SmtTier tier = SmtTier.create();
    ShapeEnv env = env(tier);
    chain(env);
    assertThat(tier.isLoaded()).isTrue();
    env.close();
    assertThat(tier.isLoaded()).isFalse();
    assertThatThrownBy(() -> env.decide(env.factory().trueExpr()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ShapeEnv is closed");
    env.close();
    tier.close();
  }
}
