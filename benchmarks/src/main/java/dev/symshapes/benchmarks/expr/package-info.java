/**
 * Expression benchmarks (issue 2, "Speed"): build and canonicalize, print and parse, and range
 * analysis over a shared corpus of random shape expressions ({@link
 * dev.symshapes.benchmarks.expr.ShapeCorpus}), with Symja as an in-process peer and sympy through
 * {@code benchmarks/peers/sympy_expr.py}; and the memory of interned nodes ({@link
 * dev.symshapes.benchmarks.expr.NodeFootprint}). Results: {@code benchmarks/RESULTS.md}.
 */
package dev.symshapes.benchmarks.expr;
