/** The Z3 backend of the SMT tier: loading, encoding, solving. Not exported. */
package dev.symshapes.solver.smt.internal;
