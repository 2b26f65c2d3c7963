package dev.symshapes.export.ops;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import dev.symshapes.export.spi.TensorMeta;

/**
 * User-defined operators, as PyTorch's {@code torch.library.custom_op}: an op is defined by its
 * qualified name and schema, with a real kernel that computes on concrete tensors and a fake kernel
 * that computes only the output metadata. Exporting a model runs the fake kernel (never the real
 * one) and records the op as a node ({@code torch.ops.my_custom_library.custom_op.default(x)});
 * running the exported program, or the model directly, calls the real kernel.
 *
 * <pre>{@code
 * OpDef op = CustomOp.define("my_custom_library::custom_op", "(Tensor x) -> Tensor")
 *     .kernel(args -> UnaryKernels.relu((TensorData) args.get(0)))
 *     .fake(CustomOp.emptyLike(0))
 *     .register(registry);
 * Tensor y = (Tensor) Dispatch.call(op, x);
 * }</pre>
 *
 * <p>An op defined without a fake kernel can be run but not exported: tracing it fails with a
 * {@link NoFakeKernelException}.
 */
public final class CustomOp {
  /** Namespaces that belong to PyTorch's own operators. */
  private static final ImmutableSet<String> RESERVED =
      ImmutableSet.of("aten", "prim", "prims", "higher_order", "torch");

  private CustomOp() {}

  /**
   * Starts the definition of an op.
   *
   * @param name {@code namespace::name} or {@code namespace::name.overload}
   * @param schema the arguments and returns in PyTorch's schema syntax: {@code (Tensor x) ->
   *     Tensor}; an argument written {@code Tensor(a!) x} is mutated by the op
   * @throws IllegalArgumentException when the name or schema is malformed, or the namespace is one
   *     of PyTorch's ({@code aten}, {@code prim}, ...)
   */
  public static Builder define(String name, String schema) {
    checkNotNull(name, "name");
    checkNotNull(schema, "schema");
    checkArgument(
        name.contains("::") && !name.contains("("),
        "custom op name '%s' must be 'namespace::name' (as in 'my_custom_library::custom_op')",
        name);
    checkArgument(
        schema.trim().startsWith("("),
        "schema '%s' of custom op '%s' must start with its arguments: '(Tensor x) -> Tensor'",
        schema,
        name);
    OpSchema parsed = OpSchema.parse(name + schema.trim());
    checkArgument(
        !RESERVED.contains(parsed.namespace()),
        "custom op '%s' uses the reserved namespace '%s'; choose your own library's name",
        name,
        parsed.namespace());
    return new Builder(parsed);
  }

  /**
   * A fake kernel returning a new contiguous tensor with the metadata of argument {@code i} (what
   * {@code torch.empty_like(x)} computes in a fake kernel).
   */
  public static MetaKernel emptyLike(int i) {
    checkArgument(i >= 0, "argument index (%s) must be >= 0", i);
    return (ctx, args) -> {
      checkArgument(
          i < args.size() && args.get(i) instanceof TensorMeta,
          "emptyLike(%s): argument %s is not a tensor",
          i,
          i);
      TensorMeta m = (TensorMeta) args.get(i);
      return TensorMeta.contiguous(m.dtype(), m.sizes());
    };
  }

  /** The definition of one custom op; {@link #build} or {@link #register} finishes it. */
  public static final class Builder {
    private final OpSchema schema;
    private EagerKernel kernel;
    private MetaKernel fake;

    private Builder(OpSchema schema) {
      this.schema = schema;
    }

    /**
     * The real kernel: computes on concrete values (tensors as {@link
     * dev.symshapes.export.tensor.TensorData}); it is never called while exporting.
     */
    public Builder kernel(EagerKernel realKernel) {
      this.kernel = checkNotNull(realKernel, "realKernel");
      return this;
    }

    /**
     * The fake kernel ({@code register_fake}): computes the output metadata from the inputs'
     * metadata ({@link TensorMeta}s with symbolic sizes), for tracing.
     */
    public Builder fake(MetaKernel fakeKernel) {
      this.fake = checkNotNull(fakeKernel, "fakeKernel");
      return this;
    }

    /**
     * The op.
     *
     * @throws IllegalStateException when no real kernel was given
     */
    public OpDef build() {
      if (kernel == null) {
        throw new IllegalStateException(
            "custom op " + schema.qualifiedName() + " has no real kernel; call kernel(...) first");
      }
      return new OpDef(schema, fake, kernel);
    }

    /**
     * Builds the op and adds it to {@code registry}.
     *
     * @throws IllegalArgumentException if an op of that name is already registered
     */
    public OpDef register(OpRegistry registry) {
      checkNotNull(registry, "registry");
      return registry.register(build());
    }
  }
}
