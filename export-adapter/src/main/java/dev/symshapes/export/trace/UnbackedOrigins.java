package dev.symshapes.export.trace;

import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.OpDef;
import java.util.List;

/**
 * The Java spelling of where a data-dependent value comes from, for messages: {@code x.item()},
 * {@code y.select(0, 1).item()} (an element of {@code y.tolist()}). Java keeps no names of local
 * variables at run time, so the value is named by the call that produced it, on inputs named as the
 * model's {@code forward} names them. Values without such a short spelling get none (and keep their
 * symbol's name, {@code u0}).
 */
final class UnbackedOrigins {
  /** Longest spelling worth showing; longer chains are harder to read than {@code u0}. */
  private static final int MAX_LENGTH = 60;

  private UnbackedOrigins() {}

  /**
   * The spelling of {@code op(args)} when {@code op} produces a data-dependent value, else null.
   */
  static String describe(OpDef op, List<Object> nodeArgs) {
    if (!op.schema().name().equals("item") || nodeArgs.isEmpty()) {
      return null;
    }
    String base = tensor(nodeArgs.get(0));
    if (base == null) {
      return null;
    }
    String out = base + ".item()";
    return out.length() <= MAX_LENGTH ? out : null;
  }

  private static String tensor(Object arg) {
    if (!(arg instanceof Node n)) {
      return null;
    }
    if (n.op() == Node.Op.PLACEHOLDER) {
      return n.name();
    }
    if (n.op() == Node.Op.CALL_FUNCTION
        && n.target() instanceof Target.Op t
        && t.op().schema().name().equals("select")
        && n.args().size() == 3
        && n.args().get(1) instanceof Long dim
        && n.args().get(2) instanceof Long index) {
      String base = tensor(n.args().get(0));
      return base == null ? null : base + ".select(" + dim + ", " + index + ")";
    }
    return null;
  }
}
