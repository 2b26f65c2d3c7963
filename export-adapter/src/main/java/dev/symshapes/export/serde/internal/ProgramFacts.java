package dev.symshapes.export.serde.internal;

import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.Sym;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a program's graphs say about its symbols: the runtime asserts ({@code _assert_scalar} nodes)
 * and the size-like unbacked symbols ({@code sym_constrain_range_for_size} nodes), in graph order,
 * main graph first, and every symbol its values use.
 */
public final class ProgramFacts {
  private ProgramFacts() {}

  /**
   * A runtime assert of the graph.
   *
   * @param node the {@code _assert_scalar} node's name
   * @param condition its condition, as the graph holds it (before replacements)
   */
  public record Assert(String node, BoolExpr condition) {}

  /** The graph module and its sub-graphs, depth first. */
  public static List<GraphModule> graphs(GraphModule gm) {
    List<GraphModule> out = new ArrayList<>();
    collect(gm, out);
    return out;
  }

  private static void collect(GraphModule gm, List<GraphModule> out) {
    out.add(gm);
    gm.submodules().values().forEach(s -> collect(s, out));
  }

  /** The runtime asserts. */
  public static List<Assert> asserts(GraphModule gm) {
    List<Assert> out = new ArrayList<>();
    for (GraphModule g : graphs(gm)) {
      for (Node n : g.graph().nodes()) {
        if (isOp(n, "_assert_scalar")
            && !n.args().isEmpty()
            && n.args().get(0) instanceof Node c
            && c.val() instanceof SymBool b
            && !b.isConstant()) {
          out.add(new Assert(n.name(), b.expr()));
        }
      }
    }
    return out;
  }

  /** The symbols that {@code sym_constrain_range_for_size} nodes make size-like. */
  public static Set<Sym> sizeLike(GraphModule gm) {
    Set<Sym> out = new LinkedHashSet<>();
    for (GraphModule g : graphs(gm)) {
      for (Node n : g.graph().nodes()) {
        if (isOp(n, "sym_constrain_range_for_size")
            && !n.args().isEmpty()
            && n.args().get(0) instanceof Node x
            && x.val() instanceof SymInt v
            && v.expr() instanceof Sym u) {
          out.add(u);
        }
      }
    }
    return out;
  }

  /** The symbols the values of the graphs use (before replacements). */
  public static Set<Sym> symbols(GraphModule gm) {
    Set<Sym> out = new LinkedHashSet<>();
    for (GraphModule g : graphs(gm)) {
      for (Node n : g.graph().nodes()) {
        addSymbols(n.val(), out);
      }
    }
    return out;
  }

  private static void addSymbols(Object v, Set<Sym> out) {
    if (v instanceof TensorMeta m) {
      m.sizes().forEach(s -> addSymbols(s, out));
      m.strides().forEach(s -> addSymbols(s, out));
      addSymbols(m.storageOffset(), out);
    } else if (v instanceof SymInt s) {
      out.addAll(s.expr().freeSymbols());
    } else if (v instanceof SymBool b) {
      out.addAll(b.expr().freeSymbols());
    } else if (v instanceof List<?> l) {
      l.forEach(x -> addSymbols(x, out));
    } else if (v instanceof Expr e) {
      out.addAll(e.freeSymbols());
    }
  }

  private static boolean isOp(Node n, String name) {
    return n.op() == Node.Op.CALL_FUNCTION
        && n.target() instanceof Target.Op op
        && op.op().schema().name().equals(name);
  }
}
