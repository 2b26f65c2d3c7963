/**
 * JMH benchmarks of the shape environment: the tutorial's DynamicModel replayed through the {@code
 * ShapeEnv} API, scaling with the number of symbols, and the runtime-assert pile-up of PyTorch
 * issue #123964. Results and commands are in {@code benchmarks/RESULTS.md}, section "Shape
 * environment".
 */
package dev.symshapes.benchmarks.solver;
