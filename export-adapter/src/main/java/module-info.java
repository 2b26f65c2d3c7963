/**
 * symshapes-export: the tracer SPI, the reference tracer and model API, the op registry with meta
 * and reference kernels, the graph IR, exported programs, and the symshapes CLI.
 */
module dev.symshapes.export {
  requires transitive dev.symshapes.solver;
  requires transitive dev.symshapes.expr;
  requires transitive com.google.common;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;

  exports dev.symshapes.export;
  exports dev.symshapes.export.spi;
  exports dev.symshapes.export.tensor;
  exports dev.symshapes.export.ops;
  exports dev.symshapes.export.trace;
  exports dev.symshapes.export.graph;
  exports dev.symshapes.export.program;
  exports dev.symshapes.export.dynamic;
  exports dev.symshapes.export.tutorial;
  exports dev.symshapes.export.tutorial.models;
  exports dev.symshapes.export.serde;
  exports dev.symshapes.export.passes;

  // The CLI is not API; picocli reads its annotations reflectively.
  opens dev.symshapes.export.cli to
      info.picocli;
}
