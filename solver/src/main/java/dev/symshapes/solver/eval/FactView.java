package dev.symshapes.solver.eval;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.SymbolInfo;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of everything a shape environment knows, for decision tiers that reason over all
 * facts at once (the SMT tier). Valid only during the call that received it: the collections are
 * live, unmodifiable views of the environment's state, not copies, so that a tier pays nothing for
 * facts it does not read.
 */
public interface FactView {
  /** The factory of the environment's expressions. */
  ExprFactory factory();

  /** All symbols, in creation order. */
  List<SymbolInfo> symbols();

  /** The range of a symbol ({@code VR[-int_oo, int_oo]} when nothing is known). */
  IntRange range(Sym s);

  /**
   * The replacements, each with its resolved target, in insertion order (an overwritten entry keeps
   * its place).
   */
  Map<Sym, Replacement> replacements();

  /** Known divisors: {@code s % m == 0}. */
  Map<Sym, IntValue> divisors();

  /**
   * Guards and runtime asserts, as stated, in the order they were added: a tier that indexes facts
   * incrementally reads only the guards appended since its last call.
   */
  List<Guard> guards();

  /**
   * Changes whenever any fact changes; a tier may keep state (asserted facts) between calls while
   * it is unchanged. When a failed operation is rolled back it returns to its value from before the
   * operation, with exactly the facts of that value; a value seen during the failed operation is
   * never seen again.
   */
  long version();
}
