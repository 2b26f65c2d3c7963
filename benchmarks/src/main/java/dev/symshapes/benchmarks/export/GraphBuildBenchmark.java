package dev.symshapes.benchmarks.export;

import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a graph of {@code nodes} call nodes with {@link Graph#call}, then its output: the cost
 * of appending a node, which must not grow with the size of the graph (each append once looked for
 * the output node among all nodes, so building n nodes took O(n^2) steps).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class GraphBuildBenchmark {
  /** Call nodes appended. */
  @Param({"1000", "10000"})
  public int nodes;

  /** A chain {@code add(add(x, x), x) ...} of {@link #nodes} calls, and its output. */
  @Benchmark
  public Graph chain() {
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    Target add = new Target.Op(AtenOps.ADD_TENSOR);
    Node last = x;
    for (int i = 0; i < nodes; i++) {
      last = g.call(add, List.of(last, x), new LinkedHashMap<>(), null);
    }
    g.output(List.of(last));
    return g;
  }
}
