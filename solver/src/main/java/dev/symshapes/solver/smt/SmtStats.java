package dev.symshapes.solver.smt;

/**
 * Counters of one {@link SmtTier}: what tier 4 was asked and what it answered. Together with {@link
 * dev.symshapes.solver.ShapeEnvStats} (queries, cache hits and answers by tier for the whole
 * environment) they show how much of the load reaches Z3.
 *
 * @param queries decisions asked of the tier
 * @param skipped of those, answered UNKNOWN without Z3 because the range tier's UNKNOWN was already
 *     exact (a linear relation over symbols no fact relates); counted in {@code undecided}
 * @param cacheHits of those, answered from the tier's cache (same query, same facts)
 * @param decidedTrue answered TRUE
 * @param decidedFalse answered FALSE
 * @param undecided answered UNKNOWN: Z3 found both outcomes possible, ran out of budget, or could
 *     not encode the query (or Z3 is unavailable)
 * @param budgetExhausted checks stopped by the resource limit or the wall-clock cap
 * @param checks satisfiability checks run (one or two per query)
 * @param factLoads times the facts were (re)asserted because they changed
 * @param factsDropped facts that could not be encoded and were left out (sound: Z3 knows less)
 * @param loadNanos time spent loading Z3 and opening the solver (the cold start)
 * @param solveNanos time spent in asserting facts and checking, excluding the cold start
 */
public record SmtStats(
    long queries,
    long skipped,
    long cacheHits,
    long decidedTrue,
    long decidedFalse,
    long undecided,
    long budgetExhausted,
    long checks,
    long factLoads,
    long factsDropped,
    long loadNanos,
    long solveNanos) {

  /** The queries that reached Z3 (asked, not skipped, not from the cache). */
  public long solved() {
    return queries - skipped - cacheHits;
  }

  /**
   * One line: {@code smt queries 3, skipped 0, cache hits 1, true 1, false 0, unknown 1, budget
   * exhausted 0, checks 4, fact loads 2, facts dropped 0, load 512.3 ms, solve 1.2 ms}.
   */
  public String describe() {
    return "smt queries "
        + queries
        + ", skipped "
        + skipped
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
        + ", fact loads "
        + factLoads
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
