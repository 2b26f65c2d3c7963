package dev.symshapes.export.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.ops.AtenOps;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph keeps its output node (it no longer scans for it on every append): {@link
 * Graph#output()} before and after the output is added, moved and erased, and appending after it.
 */
class GraphTest {
  private static Node add(Graph g, Node a, Node b) {
    return g.call(new Target.Op(AtenOps.ADD_TENSOR), List.of(a, b), new LinkedHashMap<>(), null);
  }

  @Test
  void theOutputIsTheNodeAddedByOutputAndNothingAppendsAfterIt() {
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    assertThat(g.output()).isNull();
    Node a = x;
    for (int i = 0; i < 1000; i++) {
      a = add(g, a, x);
    }
    assertThat(g.output()).isNull();
    Node out = g.output(List.of(a));
    assertThat(g.output()).isSameAs(out);
    assertThat(g.nodes()).hasSize(1002).last().isSameAs(out);
    assertThatThrownBy(() -> add(g, x, x))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the graph already has an output node");
    assertThatThrownBy(() -> g.getAttr("w", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the graph already has an output node");
    assertThatThrownBy(() -> g.output(List.of(x)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the graph already has an output node");
    // A placeholder added later goes before the calls; the output stays the output.
    g.placeholder("y", null);
    assertThat(g.output()).isSameAs(out);
  }

  @Test
  void erasingTheOutputLetsANewOneBeAdded() {
    Graph g = new Graph();
    Node x = g.placeholder("x", null);
    Node a = add(g, x, x);
    Node out = g.output(List.of(a));
    Node b = g.callAfter(a, new Target.Op(AtenOps.ADD_TENSOR), "add", List.of(a, x), null, null);
    assertThat(g.nodes()).containsExactly(x, a, b, out);
    g.erase(out);
    assertThat(g.output()).isNull();
    assertThat(g.nodes()).containsExactly(x, a, b);
    Node again = g.output(List.of(b));
    assertThat(g.output()).isSameAs(again);
    assertThat(g.toString())
        .isEqualTo(
            "graph():\n"
                + "    %x : [num_users=2] = placeholder[target=x]\n"
                + "    %add : [num_users=1] = call_function[target=torch.ops.aten.add.Tensor]"
                + "(args = (%x, %x), kwargs = {})\n"
                + "    %add_1 : [num_users=1] = call_function[target=torch.ops.aten.add.Tensor]"
                + "(args = (%add, %x), kwargs = {})\n"
                + "    return (add_1,)");
  }
}
