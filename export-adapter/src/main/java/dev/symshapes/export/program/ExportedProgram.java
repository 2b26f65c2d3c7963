package dev.symshapes.export.program;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * An exported program, as PyTorch's {@code ExportedProgram}: a graph module, its signature, the
 * state (parameters and buffers, {@link #stateDict()}; lifted constant tensors, {@link
 * #constants()}), the range constraints of its symbols, the structure of its inputs and outputs,
 * and the shape environment that produced them (so that its symbols can still be reasoned about).
 *
 * <p>{@link #toString()} prints as PyTorch prints an exported program; {@link #graph()}'s {@code
 * toString()} is FX's graph format ({@code print(ep.graph)}); {@link #module()} gives a runnable
 * module that checks its inputs.
 *
 * <p>Not thread-safe while it is being built and printed (its shape environment is not); the
 * modules it returns share an immutable input-check plan and graph interpreter.
 */
public final class ExportedProgram {
  private final GraphModule graphModule;
  private final GraphSignature signature;
  private final ImmutableMap<String, TensorData> stateDict;
  private final ImmutableMap<String, TensorData> constants;
  private final ProducedGuards guards;
  private final ShapeEnv env;
  private final ImmutableList<String> userInputNames;
  private final TreeSpec argsSpec;
  private final TreeSpec outSpec;
  private final ImmutableList<ImmutableList<Integer>> userInputPaths;
  private InputChecks checks;
  private GraphInterpreter interpreter;

  /**
   * Assembles a program whose user inputs are {@code userInputNames} (one tensor each) and whose
   * user outputs are returned as one value when there is one, else as a tuple.
   */
  public ExportedProgram(
      GraphModule graphModule,
      GraphSignature signature,
      ImmutableMap<String, TensorData> stateDict,
      ProducedGuards guards,
      ShapeEnv env,
      ImmutableList<String> userInputNames) {
    this(
        graphModule,
        signature,
        stateDict,
        ImmutableMap.of(),
        guards,
        env,
        userInputNames,
        leaves(userInputNames.size()),
        defaultOutSpec(signature));
  }

  /**
   * Assembles a program.
   *
   * @param graphModule the graph and its sub-graphs
   * @param signature what each placeholder and output means
   * @param stateDict parameters and buffers by qualified name
   * @param constants lifted constant tensors by target name ({@code lifted_tensor_0})
   * @param guards the produced guards: range constraints and the input-check plan
   * @param env the shape environment of the trace
   * @param userInputNames the names of {@code forward}'s parameters
   * @param argsSpec the structure of {@code forward}'s arguments (a tuple), whose leaves are the
   *     user-input placeholders in order
   * @param outSpec the structure of {@code forward}'s result, whose leaves are the user outputs
   */
  public ExportedProgram(
      GraphModule graphModule,
      GraphSignature signature,
      ImmutableMap<String, TensorData> stateDict,
      ImmutableMap<String, TensorData> constants,
      ProducedGuards guards,
      ShapeEnv env,
      ImmutableList<String> userInputNames,
      TreeSpec argsSpec,
      TreeSpec outSpec) {
    this.graphModule = checkNotNull(graphModule, "graphModule");
    this.signature = checkNotNull(signature, "signature");
    this.stateDict = checkNotNull(stateDict, "stateDict");
    this.constants = checkNotNull(constants, "constants");
    this.guards = checkNotNull(guards, "guards");
    this.env = checkNotNull(env, "env");
    this.userInputNames = checkNotNull(userInputNames, "userInputNames");
    this.argsSpec = checkNotNull(argsSpec, "argsSpec");
    this.outSpec = checkNotNull(outSpec, "outSpec");
    checkArgument(
        argsSpec.kind() == TreeSpec.Kind.TUPLE, "argsSpec (%s) must be a tuple", argsSpec);
    long users = signature.inputs().stream().filter(s -> s.kind() == InputKind.USER_INPUT).count();
    checkArgument(
        users == argsSpec.numLeaves(),
        "argsSpec has %s leaves but the signature has %s user inputs",
        argsSpec.numLeaves(),
        users);
    List<ImmutableList<Integer>> paths = new ArrayList<>();
    collectPaths(argsSpec, ImmutableList.of(), paths);
    this.userInputPaths = ImmutableList.copyOf(paths);
  }

  private static TreeSpec leaves(int n) {
    return TreeSpec.tuple(Collections.nCopies(n, TreeSpec.leaf()));
  }

  private static TreeSpec defaultOutSpec(GraphSignature signature) {
    long n = signature.outputs().stream().filter(o -> o.kind() == OutputKind.USER_OUTPUT).count();
    return n == 1 ? TreeSpec.leaf() : leaves((int) n);
  }

  private static void collectPaths(
      TreeSpec spec, ImmutableList<Integer> path, List<ImmutableList<Integer>> out) {
    if (spec.kind() == TreeSpec.Kind.LEAF) {
      out.add(path);
      return;
    }
    for (int i = 0; i < spec.children().size(); i++) {
      collectPaths(spec.children().get(i), TreeSpec.append(path, i), out);
    }
  }

  /** The graph module. */
  public GraphModule graphModule() {
    return graphModule;
  }

  /** The graph; its {@code toString()} is FX's graph format, as {@code print(ep.graph)}. */
  public Graph graph() {
    return graphModule.graph();
  }

  /** The graph signature. */
  public GraphSignature graphSignature() {
    return signature;
  }

  /** Parameters and buffers by qualified name. */
  public ImmutableMap<String, TensorData> stateDict() {
    return stateDict;
  }

  /** Lifted constant tensors by target name ({@code lifted_tensor_0}). */
  public ImmutableMap<String, TensorData> constants() {
    return constants;
  }

  /** The source-level guards and the input-check plan. */
  public ProducedGuards guards() {
    return guards;
  }

  /** The shape environment of the trace. */
  public ShapeEnv shapeEnv() {
    return env;
  }

  /** The names of the user inputs, in order. */
  public ImmutableList<String> userInputNames() {
    return userInputNames;
  }

  /** The structure of {@code forward}'s arguments: a tuple whose leaves are the user inputs. */
  public TreeSpec argsSpec() {
    return argsSpec;
  }

  /** The structure of {@code forward}'s result, whose leaves are the user outputs. */
  public TreeSpec outSpec() {
    return outSpec;
  }

  /** {@code {s0: VR[2, int_oo], s2*s3: VR[4, int_oo]}}: symbols and derived input sizes. */
  public ImmutableMap<IntExpr, IntRange> rangeConstraints() {
    return guards.rangeConstraints();
  }

  /**
   * A runnable module that checks its inputs and interprets the graph with the reference kernels,
   * with its own copy of the parameters and buffers (PyTorch's {@code ep.module()}). Each call
   * returns a new module; the input-check plan is compiled on the first call.
   */
  public synchronized ExportedModule module() {
    if (checks == null) {
      List<InputChecks.UserInput> inputs = new ArrayList<>();
      List<InputSpec> specs = signature.inputs();
      List<Node> placeholders = graphModule.graph().placeholders();
      checkArgument(
          placeholders.size() == specs.size(),
          "the graph has %s placeholders but the signature %s inputs",
          placeholders.size(),
          specs.size());
      int leaf = 0;
      for (int i = 0; i < specs.size(); i++) {
        if (specs.get(i).kind() == InputKind.USER_INPUT) {
          inputs.add(
              new InputChecks.UserInput(userInputPaths.get(leaf++), placeholders.get(i).val()));
        }
      }
      checks =
          new InputChecks(
              argsSpec, inputs, env, guards.rangeConstraints(), guards.residualChecks());
      interpreter = new GraphInterpreter(graphModule);
    }
    return new ExportedModule(this, checks, interpreter);
  }

  /**
   * This program with every mutation made functional and the ops of {@code table} decomposed
   * (PyTorch's {@code run_decompositions(decomp_table)}): in-place ops become functional ops, and
   * the new values of mutated buffers and inputs become outputs, listed first. {@code
   * DecompositionTable.empty()} only functionalizes; {@link
   * dev.symshapes.export.passes.Decompositions#defaultDecompositions()} lowers to core ops.
   *
   * @throws dev.symshapes.export.passes.FunctionalizationException when a mutation cannot be made
   *     functional
   */
  public ExportedProgram runDecompositions(dev.symshapes.export.passes.DecompositionTable table) {
    return dev.symshapes.export.passes.RunDecompositions.run(this, table);
  }

  /**
   * {@link #runDecompositions(dev.symshapes.export.passes.DecompositionTable)} with the core table.
   */
  public ExportedProgram runDecompositions() {
    return runDecompositions(dev.symshapes.export.passes.Decompositions.defaultDecompositions());
  }

  /** How values are annotated in printed graphs: {@code f32[s0, 5]}, {@code Sym(u0 >= 10)}. */
  public Function<Object, String> valueText() {
    return this::valText;
  }

  private String valText(Object v) {
    if (v instanceof TensorMeta m) {
      List<String> sizes = new ArrayList<>();
      for (SymInt s : m.sizes()) {
        sizes.add(intText(s));
      }
      return m.dtype().shortName() + "[" + String.join(", ", sizes) + "]";
    }
    if (v instanceof SymInt s) {
      return "Sym(" + intText(s) + ")";
    }
    if (v instanceof SymBool b) {
      if (b.isConstant()) {
        return "Sym(" + (b.expr().isTrue() ? "True" : "False") + ")";
      }
      dev.symshapes.expr.BoolExpr r = env.replace(b.expr());
      return "Sym(" + (r.isConstant() ? (r.isTrue() ? "True" : "False") : r.toString()) + ")";
    }
    return String.valueOf(v);
  }

  private String intText(SymInt s) {
    if (s.isConstant()) {
      return Long.toString(s.constantValue());
    }
    return env.replace(s.expr()).toString();
  }

  /** The printed graph module, as PyTorch's {@code print_readable()}. */
  public String printReadable() {
    return graphModule.printReadable(valueText());
  }

  /** PyTorch's layout: {@code ExportedProgram:}, the graph, the signature, the ranges. */
  @Override
  public String toString() {
    String gm = printReadable().replace("\n", "\n    ");
    String sig = signature.toString().replace("\n", "\n    ");
    return "ExportedProgram:\n    "
        + gm
        + "\nGraph signature: "
        + sig
        + "\nRange constraints: "
        + guards.rangeConstraintsString()
        + "\n";
  }
}
