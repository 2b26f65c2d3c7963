package dev.symshapes.export.ops;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.spi.SymContext;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.solver.ShapeEnv;

/**
 * What a meta kernel may do besides arithmetic on its inputs' symbolic sizes: reach the shape
 * environment (to guard or check), and allocate data-dependent values ({@code item()}).
 */
public interface MetaContext {
  /**
   * A context for calling meta kernels from a framework without a graph: data-dependent values are
   * fresh unbacked symbols of {@code sym}'s shape environment, and {@link #checkIsSize} records
   * {@code n >= 0} there (and marks an unbacked {@code n} as a size).
   *
   * <pre>{@code
   * TensorMeta out = (TensorMeta) AtenOps.ADD_TENSOR.meta().orElseThrow()
   *     .apply(MetaContext.of(ctx), List.of(x, y));
   * }</pre>
   */
  static MetaContext of(SymContext sym) {
    checkNotNull(sym, "sym");
    return new MetaContext() {
      @Override
      public SymContext sym() {
        return sym;
      }

      @Override
      public SymInt newUnbackedSymInt() {
        return SymInt.of(sym.env().createUnbackedSymInt(), sym, null);
      }

      @Override
      public void checkIsSize(SymInt n) {
        sym.env().checkIsSize(n.expr());
      }
    };
  }

  /** The trace's symbolic context. */
  SymContext sym();

  /** The trace's shape environment. */
  default ShapeEnv env() {
    return sym().env();
  }

  /** A fresh unbacked integer ({@code u0, u1, ...}) for a data-dependent output. */
  SymInt newUnbackedSymInt();

  /**
   * Marks {@code n} as a size (PyTorch's {@code torch._check_is_size}): records {@code n >= 0}, and
   * a tracer may emit {@code sym_constrain_range_for_size} for it.
   */
  void checkIsSize(SymInt n);
}
