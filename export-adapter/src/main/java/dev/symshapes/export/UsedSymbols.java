package dev.symshapes.export;

import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The symbols a finished program still uses: those in the values of its nodes (input sizes,
 * intermediate sizes, symbolic integers and booleans), after the shape environment's replacements.
 * The range constraints of an exported program list only these; PyTorch lists every symbol of its
 * shape environment, including those of re-traces that the program never mentions (the tutorial's
 * {@code u3..u7}).
 */
final class UsedSymbols {
  private UsedSymbols() {}

  /** {@code guards} with range constraints only for expressions over symbols {@code g} uses. */
  static ProducedGuards prune(ProducedGuards guards, Graph g, ShapeEnv env) {
    Set<Sym> used = new HashSet<>();
    for (Node n : g.nodes()) {
      collect(n.val(), env, used);
    }
    ImmutableMap.Builder<IntExpr, IntRange> ranges = ImmutableMap.builder();
    boolean changed = false;
    for (Map.Entry<IntExpr, IntRange> e : guards.rangeConstraints().entrySet()) {
      if (used.containsAll(e.getKey().freeSymbols())) {
        ranges.put(e);
      } else {
        changed = true;
      }
    }
    if (!changed) {
      return guards;
    }
    return new ProducedGuards(
        guards.bindings(), guards.pythonGuards(), ranges.build(), guards.residualChecks());
  }

  private static void collect(Object val, ShapeEnv env, Set<Sym> out) {
    if (val instanceof TensorMeta m) {
      for (SymInt s : m.sizes()) {
        collect(s, env, out);
      }
    } else if (val instanceof SymInt s) {
      add(s.expr(), env, out);
    } else if (val instanceof SymBool b) {
      add(b.expr(), env, out);
    } else if (val instanceof Iterable<?> it) {
      for (Object o : it) {
        collect(o, env, out);
      }
    }
  }

  private static void add(Expr e, ShapeEnv env, Set<Sym> out) {
    if (e.freeSymbols().isEmpty()) {
      return;
    }
    // ShapeEnv.replace has one overload per kind of expression.
    Expr replaced = e instanceof IntExpr i ? env.replace(i) : env.replace((BoolExpr) e);
    out.addAll(replaced.freeSymbols());
  }
}
