package dev.symshapes.export.serde;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.ops.OpRegistry;

/**
 * How to load a program: the op registry that resolves its targets ({@code
 * torch.ops.aten.add.Tensor} is looked up as {@code aten::add.Tensor}), the {@link LoadLimits}, and
 * what to do when the values of parameters, buffers and constants are not there (a bare {@code
 * .json} file has none). Immutable.
 *
 * @param registry resolves op targets; an op that is not in it makes loading fail
 * @param limits bounds checked before allocating
 * @param missingState whether parameters, buffers and constants may be absent
 */
public record LoadOptions(OpRegistry registry, LoadLimits limits, MissingState missingState) {
  /** What loading does when a program's state is not in the file. */
  public enum MissingState {
    /** Fail, naming the missing entries: the program must be runnable. */
    FAIL,
    /**
     * Load the program without them: it can be printed, inspected and its inputs checked, but
     * running it fails.
     */
    ALLOW
  }

  /** Checks the invariants. */
  public LoadOptions {
    checkNotNull(registry, "registry");
    checkNotNull(limits, "limits");
    checkNotNull(missingState, "missingState");
  }

  /** The standard aten registry, default limits, state required. */
  public static LoadOptions defaults() {
    return new LoadOptions(OpRegistry.standard(), LoadLimits.defaults(), MissingState.FAIL);
  }

  /** A copy with another registry (one that holds custom ops). */
  public LoadOptions withRegistry(OpRegistry r) {
    return new LoadOptions(r, limits, missingState);
  }

  /** A copy with other limits. */
  public LoadOptions withLimits(LoadLimits l) {
    return new LoadOptions(registry, l, missingState);
  }

  /** A copy with another policy for missing state. */
  public LoadOptions withMissingState(MissingState m) {
    return new LoadOptions(registry, limits, m);
  }
}
