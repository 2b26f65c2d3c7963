package dev.symshapes.export.trace;

import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sub-graphs a trace's control-flow operators registered, by attribute name ({@code
 * true_graph_0}), named as PyTorch names them: the first index free for every prefix of the
 * operator ({@code true_graph_i} and {@code false_graph_i} share {@code i}).
 */
final class Subgraphs {
  private final Map<String, GraphModule> byName = new LinkedHashMap<>();

  /** The first {@code i} such that no sub-graph is called {@code prefix + i} for any prefix. */
  int freeIndex(String... prefixes) {
    for (int i = 0; ; i++) {
      boolean free = true;
      for (String p : prefixes) {
        free &= !byName.containsKey(p + i);
      }
      if (free) {
        return i;
      }
    }
  }

  /** Registers {@code m} as {@code attr}. */
  void add(String attr, GraphModule m) {
    byName.put(attr, m);
  }

  /**
   * {@code graph} with the sub-graphs it reads ({@code get_attr}); those whose operator was removed
   * as dead code are left out.
   */
  GraphModule moduleOf(Graph graph) {
    GraphModule m = new GraphModule(graph);
    Set<String> read = new HashSet<>();
    for (Node n : graph.nodes()) {
      if (n.op() == Node.Op.GET_ATTR) {
        read.add(n.attr());
      }
    }
    for (Map.Entry<String, GraphModule> e : byName.entrySet()) {
      if (read.contains(e.getKey())) {
        m.addSubmodule(e.getKey(), e.getValue());
      }
    }
    return m;
  }
}
