package dev.symshapes.export;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.program.GraphSignature.ArgumentType;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.program.GraphSignature.OutputSpec;
import dev.symshapes.export.program.InputKind;
import dev.symshapes.export.program.OutputKind;
import dev.symshapes.export.program.TreeSpec;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.TraceAccess;
import dev.symshapes.export.trace.Tracer;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.constraint.DimConstraints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code torch.export.export} for Java models: traces {@code module.forward} on the example inputs
 * and returns an {@link ExportedProgram}.
 *
 * <pre>{@code
 * ExportedProgram ep = Export.export(new MyModule(), new Object[] {x, y});
 * ExportedProgram dyn = Export.export(model, args, Map.of("x", List.of(Dim.AUTO, Dim.STATIC)));
 * Object out = ep.module().call(x2, y2);
 * }</pre>
 *
 * <p>Inputs may be tensors, integers ({@code Integer}, {@code Long}), booleans, floats, strings,
 * {@code null}, and lists or arrays of these. Integers, booleans, floats and strings are
 * specialized: the program keeps a placeholder for them, checks at run time that they are equal to
 * the example, and uses the example's value in the graph, as {@code torch.export} does; an integer
 * whose spec is {@link Dim#AUTO} or {@link Dim#DYNAMIC} becomes a symbol instead (the model's
 * {@code forward} then receives a {@link SymInt}).
 *
 * <p>The dynamic-shape spec maps input names to: {@code null} (every dimension static; the only
 * choice for booleans, floats and strings); for a tensor, a {@code List} (or array) with one entry
 * per dimension, or a {@code Map<Integer, ?>} from dimension index to entry (other dimensions
 * static); for a list input, a list of specs. An entry is {@link Dim#AUTO}, {@link Dim#DYNAMIC},
 * {@link Dim#STATIC}, a named dim ({@code Dim.of("dx", 4, 256)}), a derived dim ({@code
 * dx.times(2).plus(1)}), {@code null} (static), or an integer: static, and the example must have
 * that size. Inputs missing from the map are static. Use a map that allows {@code null} values
 * ({@code HashMap}) to write {@code null} entries. The same named dim on several dimensions makes
 * them equal; after the trace, the program's facts are compared with the spec and every
 * disagreement is reported at once, with suggested fixes.
 *
 * <p>{@code forward} may return tensors, {@link SymInt}s, {@link SymBool}s, constants, {@code
 * null}, and lists or arrays of these; the program's module returns them in the same structure.
 */
public final class Export {
  private Export() {}

  /** Exports with static shapes. */
  public static ExportedProgram export(Module module, Object[] args) {
    return export(module, args, Map.of(), ShapeEnv.builder());
  }

  /** Exports with a dynamic-shape spec (see the class documentation). */
  public static ExportedProgram export(Module module, Object[] args, Map<String, ?> dynamicShapes) {
    return export(module, args, dynamicShapes, ShapeEnv.builder());
  }

  /**
   * Exports with a spec and shape-environment settings (listeners, logging, extra tiers).
   *
   * @throws dev.symshapes.export.dynamic.DynamicShapesException if the spec does not fit the inputs
   *     (the message names the spec path, such as {@code dynamic_shapes['y'][0]})
   * @throws dev.symshapes.solver.constraint.ConstraintViolationException if the program needs
   *     something the spec does not allow (a {@code Dim.DYNAMIC} or named dim specialized, named
   *     dims related, a narrower range), with suggested fixes ({@link
   *     dev.symshapes.export.dynamic.DynamicShapes#refine} applies them)
   * @throws dev.symshapes.solver.DataDependentException if the model's code needs the value of data
   *     (an {@code item()}) that {@code check(...)} calls have not bounded enough
   * @throws dev.symshapes.solver.ContradictionException if an integer in the spec is not the
   *     example's size ({@code Static shape constraint of 5 does not match input size of 4, for
   *     L['x'].size()[0]})
   */
  public static ExportedProgram export(
      Module module, Object[] args, Map<String, ?> dynamicShapes, ShapeEnv.Builder settings) {
    return export(module, args, dynamicShapes, settings, ExportMode.NON_STRICT);
  }

  /**
   * Exports with a spec, shape-environment settings, and the front end whose node names the program
   * follows ({@link ExportMode}); throws as {@link #export(Module, Object[], Map,
   * ShapeEnv.Builder)}.
   */
  public static ExportedProgram export(
      Module module,
      Object[] args,
      Map<String, ?> dynamicShapes,
      ShapeEnv.Builder settings,
      ExportMode mode) {
    checkNotNull(mode, "mode");
    checkNotNull(module, "module");
    checkNotNull(args, "args");
    checkNotNull(dynamicShapes, "dynamicShapes");
    checkNotNull(settings, "settings");
    List<String> names = module.forwardParameterNames();
    checkArgument(
        names.size() == args.length,
        "%s.forward takes %s inputs (%s) but %s example inputs were given",
        module.getClass().getSimpleName(),
        names.size(),
        String.join(", ", names),
        args.length);
    ExportInputs.checkKeys(names, dynamicShapes);
    ShapeEnv env = settings.build();
    Tracer tracer = new Tracer(env);
    Graph g = tracer.graph();
    IdentityHashMap<Node, InputSpec> stateSpecs = new IdentityHashMap<>();
    Map<String, TensorData> state = new LinkedHashMap<>();
    Map<Tensor, Object> swapped = new LinkedHashMap<>();
    try {
      liftState(module, tracer, true, stateSpecs, state, swapped);
      liftState(module, tracer, false, stateSpecs, state, swapped);
      SpecDims dims = new SpecDims();
      ExportInputs inputs = new ExportInputs(tracer, dims);
      Object[] fakeArgs = new Object[args.length];
      List<TreeSpec> argSpecs = new ArrayList<>(args.length);
      for (int i = 0; i < args.length; i++) {
        String name = names.get(i);
        TreeSpec[] spec = new TreeSpec[1];
        fakeArgs[i] =
            inputs.add(
                name,
                "['" + name + "']",
                "L['" + name + "']",
                args[i],
                dynamicShapes.get(name),
                spec);
        argSpecs.add(spec[0]);
      }
      dims.finishInputs(env);
      Object result = tracer.run(() -> module.call(fakeArgs));

      ExportOutputs outputs = new ExportOutputs(tracer);
      TreeSpec outSpec = outputs.flatten(result, "");
      g.output(outputs.graphOutputs());
      // Asserts on data-dependent values first: they use nodes (item) nothing else may use.
      RuntimeAssertPass.run(tracer, mode);
      g.eliminateDeadCode(Export::hasSideEffect);

      // Lifted constants come after parameters and buffers and before the user inputs.
      Node firstUser = inputs.leaves().isEmpty() ? null : inputs.leaves().get(0).node();
      Map<String, TensorData> constants = new LinkedHashMap<>();
      IdentityHashMap<Node, InputSpec> constantSpecs = new IdentityHashMap<>();
      for (Node c : tracer.liftedConstantNodes()) {
        if (firstUser != null) {
          g.moveBefore(c, firstUser);
        }
        String target = c.name().substring("c_".length());
        constants.put(target, constantData(tracer, c));
        constantSpecs.put(
            c,
            new InputSpec(
                InputKind.CONSTANT_TENSOR,
                c.name(),
                ArgumentType.TENSOR,
                Optional.of(target),
                Optional.empty()));
      }

      // torch.export re-traces; replaying the user's checks logs what they now decide.
      for (SymBool c : tracer.userChecks()) {
        env.check(c.expr());
      }
      dims.addEqualities(env);
      ProducedGuards guards = env.produceGuards();
      DimConstraints.check(env, guards, dims.constraints()).throwIfViolated();
      guards = UsedSymbols.prune(guards, g, env);

      Map<Node, InputSpec> userSpecs = new HashMap<>();
      for (ExportInputs.Leaf l : inputs.leaves()) {
        userSpecs.put(
            l.node(),
            new InputSpec(
                InputKind.USER_INPUT,
                l.node().name(),
                l.type(),
                Optional.empty(),
                Optional.empty()));
      }
      List<InputSpec> inputSpecs = new ArrayList<>();
      for (Node p : g.placeholders()) {
        InputSpec s = stateSpecs.get(p);
        if (s == null) {
          s = constantSpecs.get(p);
        }
        if (s == null) {
          s = userSpecs.get(p);
        }
        if (s == null) {
          throw new IllegalStateException("placeholder " + p + " has no input spec");
        }
        inputSpecs.add(s);
      }
      return new ExportedProgram(
          tracer.graphModule(),
          new GraphSignature(ImmutableList.copyOf(inputSpecs), outputs.specs()),
          ImmutableMap.copyOf(state),
          ImmutableMap.copyOf(constants),
          guards,
          env,
          ImmutableList.copyOf(names),
          TreeSpec.tuple(argSpecs),
          outSpec);
    } finally {
      for (Map.Entry<Tensor, Object> e : swapped.entrySet()) {
        TraceAccess.restore(tracer, e.getKey(), e.getValue());
      }
    }
  }

  private static void liftState(
      Module module,
      Tracer tracer,
      boolean parameters,
      IdentityHashMap<Node, InputSpec> specs,
      Map<String, TensorData> state,
      Map<Tensor, Object> swapped) {
    Map<String, Tensor> tensors = parameters ? module.namedParameters() : module.namedBuffers();
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      String ph = (parameters ? "p_" : "b_") + e.getKey().replace('.', '_');
      Tensor fake = tracer.staticInput(ph, e.getValue().data());
      state.put(e.getKey(), e.getValue().data());
      swapped.put(e.getValue(), TraceAccess.swapIn(tracer, e.getValue(), fake));
      Node n = (Node) TraceAccess.nodeOf(tracer, fake);
      specs.put(
          n,
          new InputSpec(
              parameters ? InputKind.PARAMETER : InputKind.BUFFER,
              ph,
              ArgumentType.TENSOR,
              Optional.of(e.getKey()),
              parameters ? Optional.empty() : Optional.of(true)));
    }
  }

  private static TensorData constantData(Tracer tracer, Node c) {
    for (Map.Entry<String, TensorData> e : tracer.liftedConstants()) {
      if (e.getKey().equals(c.name())) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("no data for lifted constant " + c);
  }

  /** Calls that must stay even when unused: mutations and asserts (FX's impure nodes). */
  static boolean hasSideEffect(Node n) {
    if (n.target() instanceof Target.Op op) {
      String name = op.op().schema().name();
      return op.op().mutates()
          || name.equals("_assert_scalar")
          || name.equals("_assert_async")
          || name.startsWith("sym_constrain_range");
    }
    return false;
  }

  /** The user-facing outputs of a trace: the graph's output values and their signature. */
  static final class ExportOutputs {
    private final Tracer tracer;
    private final List<Object> graphOutputs = new ArrayList<>();
    private final List<OutputSpec> specs = new ArrayList<>();

    ExportOutputs(Tracer tracer) {
      this.tracer = tracer;
    }

    List<Object> graphOutputs() {
      return graphOutputs;
    }

    ImmutableList<OutputSpec> specs() {
      return ImmutableList.copyOf(specs);
    }

    TreeSpec flatten(Object result, String path) {
      if (result == null) {
        return TreeSpec.none();
      }
      if (result instanceof List<?> || result instanceof Object[]) {
        List<?> items = result instanceof List<?> l ? l : List.of((Object[]) result);
        List<TreeSpec> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          children.add(flatten(items.get(i), path + "[" + i + "]"));
        }
        return result instanceof Object[] ? TreeSpec.tuple(children) : TreeSpec.list(children);
      }
      if (result instanceof Tensor t) {
        Object n = TraceAccess.nodeOf(tracer, t);
        graphOutputs.add(n);
        specs.add(
            new OutputSpec(
                OutputKind.USER_OUTPUT, ((Node) n).name(), ArgumentType.TENSOR, Optional.empty()));
        return TreeSpec.leaf();
      }
      if (result instanceof SymInt s && !s.isConstant()) {
        Object n = TraceAccess.symArg(tracer, s);
        if (n instanceof Node node) {
          graphOutputs.add(node);
          specs.add(
              new OutputSpec(
                  OutputKind.USER_OUTPUT, node.name(), ArgumentType.SYM_INT, Optional.empty()));
          return TreeSpec.leaf();
        }
        return constant(n, result);
      }
      if (result instanceof SymBool b && !b.isConstant()) {
        if (!(TraceAccess.symBoolArg(tracer, b) instanceof Node node)) {
          throw new UnsupportedOperationException(
              "forward returned the symbolic boolean "
                  + b
                  + " at output"
                  + path
                  + ", which no node of the graph computes");
        }
        graphOutputs.add(node);
        specs.add(
            new OutputSpec(
                OutputKind.USER_OUTPUT, node.name(), ArgumentType.SYM_BOOL, Optional.empty()));
        return TreeSpec.leaf();
      }
      if (result instanceof SymInt s) {
        return constant(s.constantValue(), result);
      }
      if (result instanceof SymBool b) {
        return constant(b.expr().isTrue(), result);
      }
      if (result instanceof Integer
          || result instanceof Long
          || result instanceof Short
          || result instanceof Byte) {
        return constant(((Number) result).longValue(), result);
      }
      if (result instanceof Double || result instanceof Float) {
        return constant(((Number) result).doubleValue(), result);
      }
      if (result instanceof Boolean || result instanceof String) {
        return constant(result, result);
      }
      throw new IllegalArgumentException(
          "forward returned a "
              + result.getClass().getName()
              + " at output"
              + path
              + "; outputs must be tensors, SymInts, SymBools, constants, null, or lists/arrays"
              + " of them");
    }

    private TreeSpec constant(Object graphValue, Object javaValue) {
      graphOutputs.add(graphValue);
      specs.add(
          new OutputSpec(
              OutputKind.USER_OUTPUT,
              "",
              ArgumentType.CONSTANT,
              Optional.empty(),
              Optional.of(javaValue)));
      return TreeSpec.leaf();
    }
  }
}
