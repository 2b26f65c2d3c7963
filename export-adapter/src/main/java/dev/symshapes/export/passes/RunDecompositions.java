package dev.symshapes.export.passes;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.program.GraphSignature.ArgumentType;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.program.GraphSignature.OutputSpec;
import dev.symshapes.export.program.InputKind;
import dev.symshapes.export.program.OutputKind;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.TraceAccess;
import dev.symshapes.export.trace.Tracer;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.ShapeEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PyTorch's {@code ExportedProgram.run_decompositions(table)}: the program traced again with every
 * mutation made functional and the ops of {@code table} decomposed. In the new program no op
 * mutates its inputs; the new values of mutated buffers and user inputs are outputs, listed first
 * (in placeholder order) as {@code BUFFER_MUTATION} and {@code USER_INPUT_MUTATION}, before the
 * user outputs. Symbols, range constraints, guards and state are those of the original program.
 *
 * <p>The tutorial's T23: the training IR's {@code add_ = aten.add_.Tensor(b_bn_num_batches_tracked,
 * 1)} becomes {@code add = aten.add.Tensor(b_bn_num_batches_tracked, 1)}, and {@code batch_norm}
 * becomes {@code _native_batch_norm_legit_functional} with {@code getitem} 0, 3 and 4; the program
 * returns {@code (getitem_3, getitem_4, add, getitem)}.
 */
public final class RunDecompositions {
  private RunDecompositions() {}

  /**
   * The functionalized and decomposed program.
   *
   * @throws FunctionalizationException when a mutation cannot be made functional
   */
  public static ExportedProgram run(ExportedProgram ep, DecompositionTable table) {
    checkNotNull(ep, "ep");
    checkNotNull(table, "table");
    ShapeEnv env = ep.shapeEnv();
    Tracer tracer = new Tracer(env);
    Graph old = ep.graph();
    List<Object> inputs = new ArrayList<>();
    List<Node> oldInputs = old.placeholders();
    for (int i = 0; i < oldInputs.size(); i++) {
      Node p = oldInputs.get(i);
      Object val = p.val();
      if (val instanceof TensorMeta m) {
        Tensor t = tracer.tensorInput(p.name(), m);
        if (ep.graphSignature().inputs().get(i).kind() != InputKind.USER_INPUT) {
          tracer.markState(t); // parameters, buffers, constants: bodies may use them
        }
        inputs.add(t);
      } else if (val instanceof SymInt s && !s.isConstant()) {
        inputs.add(tracer.symIntInput(p.name(), s.expr()));
      } else {
        tracer.constantInput(p.name(), val);
        inputs.add(val instanceof SymInt s ? s.constantValue() : val);
      }
    }
    tracer.replayUnbacked(unbackedSymbols(old, env));
    Retracer retracer = new Retracer(table);
    List<Object> outs = tracer.run(() -> retracer.run(ep.graphModule(), inputs));

    GraphSignature sig = ep.graphSignature();
    List<Object> graphOutputs = new ArrayList<>();
    List<OutputSpec> outSpecs = new ArrayList<>();
    List<Node> placeholders = old.placeholders();
    for (int i = 0; i < placeholders.size(); i++) {
      Object v = retracer.mutatedInputs().get(placeholders.get(i));
      if (v == null) {
        continue;
      }
      InputSpec in = sig.inputs().get(i);
      OutputKind kind;
      String target;
      if (in.kind() == InputKind.BUFFER) {
        kind = OutputKind.BUFFER_MUTATION;
        target = in.target().orElseThrow();
      } else if (in.kind() == InputKind.USER_INPUT) {
        kind = OutputKind.USER_INPUT_MUTATION;
        target = in.name();
      } else {
        throw new FunctionalizationException(
            "the program mutates its "
                + in.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " '"
                + in.name()
                + "', which cannot be an output of a functional program");
      }
      Object node = TraceAccess.graphArg(tracer, v);
      graphOutputs.add(node);
      outSpecs.add(
          new OutputSpec(kind, ((Node) node).name(), ArgumentType.TENSOR, Optional.of(target)));
    }
    for (int i = 0; i < outs.size(); i++) {
      Object node = TraceAccess.graphArg(tracer, outs.get(i));
      OutputSpec o = sig.outputs().get(i);
      graphOutputs.add(node);
      outSpecs.add(
          new OutputSpec(
              o.kind(),
              node instanceof Node n ? n.name() : o.name(),
              o.argumentType(),
              o.target(),
              o.value()));
    }
    Graph g = tracer.graph();
    g.output(graphOutputs);
    g.eliminateDeadCode(RunDecompositions::hasSideEffect);
    return new ExportedProgram(
        tracer.graphModule(),
        new GraphSignature(sig.inputs(), ImmutableList.copyOf(outSpecs)),
        ep.stateDict(),
        ep.constants(),
        ep.guards(),
        env,
        ep.userInputNames(),
        ep.argsSpec(),
        ep.outSpec());
  }

  /**
   * The data-dependent symbols the graph defines ({@code item}), in order: tracing again reuses
   * them, so that range constraints and runtime asserts keep their meaning.
   */
  private static List<Sym> unbackedSymbols(Graph g, ShapeEnv env) {
    List<Sym> out = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.op() == Node.Op.CALL_FUNCTION
          && n.target() instanceof Target.Op
          && n.val() instanceof SymInt s
          && s.expr() instanceof Sym sym
          && env.symbolInfo(sym).isUnbacked()
          && !out.contains(sym)) {
        out.add(sym);
      }
    }
    return out;
  }

  /** Calls that stay when unused: asserts (no op mutates after functionalization). */
  private static boolean hasSideEffect(Node n) {
    if (n.target() instanceof Target.Op t) {
      OpDef op = t.op();
      String name = op.schema().name();
      return op.mutates()
          || name.equals("_assert_scalar")
          || name.equals("_assert_async")
          || name.startsWith("sym_constrain_range");
    }
    return false;
  }
}
