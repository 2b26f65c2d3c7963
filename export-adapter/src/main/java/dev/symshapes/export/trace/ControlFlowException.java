package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A model broke a rule of data-dependent control flow while it was exported: a Java {@code if} on a
 * traced tensor's value (use {@link ControlFlow#cond} instead), or a call of {@link
 * ControlFlow#cond}, {@link ControlFlow#map}, {@link ControlFlow#whileLoop} or {@link
 * ControlFlow#scan} that does not meet the operator's restrictions. {@link #rule()} says which
 * rule; the message names it in words, with the operator and the offending value.
 */
public final class ControlFlowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The rules of control flow in exported programs. */
  public enum Rule {
    /** Java control flow on a traced tensor's value: the value is not known while exporting. */
    DATA_DEPENDENT_BRANCH,
    /** {@code cond}'s predicate is a boolean, a {@code SymBool} or a one-element tensor. */
    PREDICATE,
    /** Operands, mapped inputs and carried values are tensors, with consistent leading sizes. */
    OPERANDS,
    /**
     * Bodies return tensors; both branches of {@code cond} return as many tensors, with the same
     * dtype and shape; loop bodies return what they were given.
     */
    OUTPUTS,
    /** A body does not mutate its inputs (in-place ops on its own intermediates are allowed). */
    INPUT_MUTATION,
    /** A body does not return one of its inputs, or a view of one: it returns a new tensor. */
    INPUT_ALIAS,
    /**
     * A body uses only what it is given: no tensors or symbolic values captured from outside,
     * except module state (parameters, buffers, constants), which is passed in automatically.
     */
    CAPTURE
  }

  private final Rule rule;

  ControlFlowException(Rule rule, String message) {
    super(message);
    this.rule = checkNotNull(rule, "rule");
  }

  /** The rule that was broken. */
  public Rule rule() {
    return rule;
  }

  /** T02: a Java branch on a traced tensor. */
  static ControlFlowException dataDependentBranch() {
    return new ControlFlowException(
        Rule.DATA_DEPENDENT_BRANCH,
        "Dynamic control flow is not supported at the moment. Please use"
            + " dev.symshapes.export.trace.ControlFlow.cond to explicitly capture the control"
            + " flow. (A Java if or loop asked for the value of a traced tensor, which is not known"
            + " while exporting.)");
  }

  /** A body ({@code "cond's true_fn"}) used {@code what}, which it was not given. */
  static ControlFlowException capture(String body, String what) {
    return new ControlFlowException(
        Rule.CAPTURE,
        body
            + " uses "
            + what
            + " that it was not given: the bodies of control-flow operators cannot access"
            + " closure variables; pass it in the operands instead.");
  }
}
