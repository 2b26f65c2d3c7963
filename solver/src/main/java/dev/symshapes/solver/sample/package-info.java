/**
 * Sampling concrete shapes from a shape environment's final facts: {@link
 * dev.symshapes.solver.sample.ShapeSampler} draws input sizes that satisfy every rule of a program
 * (static sizes, symbol ranges, derived forms, relations, remaining guards), and sizes that break
 * exactly one chosen rule. Property tests of shape logic use it with any property-testing library:
 * the randomness comes from a {@link java.util.Random} the caller seeds.
 */
package dev.symshapes.solver.sample;
