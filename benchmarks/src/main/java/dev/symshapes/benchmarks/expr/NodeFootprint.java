package dev.symshapes.benchmarks.expr;

import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Memory of interned nodes: builds random shape expressions (the corpus' distribution) in one
 * factory until they hold {@code N} distinct nodes (default 1,000,000; every distinct {@link Expr}
 * instance reachable from the roots counts: symbols, constants, sums, products, calls), keeps the
 * roots, and prints the heap they retain after a full GC.
 *
 * <p>Not a JMH benchmark: it measures space, not time. Run it with the heap capped at the target,
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * dev.symshapes.benchmarks.expr.NodeFootprint}, so that finishing at all shows that the nodes fit
 * (the counting set, dropped before the measurement, needs room too).
 */
public final class NodeFootprint {
  private NodeFootprint() {}

  /** {@code [N]}: builds N distinct nodes and prints what they retain. */
  public static void main(String[] args) {
    int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long baseline = usedAfterGc();

    ExprFactory f = ExprFactory.create();
    SymshapesBuilder b = new SymshapesBuilder(f);
    Supplier<RawExpr> trees = ShapeCorpus.trees(ShapeCorpus.SEED);
    List<IntExpr> roots = new ArrayList<>();
    Set<Expr> seen = new HashSet<>();
    long start = System.nanoTime();
    while (seen.size() < target) {
      IntExpr e;
      try {
        e = b.build(trees.get());
      } catch (ArithmeticException divisionByZero) {
        continue;
      }
      roots.add(e);
      count(e, seen);
    }
    long buildNanos = System.nanoTime() - start;
    int nodes = seen.size();
    seen = null; // only the roots (and through them the nodes and the interner) stay reachable

    long used = usedAfterGc() - baseline;
    System.out.printf(
        "%,d distinct interned nodes from %,d expressions (built in %.1f s)%n",
        nodes, roots.size(), buildNanos / 1e9);
    System.out.printf(
        "retained heap: %.1f MB (%.0f bytes per node), heap limit %.0f MB%n",
        used / 1e6, (double) used / nodes, Runtime.getRuntime().maxMemory() / 1e6);
    // Keeps the roots alive until after the measurement.
    System.out.println("roots kept: " + roots.size() + ", factory " + f.maxExpandedTerms());
  }

  private static void count(Expr root, Set<Expr> seen) {
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (seen.add(e)) {
        e.children().forEach(pending::push);
      }
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
