/**
 * JMH benchmarks of the export adapter: exporting the tutorial's {@code DynamicModel} end to end
 * ({@link dev.symshapes.benchmarks.export.ExportBenchmark}) and checking the inputs of its exported
 * module ({@link dev.symshapes.benchmarks.export.InputCheckBenchmark}). Figures and commands are in
 * {@code benchmarks/RESULTS.md}, section "Export".
 */
package dev.symshapes.benchmarks.export;
