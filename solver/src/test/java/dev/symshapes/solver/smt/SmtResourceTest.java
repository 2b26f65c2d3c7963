package dev.symshapes.solver.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.event.LogSwitch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat when shape environments that used Z3 are created and closed: each of
 * {@code symshapes.smt.envs} environments (default 500; the figure in {@code benchmarks/RESULTS.md}
 * is for {@code -Dsymshapes.smt.envs=10000}) opens a Z3 context, decides one query with it and is
 * closed. The process's resident set size (Linux {@code /proc/self/status}) is printed before and
 * after; the test fails if it grew by more than 64 KiB per environment, which is far below what one
 * leaked Z3 context costs.
 */
class SmtResourceTest {
  private static final int ENVS = Integer.getInteger("symshapes.smt.envs", 500);
  private static final Path STATUS = Path.of("/proc/self/status");

  private static long rssKib() throws IOException {
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS in " + STATUS);
  }

  private static void oneEnvironment() {
    try (ShapeEnv env = ShapeEnv.builder().logSwitch(LogSwitch.OFF).build()) {
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      env.createUnbackedSymInt();
      env.check(Facts.parse(env, "u0 < u1"));
      env.check(Facts.parse(env, "u1 < u2"));
      Decision d = env.decide(Facts.parse(env, "u0 + 1 < u2"));
      assertThat(d.decidedBy()).isEqualTo(Tier.SMT);
    }
  }

  @Test
  void closingEnvironmentsThatUsedZ3LeavesNativeMemoryFlat() throws IOException {
    assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux)");
    // Warm up: Z3's own one-time allocations and the JIT are not what is measured.
    for (int i = 0; i < 200; i++) {
      oneEnvironment();
    }
    System.gc();
    long before = rssKib();
    long t0 = System.nanoTime();
    for (int i = 0; i < ENVS; i++) {
      oneEnvironment();
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long after = rssKib();
    System.out.printf(
        "SmtResourceTest: %d environments that used Z3 in %d ms; RSS %d KiB before, %d KiB"
            + " after (%+d KiB)%n",
        ENVS, millis, before, after, after - before);
    assertThat(after - before).isLessThan(64L * ENVS);
  }
}
