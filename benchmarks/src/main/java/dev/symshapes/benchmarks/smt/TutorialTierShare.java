package dev.symshapes.benchmarks.smt;

import dev.symshapes.benchmarks.solver.TutorialReplay;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.ShapeEnvStats;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.smt.SmtStats;
import dev.symshapes.solver.smt.SmtTier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The share of the tutorial's queries that reach tier 4. Replays, through the ShapeEnv API, the
 * operation sequences of the tutorial's models (those of {@code TutorialLogTest}: cases T07, T09,
 * T10, T13, T15, T17, T19, T21) in a default environment, and prints per case the environment's
 * statistics (queries, cache hits, answers by tier) and the SMT tier's (queries it was asked,
 * skipped as exact for the range tier, Z3 checks).
 *
 * <p>The figures are those of the last of several rounds, so that the times are warmed. "Reaching
 * tier 4" counts the computed decisions that tiers 1-3 left UNKNOWN (answered by the SMT tier or by
 * nobody); "reaching Z3" those the SMT tier did not skip. Run: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.symshapes.benchmarks.smt.TutorialTierShare}.
 */
public final class TutorialTierShare {
  private TutorialTierShare() {}

  private static final Map<String, BiConsumer<ShapeEnv, ExprFactory>> CASES = new LinkedHashMap<>();

  static {
    CASES.put("T07", (env, f) -> TutorialReplay.t07(env));
    CASES.put(
        "T09",
        (env, f) -> {
          IntExpr s0 = env.createSymbol(6, Source.size("w", 0));
          IntExpr s1 = env.createSymbol(5, Source.size("w", 1));
          IntExpr s2 = env.createSymbol(8, Source.size("y", 0));
          IntExpr s3 = env.createSymbol(4, Source.size("y", 1));
          IntExpr s4 = env.createSymbol(32, Source.size("z", 0));
          env.evaluateExpr(f.eq(s3, f.integer(1)));
          env.check(f.eq(s3, f.integer(4)));
          env.evaluateExpr(f.ne(s2, f.integer(1)));
          env.check(f.eq(s1, f.integer(5)));
          env.evaluateExpr(f.eq(s0, f.integer(1)));
          env.evaluateExpr(f.eq(s4, f.integer(1)));
          env.check(f.eq(f.mul(s2, f.integer(4)), s4));
          env.produceGuards();
        });
    CASES.put(
        "T10",
        (env, f) -> {
          IntExpr s0 = env.createSymbol(6, Source.size("w", 0));
          IntExpr s1 = env.createSymbol(5, Source.size("w", 1));
          IntExpr s2 = env.createSymbol(4, Source.size("x", 0));
          IntExpr s3 = env.createSymbol(8, Source.size("y", 0));
          IntExpr s4 = env.createSymbol(4, Source.size("y", 1));
          IntExpr s5 = env.createSymbol(32, Source.size("z", 0));
          env.check(f.le(s0, f.integer(512)));
          env.check(f.ge(s2, f.integer(4)));
          env.evaluateExpr(f.eq(s0, f.add(s2, f.integer(2))));
          env.evaluateExpr(f.eq(s2, f.integer(1)));
          env.evaluateExpr(f.eq(s4, f.integer(1)));
          env.check(f.eq(s2, s4));
          env.evaluateExpr(f.ne(s2, f.integer(1)));
          env.evaluateExpr(f.ne(s3, f.integer(1)));
          env.check(f.eq(s1, f.integer(5)));
          IntExpr flat = f.mul(s3, s2);
          env.evaluateExpr(f.eq(flat, f.integer(1)));
          env.evaluateExpr(f.eq(s5, f.integer(1)));
          env.check(f.eq(flat, s5));
          env.evaluateExpr(f.ne(flat, f.integer(1)));
          env.check(f.ge(s2, f.integer(4)));
          env.produceGuards();
        });
    CASES.put(
        "T13",
        (env, f) -> {
          IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
          IntExpr s1 = env.createSymbol(4, Source.size("x", 1));
          IntExpr s2 = env.createSymbol(6, Source.size("y", 0));
          IntExpr s3 = env.createSymbol(4, Source.size("y", 1));
          env.evaluateExpr(f.eq(s1, f.integer(1)));
          env.evaluateExpr(f.eq(s0, f.integer(1)));
          env.evaluateExpr(f.eq(s3, f.integer(1)));
          env.check(f.eq(s1, s3));
          env.evaluateExpr(f.eq(s2, f.integer(1)));
          env.check(f.eq(s0, s2));
          env.evaluateExpr(f.ne(s1, f.integer(1)));
          env.evaluateExpr(f.ne(s0, f.integer(1)));
          env.check(f.eq(s1, f.integer(4)));
          env.produceGuards();
        });
    CASES.put(
        "T15",
        (env, f) -> {
          env.createUnbackedSymInt();
          env.createUnbackedSymInt();
          env.createUnbackedSymInt();
          env.produceGuards();
        });
    CASES.put(
        "T17",
        (env, f) -> {
          IntExpr u0 = env.createUnbackedSymInt();
          env.check(f.ge(u0, f.integer(10)));
          env.check(f.le(u0, f.integer(60)));
          env.check(f.ge(u0, f.integer(10)));
          env.check(f.le(u0, f.integer(60)));
          env.produceGuards();
        });
    CASES.put(
        "T19",
        (env, f) -> {
          IntExpr u0 = env.createUnbackedSymInt();
          env.check(f.ge(u0, f.integer(0)));
          env.check(f.lt(u0, f.integer(60)));
          env.check(f.ge(u0, f.integer(0)));
          env.check(f.le(u0, f.integer(59)));
          env.check(f.lt(u0, f.integer(60)));
          env.produceGuards();
        });
    CASES.put(
        "T21",
        (env, f) -> {
          IntExpr u0 = env.createUnbackedSymInt();
          env.checkIsSize(u0);
          env.produceGuards();
        });
  }

  /**
   * Runs every case {@code args[0]} times (default 200, so that the JIT has compiled the tiers) and
   * prints one line per case and the totals for the last round.
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    for (int i = 1; i < rounds; i++) {
      for (BiConsumer<ShapeEnv, ExprFactory> c : CASES.values()) {
        try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build()) {
          c.accept(env, env.factory());
        }
      }
    }
    long queries = 0;
    long computed = 0;
    long reachedTier4 = 0;
    long reachedZ3 = 0;
    long smtNanos = 0;
    for (Map.Entry<String, BiConsumer<ShapeEnv, ExprFactory>> c : CASES.entrySet()) {
      SmtTier tier = SmtTier.create();
      try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).extraTier(tier).build()) {
        c.getValue().accept(env, env.factory());
        ShapeEnvStats st = env.stats();
        SmtStats smt = tier.stats();
        long comp = st.queries() - st.cacheHits();
        long tier4 = st.decidedBy(Tier.SMT) + st.decidedBy(Tier.NONE);
        System.out.println(c.getKey() + ": " + st.describe() + " | " + smt.describe());
        queries += st.queries();
        computed += comp;
        reachedTier4 += tier4;
        reachedZ3 += smt.solved();
        smtNanos += st.smtNanos();
      }
    }
    System.out.printf(
        "total: %d queries (%d computed); %d reached tier 4 (%.1f%% of queries), %d reached Z3"
            + " (%.1f%%); time in tier 4 %.3f ms%n",
        queries,
        computed,
        reachedTier4,
        100.0 * reachedTier4 / queries,
        reachedZ3,
        100.0 * reachedZ3 / queries,
        smtNanos / 1e6);
  }
}
