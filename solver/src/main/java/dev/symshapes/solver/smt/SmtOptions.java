package dev.symshapes.solver.smt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * The budget of each SMT check. The resource limit ({@code rlimit}, Z3's deterministic count of
 * solver steps) is what normally stops a hard query, so the same query on the same facts gets the
 * same answer on every machine; the wall-clock timeout is a cap for machines much slower than
 * expected. Either running out gives UNKNOWN.
 *
 * <pre>{@code
 * SmtTier tier = SmtTier.create(SmtOptions.defaults().withRlimit(200_000));
 * }</pre>
 *
 * @param rlimit Z3's resource limit per check ({@code rlimit} solver parameter), at least 1; on the
 *     machine this was tuned on, 50,000 units take about 35 ms
 * @param timeout the wall-clock cap per check ({@code timeout} solver parameter), at least 1 ms
 */
public record SmtOptions(int rlimit, Duration timeout) {
  /** The default resource limit per check: about 35 ms of solving at most. */
  public static final int DEFAULT_RLIMIT = 50_000;

  /** The default wall-clock cap per check. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  /** Checks the arguments. */
  public SmtOptions {
    checkArgument(rlimit >= 1, "rlimit (%s) must be >= 1", rlimit);
    checkNotNull(timeout, "timeout");
    checkArgument(
        timeout.toMillis() >= 1 && timeout.toMillis() <= Integer.MAX_VALUE,
        "timeout (%s) must be between 1 ms and %s ms",
        timeout,
        Integer.MAX_VALUE);
  }

  /** {@link #DEFAULT_RLIMIT} and {@link #DEFAULT_TIMEOUT}. */
  public static SmtOptions defaults() {
    return new SmtOptions(DEFAULT_RLIMIT, DEFAULT_TIMEOUT);
  }

  /** These options with another resource limit. */
  public SmtOptions withRlimit(int newRlimit) {
    return newRlimit == rlimit ? this : new SmtOptions(newRlimit, timeout);
  }

  /** These options with another wall-clock cap. */
  public SmtOptions withTimeout(Duration newTimeout) {
    return newTimeout.equals(timeout) ? this : new SmtOptions(rlimit, newTimeout);
  }

  /** The timeout in whole milliseconds, as Z3 takes it. */
  public int timeoutMillis() {
    return (int) timeout.toMillis();
  }
}
