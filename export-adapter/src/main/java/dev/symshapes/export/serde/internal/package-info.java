/**
 * The codecs behind {@link dev.symshapes.export.serde}: JSON access with path-naming errors ({@link
 * dev.symshapes.export.serde.internal.Json}), the sympy {@code srepr} form of expressions,
 * tree-spec strings, the graph, signature and program encoders and decoders, the re-created shape
 * environment, and the {@code .pt2} writer and defensive reader. Not exported by the module.
 */
package dev.symshapes.export.serde.internal;
