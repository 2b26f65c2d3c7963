/**
 * Benchmarks of the SMT tier: warmed latency of a query that reaches Z3, the cold start of loading
 * Z3, the cost of an environment that uses Z3, and the share of tutorial queries that reach tier 4.
 */
package dev.symshapes.benchmarks.smt;
