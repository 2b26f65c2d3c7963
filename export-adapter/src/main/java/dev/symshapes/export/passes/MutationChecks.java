package dev.symshapes.export.passes;

import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalInt;

/**
 * The mutations functionalization can make functional: an in-place op may mutate a tensor, or the
 * result of an in-place op on it, but not a view of another tensor, and no view of the mutated
 * tensor may be used after the mutation (the view would have to see the new values, which needs
 * view replay that symshapes does not do). Anything else fails before the program is changed.
 */
final class MutationChecks {
  private MutationChecks() {}

  /**
   * Checks every mutation of {@code g}.
   *
   * @throws FunctionalizationException naming the node, the op and the view
   */
  static void check(Graph g) {
    IdentityHashMap<Node, Integer> order = new IdentityHashMap<>();
    for (Node n : g.nodes()) {
      order.put(n, order.size());
    }
    for (Node n : g.nodes()) {
      for (int p : mutatedPositions(n)) {
        if (!(n.args().get(p) instanceof Node target)) {
          continue;
        }
        Node base = inPlaceBase(target);
        Node storage = storage(base);
        if (storage != base) {
          throw new FunctionalizationException(
              "cannot functionalize node '"
                  + n.name()
                  + "' ("
                  + opName(n)
                  + "): it mutates '"
                  + base.name()
                  + "', a view of '"
                  + storage.name()
                  + "'; mutations through views are not supported");
        }
        for (Node v : g.nodes()) {
          if (order.get(v) >= order.get(n) || !isView(v) || storage(v) != base) {
            continue;
          }
          for (Node u : g.users(v)) {
            if (order.get(u) > order.get(n)) {
              throw new FunctionalizationException(
                  "cannot functionalize node '"
                      + n.name()
                      + "' ("
                      + opName(n)
                      + "): '"
                      + v.name()
                      + "' is a view of the mutated '"
                      + base.name()
                      + "' and is used after the mutation (by node '"
                      + u.name()
                      + "'); views that see a mutation are not supported");
            }
          }
        }
      }
    }
  }

  /** The argument positions {@code n} mutates (in place, or batch norm's running statistics). */
  private static List<Integer> mutatedPositions(Node n) {
    List<Integer> out = new ArrayList<>();
    if (!(n.target() instanceof Target.Op t)) {
      return out;
    }
    List<OpSchema.Argument> params = t.op().schema().arguments();
    for (int i = 0; i < params.size() && i < n.args().size(); i++) {
      if (params.get(i).mutated()) {
        out.add(i);
      }
    }
    if (t.op() == AtenOps.BATCH_NORM
        && n.args().size() > 5
        && Boolean.TRUE.equals(n.args().get(5))) {
      out.add(3);
      out.add(4);
    }
    return out;
  }

  /** The tensor {@code n} is, through in-place ops: the first node of its in-place chain. */
  private static Node inPlaceBase(Node n) {
    Node a = n;
    while (true) {
      OptionalInt p = Retracer.inPlaceArgument(a);
      if (p.isEmpty() || !(a.args().get(p.getAsInt()) instanceof Node prev)) {
        return a;
      }
      a = prev;
    }
  }

  /** The node whose storage {@code n} uses, through views and in-place ops. */
  private static Node storage(Node n) {
    Node a = n;
    while (a.target() instanceof Target.Op t) {
      OptionalInt p = t.op().schema().aliasedArgument();
      if (p.isEmpty()
          || p.getAsInt() >= a.args().size()
          || !(a.args().get(p.getAsInt()) instanceof Node prev)) {
        break;
      }
      a = prev;
    }
    return a;
  }

  private static boolean isView(Node n) {
    return n.target() instanceof Target.Op t
        && !t.op().mutates()
        && t.op().schema().aliasedArgument().isPresent();
  }

  private static String opName(Node n) {
    return ((Target.Op) n.target()).op().qualifiedName();
  }
}
