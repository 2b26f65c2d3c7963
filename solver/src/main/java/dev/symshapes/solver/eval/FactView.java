package dev.symshapes.solver.eval;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
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
 * facts at once (the SMT tier). Valid only during the call that received it.
 */
public interface FactView {
  /** The factory of the environment's expressions. */
  ExprFactory factory();

  /** All symbols, in creation order. */
  ImmutableList<SymbolInfo> symbols();

  /** The range of a symbol ({@code VR[-int_oo, int_oo]} when nothing is known). */
  IntRange range(Sym s);

  /** The replacements, each with its resolved target. */
  ImmutableMap<Sym, Replacement> replacements();

  /** Known divisors: {@code s % m == 0}. */
  ImmutableMap<Sym, IntValue> divisors();

  /** Guards and runtime asserts, as stated. */
  ImmutableList<Guard> guards();

  /**
   * The guards and runtime asserts as a read-only live list, without a copy: a tier that indexes
   * facts incrementally reads only the guards appended since its last call. Valid only during the
   * call.
   */
  List<Guard> guardList();

  /**
   * The replacements as a read-only live map in insertion order, without a copy (an overwritten
   * entry keeps its place). Valid only during the call.
   */
  Map<Sym, Replacement> replacementMap();

  /** The known divisors as a read-only live map, without a copy. Valid only during the call. */
  Map<Sym, IntValue> divisorMap();

  /**
   * Changes whenever any fact changes; a tier may keep state (asserted facts) between calls while
   * it is unchanged. When a failed operation is rolled back it returns to its value from before the
   * operation, with exactly the facts of that value; a value seen during the failed operation is
   * never seen again.
   */
  long version();
}
