/**
 * The reference tracer and the model API: {@link dev.symshapes.export.trace.Module}, {@link
 * dev.symshapes.export.trace.Tensor} and {@link dev.symshapes.export.trace.Torch} run on concrete
 * data, or are recorded by a {@link dev.symshapes.export.trace.Tracer} while a model is exported
 * ({@link dev.symshapes.export.trace.Dispatch} decides which).
 *
 * <p>Data-dependent control flow goes through {@link dev.symshapes.export.trace.ControlFlow}
 * ({@code cond}, {@code map}, {@code whileLoop}, {@code scan}), whose functions are traced into
 * sub-graphs; a Java {@code if} on a traced tensor's value fails with a {@link
 * dev.symshapes.export.trace.ControlFlowException} that points to {@code cond}.
 */
package dev.symshapes.export.trace;
