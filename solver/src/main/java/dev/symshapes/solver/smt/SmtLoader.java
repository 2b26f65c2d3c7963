package dev.symshapes.solver.smt;

import dev.symshapes.solver.smt.internal.Z3Loader;

/**
 * Opens SMT solvers; the SMT tier calls it the first time it needs a solver, never before, so a
 * process that never reaches tier 4 never loads Z3.
 */
@FunctionalInterface
public interface SmtLoader {
  /**
   * A new solver with the given budget.
   *
   * @throws SmtUnavailableException if the backend cannot be loaded in this process
   */
  SmtSolver open(SmtOptions options) throws SmtUnavailableException;

  /**
   * Z3 through {@code tools.aqua:z3-turnkey}, whose native library is unpacked and loaded on first
   * use. If that fails, {@link #open} throws and the first failure is logged as a warning (once per
   * process: this loader is a single instance).
   */
  static SmtLoader z3() {
    return Z3Loader.standard();
  }
}
