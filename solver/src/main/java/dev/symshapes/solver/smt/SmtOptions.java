package dev.symshapes.solver.smt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * The budget of the SMT tier: per check, and per query. The resource limit ({@code rlimit}, Z3's
 * deterministic count of solver steps) is what normally stops a hard query, so the same query on
 * the same facts gets the same answer on every machine; the wall-clock timeout is a cap for
 * machines much slower than expected. Either running out gives UNKNOWN.
 *
 * <p>{@code maxFacts} bounds the size of what Z3 is given at all: the tier sends a query together
 * with its cone of influence, the facts connected to the query's symbols (see {@link SmtTier}), and
 * a query whose cone holds more facts is answered UNKNOWN without Z3. The prover is the last and
 * most expensive tier; this cap is what keeps its cost per query bounded when an environment
 * relates thousands of symbols into one chain, where the time to assert and check grows with the
 * number of facts.
 *
 * <pre>{@code
 * SmtTier tier = SmtTier.create(SmtOptions.defaults().withRlimit(200_000).withMaxFacts(500));
 * }</pre>
 *
 * @param rlimit Z3's resource limit per check ({@code rlimit} solver parameter), at least 1; on the
 *     machine this was tuned on, 50,000 units take about 35 ms
 * @param timeout the wall-clock cap per check ({@code timeout} solver parameter), at least 1 ms
 * @param maxFacts the largest number of facts sent to Z3 with one query, at least 1; a query whose
 *     cone of influence is larger is answered UNKNOWN
 */
public record SmtOptions(int rlimit, Duration timeout, int maxFacts) {
  /** The default resource limit per check: about 35 ms of solving at most. */
  public static final int DEFAULT_RLIMIT = 50_000;

  /** The default wall-clock cap per check. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  /**
   * The default largest cone of influence sent to Z3. Measured on the runtime-assert pile-up (each
   * new assert {@code u_i < u_(i+1)} of a chain is first decided, and the chain is its cone): with
   * a cap of 50, 200 and 1,000 facts, one environment of 1,000 such asserts spent 0.04 s, 0.30 s
   * and 5.3 s in Z3 (CPU, warmed; the fast tiers alone take 0.014 s), about 1.5 ms per check at 100
   * facts on average. A cap of 100 keeps a check near a millisecond and is far above the cones of
   * real shape guards (a few facts each in the tutorial's models).
   */
  public static final int DEFAULT_MAX_FACTS = 100;

  /** Checks the arguments. */
  public SmtOptions {
    checkArgument(rlimit >= 1, "rlimit (%s) must be >= 1", rlimit);
    checkNotNull(timeout, "timeout");
    checkArgument(
        timeout.toMillis() >= 1 && timeout.toMillis() <= Integer.MAX_VALUE,
        "timeout (%s) must be between 1 ms and %s ms",
        timeout,
        Integer.MAX_VALUE);
    checkArgument(maxFacts >= 1, "maxFacts (%s) must be >= 1", maxFacts);
  }

  /** {@link #DEFAULT_RLIMIT}, {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_MAX_FACTS}. */
  public static SmtOptions defaults() {
    return new SmtOptions(DEFAULT_RLIMIT, DEFAULT_TIMEOUT, DEFAULT_MAX_FACTS);
  }

  /** These options with another resource limit. */
  public SmtOptions withRlimit(int newRlimit) {
    return newRlimit == rlimit ? this : new SmtOptions(newRlimit, timeout, maxFacts);
  }

  /** These options with another wall-clock cap. */
  public SmtOptions withTimeout(Duration newTimeout) {
    return newTimeout.equals(timeout) ? this : new SmtOptions(rlimit, newTimeout, maxFacts);
  }

  /** These options with another cap on the facts sent to Z3 with one query. */
  public SmtOptions withMaxFacts(int newMaxFacts) {
    return newMaxFacts == maxFacts ? this : new SmtOptions(rlimit, timeout, newMaxFacts);
  }

  /** The timeout in whole milliseconds, as Z3 takes it. */
  public int timeoutMillis() {
    return (int) timeout.toMillis();
  }
}
