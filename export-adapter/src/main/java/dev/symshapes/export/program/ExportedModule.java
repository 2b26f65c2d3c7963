package dev.symshapes.export.program;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.ops.RuntimeAssertionException;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.program.GraphSignature.OutputSpec;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.CopyKernels;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runnable exported program, what PyTorch's {@code ExportedProgram.module()} returns: {@link
 * #call} checks its inputs against the program's rules, then runs the graph with the ops' reference
 * kernels and returns the outputs in the structure {@code forward} returned them.
 *
 * <pre>{@code
 * ExportedModule m = ep.module();
 * Object out = m.call(x, y);            // a Tensor, or a List / Object[] of outputs
 * m.call(x, Tensor.of(wrongSize));      // InputCheckException: Expected input at *args[1].shape[0] ...
 * }</pre>
 *
 * <p>Inputs are what the model's {@code forward} takes: {@link Tensor}s, integers, booleans,
 * floats, strings, {@code null} and lists of these. Outputs are {@link Tensor}s, {@link SymInt}s
 * for symbolic integers, and the constants {@code forward} returned.
 *
 * <p>The module owns a copy of the program's parameters and buffers ({@link #stateDict()}): ops
 * that mutate a buffer ({@code add_} on {@code num_batches_tracked}) update this copy, and the new
 * values of buffers that a functionalized program returns as {@code BUFFER_MUTATION} outputs are
 * copied into it, as PyTorch's unlifted module does. Lifted constant tensors are shared with the
 * program. Like a PyTorch module, not thread-safe.
 */
public final class ExportedModule {
  private final ExportedProgram program;
  private final InputChecks checks;
  private final GraphInterpreter interpreter;
  private final Map<String, TensorData> state;
  private final Object[] placeholderSources;
  private final int[] userLeafOfPlaceholder;
  private final ImmutableList<OutputSpec> outputs;
  private final Map<String, Integer> userInputLeafByName;
  private final TreeSpec outSpec;

  ExportedModule(ExportedProgram program, InputChecks checks, GraphInterpreter interpreter) {
    this.program = checkNotNull(program, "program");
    this.checks = checks;
    this.interpreter = interpreter;
    Map<String, TensorData> copy = new LinkedHashMap<>();
    for (Map.Entry<String, TensorData> e : program.stateDict().entrySet()) {
      copy.put(e.getKey(), CopyKernels.clone(e.getValue()));
    }
    this.state = copy;
    List<InputSpec> ins = program.graphSignature().inputs();
    this.placeholderSources = new Object[ins.size()];
    this.userLeafOfPlaceholder = new int[ins.size()];
    this.userInputLeafByName = new LinkedHashMap<>();
    int leaf = 0;
    for (int i = 0; i < ins.size(); i++) {
      InputSpec s = ins.get(i);
      userLeafOfPlaceholder[i] = -1;
      switch (s.kind()) {
        case PARAMETER:
        case BUFFER:
          placeholderSources[i] = s.target().orElseThrow();
          break;
        case CONSTANT_TENSOR:
          placeholderSources[i] = program.constants().get(s.target().orElseThrow());
          break;
        default:
          userLeafOfPlaceholder[i] = leaf;
          userInputLeafByName.put(s.name(), leaf);
          leaf++;
          break;
      }
    }
    this.outputs = program.graphSignature().outputs();
    this.outSpec = program.outSpec();
  }

  /**
   * Checks {@code inputs} as {@link #call} does, without running the program. A tensor input may be
   * given by its shape alone, as an {@link InputShape}.
   *
   * @throws InputCheckException naming the input, the dimension and the rule that failed
   */
  public void checkInputs(Object... inputs) {
    checks.check(checkNotNull(inputs, "inputs"));
  }

  /**
   * Runs the program: checks {@code inputs}, interprets the graph, and returns the outputs in the
   * structure {@code forward} returned them (a {@link Tensor}, a {@link SymInt}, a constant, or a
   * {@code List}/{@code Object[]} of these).
   *
   * @throws InputCheckException when an input breaks one of the program's rules
   * @throws RuntimeAssertionException when a runtime assert of the program fails
   */
  public Object call(Object... inputs) {
    checkNotNull(inputs, "inputs");
    Object[] leaves = checks.check(inputs);
    List<Object> values = new ArrayList<>(placeholderSources.length);
    for (int i = 0; i < placeholderSources.length; i++) {
      int leaf = userLeafOfPlaceholder[i];
      if (leaf >= 0) {
        values.add(runtimeValue(leaves[leaf]));
      } else if (placeholderSources[i] instanceof String key) {
        values.add(state.get(key));
      } else {
        values.add(placeholderSources[i]);
      }
    }
    List<Object> results = interpreter.run(values);
    List<Object> user = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      OutputSpec o = outputs.get(i);
      Object v = results.get(i);
      switch (o.kind()) {
        case BUFFER_MUTATION:
          CopyKernels.copy_(state.get(o.target().orElseThrow()), (TensorData) v);
          break;
        case USER_INPUT_MUTATION:
          {
            Integer leaf = userInputLeafByName.get(o.target().orElseThrow());
            CopyKernels.copy_(((Tensor) leaves[leaf]).data(), (TensorData) v);
            break;
          }
        default:
          user.add(userValue(o, v));
          break;
      }
    }
    return outSpec.unflatten(user);
  }

  private static Object runtimeValue(Object leaf) {
    if (leaf instanceof Tensor t) {
      return t.data();
    }
    if (leaf instanceof Integer || leaf instanceof Short || leaf instanceof Byte) {
      return ((Number) leaf).longValue();
    }
    if (leaf instanceof Float f) {
      return f.doubleValue();
    }
    if (leaf instanceof SymInt s) {
      return s.constantValue();
    }
    if (leaf instanceof SymBool b) {
      return b.expr().isTrue();
    }
    return leaf;
  }

  private static Object userValue(OutputSpec o, Object v) {
    if (o.value().isPresent()) {
      return o.value().get();
    }
    switch (o.argumentType()) {
      case TENSOR:
        return Tensor.of((TensorData) v);
      case SYM_INT:
        return SymInt.of((Long) v);
      case SYM_BOOL:
        return SymBool.constant((Boolean) v);
      default:
        return v;
    }
  }

  /** The module's parameters and buffers (its own copies), by qualified name. */
  public Map<String, TensorData> stateDict() {
    return Collections.unmodifiableMap(state);
  }

  /** The program this module runs. */
  public ExportedProgram program() {
    return program;
  }

  /** The structure of the inputs the program was exported with, in PyTorch's form. */
  public TreeSpec inSpec() {
    return checks.callSpec();
  }

  /** The program's printed graph, as {@link ExportedProgram#printReadable()}. */
  @Override
  public String toString() {
    return program.printReadable();
  }
}
