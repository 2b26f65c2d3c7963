package dev.symshapes.export.graph;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of an FX-like graph: a placeholder (an input), a call, a {@code get_attr} (a sub-graph or
 * constant), or the output. Arguments are other nodes, constants ({@code Long}, {@code Double},
 * {@code Boolean}, {@code String}, {@code null}), dtypes, or lists (and {@code Object[]} tuples) of
 * these. {@link #val()} is the node's metadata: a {@link dev.symshapes.export.spi.TensorMeta}, a
 * {@link dev.symshapes.export.spi.SymInt} / {@link dev.symshapes.export.spi.SymBool}, a list of
 * them for several outputs, or null.
 *
 * <p>Nodes are made and edited through their {@link Graph}.
 */
public final class Node {
  /** The four node kinds of FX. */
  public enum Op {
    /** An input. */
    PLACEHOLDER,
    /** A call of a {@link Target}. */
    CALL_FUNCTION,
    /** A module attribute (a sub-graph or a constant tensor). */
    GET_ATTR,
    /** The graph's outputs. */
    OUTPUT
  }

  private final Graph graph;
  private final Op op;
  private final String name;
  private final Target target;
  private final String attr;
  private List<Object> args;
  private Map<String, Object> kwargs;
  private Object val;
  private final Map<String, Object> meta = new LinkedHashMap<>();

  Node(
      Graph graph,
      Op op,
      String name,
      Target target,
      String attr,
      List<Object> args,
      Map<String, Object> kwargs,
      Object val) {
    this.graph = graph;
    this.op = op;
    this.name = name;
    this.target = target;
    this.attr = attr;
    this.args = new ArrayList<>(args);
    this.kwargs = new LinkedHashMap<>(kwargs);
    this.val = val;
  }

  /** The graph that owns this node. */
  public Graph graph() {
    return graph;
  }

  /** The node kind. */
  public Op op() {
    return op;
  }

  /** The unique name ({@code add_1}). */
  public String name() {
    return name;
  }

  /** The called target, for {@link Op#CALL_FUNCTION} nodes (else null). */
  public Target target() {
    return target;
  }

  /** The attribute name, for {@link Op#GET_ATTR} nodes (else null). */
  public String attr() {
    return attr;
  }

  /** The positional arguments (unmodifiable). */
  public List<Object> args() {
    return Collections.unmodifiableList(args);
  }

  /** The keyword arguments (unmodifiable, in order). */
  public Map<String, Object> kwargs() {
    return Collections.unmodifiableMap(kwargs);
  }

  /** The metadata value (see the class documentation). */
  public Object val() {
    return val;
  }

  /** Sets the metadata value. */
  public void setVal(Object v) {
    this.val = v;
  }

  /** Free-form metadata ({@code stack_trace}, ...). */
  public Map<String, Object> meta() {
    return meta;
  }

  /** Replaces the positional arguments. */
  public void setArgs(List<Object> newArgs) {
    this.args = new ArrayList<>(newArgs);
  }

  /** Replaces the keyword arguments. */
  public void setKwargs(Map<String, Object> newKwargs) {
    this.kwargs = new LinkedHashMap<>(newKwargs);
  }

  /** The nodes this node's arguments refer to, in order of first appearance. */
  public ImmutableList<Node> inputNodes() {
    List<Node> out = new ArrayList<>();
    collect(args, out);
    collect(new ArrayList<>(kwargs.values()), out);
    return ImmutableList.copyOf(out);
  }

  private static void collect(List<?> xs, List<Node> out) {
    for (Object x : xs) {
      if (x instanceof Node n) {
        if (!out.contains(n)) {
          out.add(n);
        }
      } else if (x instanceof List<?> l) {
        collect(l, out);
      } else if (x instanceof Object[] tuple) {
        collect(java.util.Arrays.asList(tuple), out);
      }
    }
  }

  /** The node's name, as FX's {@code repr(node)}. */
  @Override
  public String toString() {
    return name;
  }
}
