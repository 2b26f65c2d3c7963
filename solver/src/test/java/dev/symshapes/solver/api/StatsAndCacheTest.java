package dev.symshapes.solver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.EvalMode;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.ShapeEnvStats;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.eval.DecisionTier;
import dev.symshapes.solver.eval.FactView;
import dev.symshapes.solver.event.LogSwitch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statistics counters (per tier, queries, cache hits) and the decision cache's contract: an
 * answer is reused until a fact about one of the symbols it involves changes; facts about other
 * symbols do not invalidate it. The environment has no SMT tier: its counts are those of the fast
 * tiers, and the SMT tier's time would not be deterministic.
 */
class StatsAndCacheTest {
  private final ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).noExtraTier().build();
  private final ExprFactory f = env.factory();
  private final IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
  private final IntExpr s1 = env.createSymbol(4, Source.size("x", 1));
  private final IntExpr s2 = env.createSymbol(9, Source.size("y", 0));

  private IntExpr c(long v) {
    return f.integer(v);
  }

  @Test
  void eachTierIsCountedWhenItDecides() {
    env.check(f.eq(s1, f.sub(s0, c(2)))); // s1 = s0 - 2
    env.check(f.ge(f.sub(s2, s0), c(3)));
    assertThat(env.decide(f.eq(s1, f.sub(s0, c(2)))).decidedBy()).isEqualTo(Tier.CONSTANT);
    assertThat(env.decide(f.gt(s0, c(1))).decidedBy()).isEqualTo(Tier.RANGE);
    assertThat(env.decide(f.gt(s2, s0)).decidedBy()).isEqualTo(Tier.AXIOM);
    assertThat(env.decide(f.eq(s2, c(9))).decidedBy()).isEqualTo(Tier.NONE);
    ShapeEnvStats st = env.stats();
    assertThat(st.decidedBy(Tier.CONSTANT)).isEqualTo(1);
    // check() decided each fact before adding it: one more NONE, and the range query.
    assertThat(st.decidedBy(Tier.RANGE)).isEqualTo(1);
    assertThat(st.decidedBy(Tier.AXIOM)).isEqualTo(1);
    assertThat(st.decidedBy(Tier.NONE)).isEqualTo(3);
    assertThat(st.decidedBy(Tier.SMT)).isZero();
    assertThat(st.queries()).isEqualTo(6);
    assertThat(st.cacheHits()).isZero();
    assertThat(st.describe())
        .isEqualTo(
            "queries 6, cache hits 0, constant 1, range 1, axiom 1, smt 0, none 3, smt time 0.0 ms");
  }

  @Test
  void repeatedQueriesAreAnsweredFromTheCache() {
    BoolExpr q = f.ne(f.mul(s0, s1), c(1));
    for (int i = 0; i < 5; i++) {
      assertThat(env.decide(q).truth()).isEqualTo(Truth.TRUE);
    }
    assertThat(env.stats().queries()).isEqualTo(5);
    assertThat(env.stats().cacheHits()).isEqualTo(4);
    assertThat(env.stats().decidedBy(Tier.RANGE)).isEqualTo(1);
    // Modes are cached separately.
    env.decide(q, EvalMode.SIZE_OBLIVIOUS);
    assertThat(env.stats().cacheHits()).isEqualTo(4);
  }

  @Test
  void aFactAboutAnotherSymbolKeepsTheCachedAnswer() {
    BoolExpr q = f.eq(s0, s1);
    assertThat(env.decide(q).truth()).isEqualTo(Truth.UNKNOWN);
    long version = env.factVersion();
    env.check(f.ge(s2, c(5))); // about s2 only
    assertThat(env.factVersion()).isGreaterThan(version);
    env.decide(q);
    assertThat(env.stats().cacheHits()).isEqualTo(1);
  }

  @Test
  void aFactAboutAnInvolvedSymbolInvalidatesTheCachedAnswer() {
    BoolExpr q = f.gt(s0, c(5));
    assertThat(env.decide(q).truth()).isEqualTo(Truth.UNKNOWN);
    env.check(f.ge(s0, c(6)));
    Decision d = env.decide(q);
    assertThat(d.truth()).isEqualTo(Truth.TRUE);
    assertThat(env.stats().cacheHits()).isZero();
    // A replacement of an involved symbol also invalidates it.
    BoolExpr r = f.eq(s1, s2);
    assertThat(env.decide(r).truth()).isEqualTo(Truth.UNKNOWN);
    env.evaluateExpr(f.eq(s2, f.add(s1, c(5)))); // s2 = s1 + 5
    assertThat(env.decide(r).truth()).isEqualTo(Truth.FALSE);
    // And so does a fact about a symbol that an involved one was replaced by.
    BoolExpr t = f.ge(s2, c(9));
    assertThat(env.decide(t).truth()).isEqualTo(Truth.UNKNOWN);
    env.check(f.ge(s1, c(4)));
    assertThat(env.decide(t).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void theExtraTierIsAskedLastAndCounted() {
    List<String> asked = new ArrayList<>();
    DecisionTier oracle =
        new DecisionTier() {
          @Override
          public Tier tier() {
            return Tier.SMT;
          }

          @Override
          public Truth decide(BoolExpr simplified, FactView facts) {
            asked.add(simplified + " @" + facts.symbols().size());
            return simplified.toString().equals("Ne(s0, s1)") ? Truth.TRUE : Truth.UNKNOWN;
          }

          @Override
          public void close() {
            asked.add("closed");
          }
        };
    ShapeEnv e = ShapeEnv.builder().extraTier(oracle).logSwitch(LogSwitch.OFF).build();
    ExprFactory g = e.factory();
    IntExpr a = e.createSymbol(3, Source.size("a", 0));
    IntExpr b = e.createSymbol(4, Source.size("b", 0));
    assertThat(e.decide(g.gt(a, g.integer(1))).decidedBy()).isEqualTo(Tier.RANGE);
    assertThat(e.decide(g.ne(a, b)).decidedBy()).isEqualTo(Tier.SMT);
    assertThat(e.decide(g.eq(a, g.integer(3))).truth()).isEqualTo(Truth.UNKNOWN);
    // An undecided answer is asked again after any new fact, as the extra tier reads all facts.
    e.createSymbol(5, Source.size("c", 0));
    e.decide(g.eq(a, g.integer(3)));
    e.close();
    assertThat(asked).containsExactly("Ne(s0, s1) @2", "Eq(s0, 3) @2", "Eq(s0, 3) @3", "closed");
    assertThat(e.stats().decidedBy(Tier.SMT)).isEqualTo(1);
  }
}
