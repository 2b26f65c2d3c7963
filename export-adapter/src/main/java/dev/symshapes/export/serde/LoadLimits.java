package dev.symshapes.export.serde;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Bounds that loading checks before it allocates anything large, so that a hostile file ends in a
 * {@link SerdeException} instead of exhausting memory or the stack. Immutable; the {@code withX}
 * methods return copies.
 *
 * @param maxArchiveEntries entries of a {@code .pt2} zip
 * @param maxJsonBytes bytes of one JSON document
 * @param maxJsonDepth nesting of a JSON document (objects and lists)
 * @param maxTensorBytes bytes of all weights and constants together
 * @param maxNodes nodes of all graphs together
 * @param maxSymbolIndex the largest {@code n} of a symbol {@code s<n>} or {@code u<n>}
 */
public record LoadLimits(
    int maxArchiveEntries,
    long maxJsonBytes,
    int maxJsonDepth,
    long maxTensorBytes,
    int maxNodes,
    int maxSymbolIndex) {
  /** Checks the invariants. */
  public LoadLimits {
    checkArgument(maxArchiveEntries > 0, "maxArchiveEntries (%s) must be > 0", maxArchiveEntries);
    checkArgument(
        maxJsonBytes > 0 && maxJsonBytes <= Integer.MAX_VALUE - 8,
        "maxJsonBytes (%s) must be in [1, 2^31 - 9]",
        maxJsonBytes);
    checkArgument(maxJsonDepth >= 16, "maxJsonDepth (%s) must be >= 16", maxJsonDepth);
    checkArgument(maxTensorBytes >= 0, "maxTensorBytes (%s) must be >= 0", maxTensorBytes);
    checkArgument(maxNodes > 0, "maxNodes (%s) must be > 0", maxNodes);
    checkArgument(maxSymbolIndex >= 0, "maxSymbolIndex (%s) must be >= 0", maxSymbolIndex);
  }

  /**
   * The defaults: 10,000 entries, 256 MiB of JSON nested at most 256 deep, 2 GiB of tensor data,
   * 1,000,000 nodes, symbol indices up to 100,000.
   */
  public static LoadLimits defaults() {
    return new LoadLimits(10_000, 256L << 20, 256, 2L << 30, 1_000_000, 100_000);
  }

  /** A copy with another {@link #maxJsonDepth}. */
  public LoadLimits withMaxJsonDepth(int depth) {
    return new LoadLimits(
        maxArchiveEntries, maxJsonBytes, depth, maxTensorBytes, maxNodes, maxSymbolIndex);
  }

  /** A copy with another {@link #maxTensorBytes}. */
  public LoadLimits withMaxTensorBytes(long bytes) {
    return new LoadLimits(
        maxArchiveEntries, maxJsonBytes, maxJsonDepth, bytes, maxNodes, maxSymbolIndex);
  }

  /** A copy with another {@link #maxJsonBytes}. */
  public LoadLimits withMaxJsonBytes(long bytes) {
    return new LoadLimits(
        maxArchiveEntries, bytes, maxJsonDepth, maxTensorBytes, maxNodes, maxSymbolIndex);
  }
}
