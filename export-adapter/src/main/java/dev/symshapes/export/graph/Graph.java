package dev.symshapes.export.graph;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An FX-like graph: nodes in execution order, placeholders first and one output last. Names are
 * unique (see {@link Namespace}). Not thread-safe.
 */
public final class Graph {
  private final List<Node> nodes = new ArrayList<>();
  private final Namespace names = new Namespace();
  // The output node, kept so that appending a node need not scan the graph for it (that made
  // building a graph of n nodes take O(n^2) steps).
  private Node output;

  /** The nodes in order (unmodifiable view). */
  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  /** The placeholders, in order. */
  public ImmutableList<Node> placeholders() {
    return nodes.stream()
        .filter(n -> n.op() == Node.Op.PLACEHOLDER)
        .collect(ImmutableList.toImmutableList());
  }

  /** The output node, if the graph has one. */
  public Node output() {
    return output;
  }

  /** A new unique name from {@code candidate} (reserved in this graph). */
  public String freshName(String candidate) {
    return names.create(candidate);
  }

  /** Reserves {@code name}, so that later nodes get other names. */
  public void reserveName(String name) {
    names.reserve(name);
  }

  /**
   * Adds an input named exactly {@code name} after the existing placeholders (before the first
   * other node). As in {@code torch.export}, an input keeps its name even when it is a Python
   * builtin ({@code input}); printing renames it where Python code needs it.
   *
   * @throws IllegalArgumentException if the name is taken or not an identifier
   */
  public Node placeholder(String name, Object val) {
    checkNotNull(name, "name");
    checkArgument(Namespace.isValidName(name), "input name '%s' is not a Python identifier", name);
    checkArgument(!names.isUsed(name), "duplicate input name '%s'", name);
    names.reserve(name);
    Node node = new Node(this, Node.Op.PLACEHOLDER, name, null, null, List.of(), Map.of(), val);
    int at = 0;
    while (at < nodes.size() && nodes.get(at).op() == Node.Op.PLACEHOLDER) {
      at++;
    }
    nodes.add(at, node);
    return node;
  }

  /** Appends a call node named from {@code target}'s base name. */
  public Node call(Target target, List<Object> args, Map<String, Object> kwargs, Object val) {
    return call(target, target.baseName(), args, kwargs, val);
  }

  /** Appends a call node named from {@code nameCandidate}. */
  public Node call(
      Target target,
      String nameCandidate,
      List<Object> args,
      Map<String, Object> kwargs,
      Object val) {
    checkNotNull(target, "target");
    checkOutputNotYetAdded();
    Node node =
        new Node(
            this,
            Node.Op.CALL_FUNCTION,
            names.create(nameCandidate),
            target,
            null,
            args,
            kwargs == null ? new LinkedHashMap<>() : kwargs,
            val);
    nodes.add(node);
    return node;
  }

  /**
   * Inserts a call node named from {@code nameCandidate} right after {@code anchor} (graph passes
   * use it to add nodes once the output exists).
   *
   * @throws IllegalArgumentException if {@code anchor} is not in this graph or is the output
   */
  public Node callAfter(
      Node anchor,
      Target target,
      String nameCandidate,
      List<Object> args,
      Map<String, Object> kwargs,
      Object val) {
    checkNotNull(target, "target");
    int i = nodes.indexOf(anchor);
    checkArgument(i >= 0, "node %s is not in this graph", anchor);
    checkArgument(anchor.op() != Node.Op.OUTPUT, "cannot insert after the output node");
    Node node =
        new Node(
            this,
            Node.Op.CALL_FUNCTION,
            names.create(nameCandidate),
            target,
            null,
            args,
            kwargs == null ? new LinkedHashMap<>() : kwargs,
            val);
    nodes.add(i + 1, node);
    return node;
  }

  /** Appends a {@code get_attr} node reading attribute {@code attr}, named after it. */
  public Node getAttr(String attr, Object val) {
    checkOutputNotYetAdded();
    Node node =
        new Node(this, Node.Op.GET_ATTR, names.create(attr), null, attr, List.of(), Map.of(), val);
    nodes.add(node);
    return node;
  }

  /** Appends the output node returning {@code outputs}. */
  public Node output(List<Object> outputs) {
    checkOutputNotYetAdded();
    Node node =
        new Node(this, Node.Op.OUTPUT, "output", null, null, List.of(outputs), Map.of(), null);
    names.reserve("output");
    nodes.add(node);
    output = node;
    return node;
  }

  private void checkOutputNotYetAdded() {
    checkState(output() == null, "the graph already has an output node");
  }

  /** Moves the last node to just after {@code anchor} (used to place inserted nodes). */
  public void moveLastAfter(Node anchor) {
    Node last = nodes.remove(nodes.size() - 1);
    int i = nodes.indexOf(anchor);
    checkArgument(i >= 0, "node %s is not in this graph", anchor);
    nodes.add(i + 1, last);
  }

  /** Moves {@code node} to just before {@code anchor}. */
  public void moveBefore(Node node, Node anchor) {
    nodes.remove(node);
    int i = nodes.indexOf(anchor);
    checkArgument(i >= 0, "node %s is not in this graph", anchor);
    nodes.add(i, node);
  }

  /** The nodes that use {@code node} as an argument, in order. */
  public ImmutableList<Node> users(Node node) {
    return nodes.stream()
        .filter(n -> n.inputNodes().contains(node))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Removes nodes whose results are unused and that have no side effect ({@code keep} says which
   * calls must stay: mutating ops, asserts). Placeholders and the output always stay.
   */
  public void eliminateDeadCode(Predicate<Node> keep) {
    boolean changed = true;
    while (changed) {
      changed = false;
      Set<Node> used = new HashSet<>();
      for (Node n : nodes) {
        used.addAll(n.inputNodes());
      }
      for (int i = nodes.size() - 1; i >= 0; i--) {
        Node n = nodes.get(i);
        if ((n.op() == Node.Op.CALL_FUNCTION || n.op() == Node.Op.GET_ATTR)
            && !used.contains(n)
            && !keep.test(n)) {
          nodes.remove(i);
          changed = true;
        }
      }
    }
  }

  /** The number of distinct nodes that use {@code node} (FX's {@code len(node.users)}). */
  public int numUsers(Node node) {
    int n = 0;
    for (Node u : nodes) {
      if (u.inputNodes().contains(node)) {
        n++;
      }
    }
    return n;
  }

  /**
   * FX's {@code print(graph)} format: {@code graph():} and one line per node, such as {@code %add :
   * [num_users=1] = call_function[target=torch.ops.aten.add.Tensor](args = (%x, %y), kwargs = {})},
   * ending with {@code return (add,)}.
   */
  @Override
  public String toString() {
    return GraphFormat.format(this);
  }

  /** Removes {@code node}, which must have no users. */
  public void erase(Node node) {
    checkArgument(users(node).isEmpty(), "node %s still has users", node);
    if (nodes.remove(node) && node == output) {
      output = null;
    }
  }
}
