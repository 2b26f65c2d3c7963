package dev.symshapes.export.passes;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.ops.OpDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which ops a program is decomposed into what ({@code decomp_table}): an immutable map from ops to
 * {@link Decomposition}s. {@link #with} and {@link #without} return changed copies, so a table can
 * be derived from {@link Decompositions#defaultDecompositions()} as the tutorial does:
 *
 * <pre>{@code
 * DecompositionTable mine = Decompositions.defaultDecompositions()
 *     .with(AtenOps.CONV2D, args -> ...);
 * }</pre>
 */
public final class DecompositionTable {
  private static final DecompositionTable EMPTY = new DecompositionTable(ImmutableMap.of());

  private final ImmutableMap<String, Entry> entries;

  private record Entry(OpDef op, Decomposition decomposition) {}

  private DecompositionTable(ImmutableMap<String, Entry> entries) {
    this.entries = entries;
  }

  /** No decompositions: running it only functionalizes ({@code run_decompositions({})}). */
  public static DecompositionTable empty() {
    return EMPTY;
  }

  /** This table with {@code op} decomposed by {@code decomposition} (replacing an entry). */
  public DecompositionTable with(OpDef op, Decomposition decomposition) {
    checkNotNull(op, "op");
    checkNotNull(decomposition, "decomposition");
    Map<String, Entry> m = new LinkedHashMap<>(entries);
    m.put(op.qualifiedName(), new Entry(op, decomposition));
    return new DecompositionTable(ImmutableMap.copyOf(m));
  }

  /** This table without an entry for {@code op} ({@code op} is then kept as it is). */
  public DecompositionTable without(OpDef op) {
    checkNotNull(op, "op");
    if (!entries.containsKey(op.qualifiedName())) {
      return this;
    }
    Map<String, Entry> m = new LinkedHashMap<>(entries);
    m.remove(op.qualifiedName());
    return new DecompositionTable(ImmutableMap.copyOf(m));
  }

  /** The decomposition of {@code op}, if the table has one. */
  public Optional<Decomposition> get(OpDef op) {
    Entry e = entries.get(checkNotNull(op, "op").qualifiedName());
    return e == null ? Optional.empty() : Optional.of(e.decomposition());
  }

  /** True when the table decomposes {@code op}. */
  public boolean contains(OpDef op) {
    return entries.containsKey(checkNotNull(op, "op").qualifiedName());
  }

  /** The qualified names of the decomposed ops ({@code aten::conv2d}), in insertion order. */
  public Set<String> ops() {
    return entries.keySet();
  }

  /** {@code DecompositionTable[aten::conv2d, aten::linear]}. */
  @Override
  public String toString() {
    return "DecompositionTable" + entries.keySet();
  }
}
