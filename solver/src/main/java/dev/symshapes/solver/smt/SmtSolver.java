package dev.symshapes.solver.smt;

import dev.symshapes.expr.BoolExpr;
import java.util.List;

/**
 * An incremental SMT solver over symshapes expressions: facts are asserted once and stay until
 * {@link #reset()}, or until the {@link #pop()} of the scope they were added in; each check adds
 * its extra formulas in a scope of its own (push/pop), so checks do not affect each other. Integers
 * are mathematical integers; {@code //} and {@code %} have Python's floor semantics for every sign
 * of the divisor; {@code Min}, {@code Max}, {@code Where}, natural powers and boolean connectives
 * are encoded exactly. A formula that cannot be encoded (one containing {@code int_oo}, or a power
 * beyond the encoder's limit) is refused, never approximated.
 *
 * <p>Every check runs within the budget of its {@link SmtOptions}; running out of it gives {@link
 * SmtResult.Status#UNKNOWN}, never a guess. An instance owns native resources: use it from one
 * thread at a time and {@link #close()} it.
 */
public interface SmtSolver extends AutoCloseable {
  /**
   * Asserts {@code fact} until the next {@link #reset()}.
   *
   * @return false, and nothing is asserted, when the fact cannot be encoded (dropping a fact is
   *     sound: the solver then knows less)
   */
  boolean addFact(BoolExpr fact);

  /** Removes every fact (and every open scope). */
  void reset();

  /**
   * Opens a scope: the facts added from now on are removed by the matching {@link #pop()}, those
   * added before stay. The SMT tier asserts each query's facts in a scope of its own.
   */
  void push();

  /**
   * Closes the innermost scope opened by {@link #push()}, removing the facts added in it.
   *
   * @throws IllegalStateException if no scope is open
   */
  void pop();

  /** Whether the facts and {@code extra} can all hold at once. */
  SmtResult check(BoolExpr extra);

  /**
   * Whether the facts, the {@code assumptions} and {@code extra} can all hold at once; when they
   * cannot, the result's {@link SmtResult#core()} names assumptions (by index) that already
   * conflict with the facts and {@code extra}. The core is what Z3 found, not necessarily the
   * smallest.
   */
  SmtResult checkAssuming(List<BoolExpr> assumptions, BoolExpr extra);

  /** Releases the native resources; the solver cannot be used afterwards. */
  @Override
  void close();
}
