package dev.symshapes.export;

/**
 * Which of PyTorch's export front ends a program's node names follow. symshapes traces one way
 * (running the model's Java code on fake tensors, like PyTorch's non-strict mode); the modes differ
 * only in the names of the runtime-assert nodes, which PyTorch's two front ends give differently
 * and which people compare with PyTorch's output.
 *
 * <ul>
 *   <li>{@link #NON_STRICT}: {@code torch.export.export(..., strict=False)}: one pass inserts the
 *       asserts, named {@code ge}, {@code le}, ... as they come;
 *   <li>{@link #STRICT}: {@code strict=True} (Dynamo): Dynamo's graph gets its asserts first and is
 *       then traced again, so the final asserts avoid the names of the first ones: {@code ge_1},
 *       {@code le_1}, {@code lt_1} (the tutorial's T17 and T19 programs).
 * </ul>
 */
public enum ExportMode {
  /** PyTorch's non-strict export: the default. */
  NON_STRICT,
  /** PyTorch's strict (Dynamo) export. */
  STRICT
}
