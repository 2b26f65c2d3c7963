/**
 * Passes over exported programs: functionalization (in-place ops become functional ops, mutated
 * buffers and inputs become outputs) and decompositions (an op replaced by a Java function traced
 * into the graph), as PyTorch's {@code ExportedProgram.run_decompositions}.
 *
 * <pre>{@code
 * ExportedProgram inference = ep.runDecompositions(DecompositionTable.empty());   // functional IR
 * ExportedProgram core = ep.runDecompositions(Decompositions.defaultDecompositions());
 * }</pre>
 */
package dev.symshapes.export.passes;
