package dev.symshapes.solver.smt;

/**
 * Counters of one {@link SmtTier}: what tier 4 was asked and what it answered. Together with {@link
 * dev.symshapes.solver.ShapeEnvStats} (queries, cache hits and answers by tier for the whole
 * environment) they show how much of the load reaches Z3.
 *
 * @param queries decisions asked of the tier
 * @param skipped of those, answered UNKNOWN without Z3 because the range tier's UNKNOWN was already
 *     exact (a linear relation over symbols no fact relates); counted in {@code undecided}
 * @param overCap of those, answered UNKNOWN without Z3 because the query's cone of influence held
 *     more than {@link SmtOptions#maxFacts()} facts (the tier's cost bound); counted in {@code
 *     undecided}
 * @param cacheHits of those, answered from the tier's cache (same query, same facts)
 * @param decidedTrue answered TRUE
 * @param decidedFalse answered FALSE
 * @param undecided answered UNKNOWN: Z3 found both outcomes possible, ran out of budget, or could
 *     not encode the query (or Z3 is unavailable)
 * @param budgetExhausted checks stopped by the resource limit or the wall-clock cap
 * @param checks satisfiability checks run (one or two per query)
 * @param factUpdates times the tier updated its index of the facts because they had changed
 * @param factsAsserted facts asserted into Z3, summed over the queries sent to it: each query
 *     asserts its cone of influence, so this over {@link #solved()} is the mean cone size
 * @param factsDropped facts of cones that could not be encoded and were left out (sound: Z3 knows
 *     less), summed over the queries like {@code factsAsserted}
 * @param loadNanos time spent loading Z3 and opening the solver (the cold start)
 * @param solveNanos time spent in finding cones, asserting facts and checking, excluding the cold
 *     start
 */
public record SmtStats(
    long queries,
    long skipped,
    long overCap,
    long cacheHits,
    long decidedTrue,
    long decidedFalse,
    long undecided,
    long budgetExhausted,
    long checks,
    long factUpdates,
    long factsAsserted,
    long factsDropped,
    long loadNanos,
    long solveNanos) {

  /** The queries that reached Z3 (asked, not skipped, not over the cap, not from the cache). */
  public long solved() {
    return queries - skipped - overCap - cacheHits;
  }

  /**
   * One line: {@code smt queries 3, skipped 0, over cap 0, cache hits 1, true 1, false 0, unknown
   * 1, budget exhausted 0, checks 4, fact updates 2, facts asserted 9, facts dropped 0, load 512.3
   * ms, solve 1.2 ms}.
   */
  public String describe() {
    return "smt queries "
        + queries
        + ", skipped "
        + skipped
        + ", over cap "
        + overCap
        + ", cache hits "
        + cacheHits
        + ", true "
        + decidedTrue
        + ", false "
        + decidedFalse
        + ", unknown "
        + undecided
        + ", budget exhausted "
        + budgetExhausted
        + ", checks "
        + checks
        + ", fact updates "
        + factUpdates
        + ", facts asserted "
        + factsAsserted
        + ", facts dropped "
        + factsDropped
        + ", load "
        + millis(loadNanos)
        + " ms, solve "
        + millis(solveNanos)
        + " ms";
  }

  private static String millis(long nanos) {
    return String.valueOf(Math.round(nanos / 100_000.0) / 10.0);
  }
}
