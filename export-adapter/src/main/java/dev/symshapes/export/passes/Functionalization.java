package dev.symshapes.export.passes;

import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.ops.AtenOps;
import dev.symshapes.export.ops.OpDef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The rules that make a call functional: an in-place op becomes its functional op, whose result is
 * the new value of the tensor it mutated ({@code add_.Tensor} becomes {@code add.Tensor}); and
 * {@code batch_norm} in training mode, which updates its running statistics in place although its
 * schema does not say so, becomes {@code _native_batch_norm_legit_functional}, whose results 3 and
 * 4 are the new statistics. PyTorch applies the second rule whatever the decomposition table.
 */
final class Functionalization {
  private Functionalization() {}

  /** The functional form of each in-place op, by the in-place op's qualified name. */
  private static final ImmutableMap<String, OpDef> FUNCTIONAL =
      ImmutableMap.of(
          AtenOps.ADD__TENSOR.qualifiedName(), AtenOps.ADD_TENSOR,
          AtenOps.RELU_.qualifiedName(), AtenOps.RELU,
          AtenOps.COPY_.qualifiedName(), AtenOps.COPY);

  /**
   * A functional call's result.
   *
   * @param value what the original call returned
   * @param writes the new values of the arguments the original call mutated, by position
   */
  record Result(Object value, Map<Integer, Object> writes) {}

  /**
   * The functional form of calling {@code op} on {@code args}, made with {@code call}; empty when
   * the call mutates nothing.
   *
   * @throws FunctionalizationException for an in-place op without a functional form
   */
  static Optional<Result> apply(
      OpDef op, List<Object> args, BiFunction<OpDef, List<Object>, Object> call) {
    if (op.mutates()) {
      OpDef functional = FUNCTIONAL.get(op.qualifiedName());
      if (functional == null) {
        throw new FunctionalizationException(
            op.qualifiedName()
                + " mutates its input and has no functional form, so the program cannot be"
                + " functionalized; the in-place ops with functional forms are "
                + FUNCTIONAL.keySet());
      }
      Object value = call.apply(functional, args);
      int mutated = 0;
      for (int i = 0; i < op.schema().arguments().size(); i++) {
        if (op.schema().arguments().get(i).mutated()) {
          mutated = i;
          break;
        }
      }
      return Optional.of(new Result(value, Map.of(mutated, value)));
    }
    if (op == AtenOps.BATCH_NORM && updatesRunningStats(args)) {
      List<?> outs =
          (List<?>)
              call.apply(
                  AtenOps.NATIVE_BATCH_NORM_LEGIT_FUNCTIONAL,
                  new java.util.ArrayList<>(args.subList(0, 8)));
      return Optional.of(new Result(outs.get(0), Map.of(3, outs.get(3), 4, outs.get(4))));
    }
    return Optional.empty();
  }

  /** {@code batch_norm(..., running_mean, running_var, training=True, ...)} with both stats. */
  private static boolean updatesRunningStats(List<Object> args) {
    return args.size() > 5
        && args.get(3) != null
        && args.get(4) != null
        && Boolean.TRUE.equals(args.get(5));
  }
}
