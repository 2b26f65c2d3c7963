package dev.symshapes.export.passes;

import java.util.List;

/**
 * What an op becomes when a program is decomposed: a Java function over the model API, traced into
 * the graph in place of the op's node (PyTorch's decomposition functions).
 *
 * <pre>{@code
 * // T23: conv2d as twice a convolution
 * Decomposition twice = args -> ((Tensor) Dispatch.call(AtenOps.CONVOLUTION, args.get(0),
 *     args.get(1), args.get(2), args.get(3), args.get(4), args.get(5), false, List.of(0L, 0L),
 *     args.get(6))).mul(2);
 * }</pre>
 */
@FunctionalInterface
public interface Decomposition {
  /**
   * Computes the op's result from its arguments.
   *
   * @param args the op's positional arguments with the schema's defaults filled in ({@link
   *     dev.symshapes.export.ops.OpDef#withDefaults}): traced {@link
   *     dev.symshapes.export.trace.Tensor}s, {@link dev.symshapes.export.spi.SymInt}s, numbers,
   *     booleans, lists, or null for an absent optional tensor
   * @return a traced tensor, or a list of them for an op with several results
   */
  Object decompose(List<Object> args);
}
