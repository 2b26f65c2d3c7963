package dev.symshapes.solver.smt;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * The answer of one satisfiability check.
 *
 * @param status satisfiable, unsatisfiable, or not known
 * @param reason for {@link Status#UNKNOWN}, why (Z3's reason, such as {@code canceled} when the
 *     budget ran out, or {@code not encodable: ...}); empty otherwise
 * @param core for {@link Status#UNSAT} answers of {@link SmtSolver#checkAssuming}, the indices of
 *     the assumptions that suffice for unsatisfiability, ascending; empty otherwise
 */
public record SmtResult(Status status, String reason, ImmutableList<Integer> core) {
  /** The three outcomes of a check. */
  public enum Status {
    /** The formulas have a model: some integer assignment satisfies them all. */
    SAT,
    /** No integer assignment satisfies them. */
    UNSAT,
    /** Not decided: the budget ran out, or the formulas could not be encoded. */
    UNKNOWN
  }

  /** Checks the invariants. */
  public SmtResult {
    checkNotNull(status, "status");
    checkNotNull(reason, "reason");
    checkNotNull(core, "core");
    checkArgument(
        status == Status.UNKNOWN || reason.isEmpty(),
        "reason (%s) must be empty for %s",
        reason,
        status);
    checkArgument(status == Status.UNSAT || core.isEmpty(), "core must be empty for %s", status);
  }

  /** A satisfiable answer. */
  public static SmtResult sat() {
    return new SmtResult(Status.SAT, "", ImmutableList.of());
  }

  /** An unsatisfiable answer without a core. */
  public static SmtResult unsat() {
    return new SmtResult(Status.UNSAT, "", ImmutableList.of());
  }

  /** An unsatisfiable answer with the indices of the assumptions in the core. */
  public static SmtResult unsat(ImmutableList<Integer> core) {
    return new SmtResult(Status.UNSAT, "", core);
  }

  /** An undecided answer. */
  public static SmtResult unknown(String reason) {
    return new SmtResult(Status.UNKNOWN, reason, ImmutableList.of());
  }

  /** The start of the reason of an answer that is UNKNOWN because the budget ran out. */
  public static final String BUDGET_EXHAUSTED = "budget exhausted";

  /** An answer that is UNKNOWN because the check ran out of its budget. */
  public static SmtResult budgetExhausted(String detail) {
    return unknown(BUDGET_EXHAUSTED + " (" + detail + ")");
  }

  /** True for an UNKNOWN answer caused by the resource limit or the wall-clock cap. */
  public boolean isBudgetExhausted() {
    return status == Status.UNKNOWN && reason.startsWith(BUDGET_EXHAUSTED);
  }
}
