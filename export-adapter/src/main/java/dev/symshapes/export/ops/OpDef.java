package dev.symshapes.export.ops;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An operator: its schema, a meta kernel for tracing, a reference kernel for running, and whether
 * it mutates an input ({@code aten.add_.Tensor} does, {@code aten.add.Tensor} does not). Immutable.
 */
public final class OpDef {
  private final OpSchema schema;
  private final MetaKernel meta;
  private final EagerKernel eager;

  /**
   * An op; {@code meta} may be null for a custom op registered without a fake kernel (exporting it
   * fails with a clear error), {@code eager} may be null for ops that only exist in graphs.
   */
  public OpDef(OpSchema schema, MetaKernel meta, EagerKernel eager) {
    this.schema = checkNotNull(schema, "schema");
    this.meta = meta;
    this.eager = eager;
  }

  /** The schema. */
  public OpSchema schema() {
    return schema;
  }

  /** The meta kernel, if the op has one. */
  public Optional<MetaKernel> meta() {
    return Optional.ofNullable(meta);
  }

  /** The reference kernel, if the op has one. */
  public Optional<EagerKernel> eager() {
    return Optional.ofNullable(eager);
  }

  /** True when the op mutates one of its inputs. */
  public boolean mutates() {
    return schema.mutates();
  }

  /**
   * {@code args} without the trailing positional arguments that equal their schema defaults, as
   * PyTorch's dispatcher records a call: {@code x.flatten()} passes {@code (x, 0, -1)} but is
   * recorded as {@code aten.flatten.using_ints(x)}; {@code conv2d(x, w, b, [1, 1], [0, 0], [1, 1],
   * 1)} is recorded as {@code aten.conv2d.default(x, w, b)}. Kernels read omitted arguments as
   * their defaults.
   */
  public Object[] trimDefaults(Object... args) {
    int n = args.length;
    while (n > 0) {
      int i = n - 1;
      if (i >= schema.arguments().size()) {
        break;
      }
      OpSchema.Argument a = schema.arguments().get(i);
      if (a.keywordOnly() || !Defaults.isDefault(a, args[i])) {
        break;
      }
      n--;
    }
    return n == args.length ? args : java.util.Arrays.copyOf(args, n);
  }

  /**
   * Checks that a call passes {@code given} positional arguments: no more than the schema has, and
   * at least every argument without a default. The messages are those of PyTorch's Python binding
   * of operators: {@code aten::relu() expected at most 1 argument(s) but received 2 argument(s).
   * Declaration: aten::relu(Tensor self) -> Tensor} and {@code aten::add() is missing value for
   * argument 'other'. Declaration: aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1)
   * -> Tensor}.
   *
   * @throws IllegalArgumentException when the count does not fit the schema
   */
  public void checkArgumentCount(int given) {
    List<OpSchema.Argument> args = schema.arguments();
    String name = schema.namespace() + "::" + schema.name();
    if (given > args.size()) {
      throw new IllegalArgumentException(
          name
              + "() expected at most "
              + args.size()
              + " argument(s) but received "
              + given
              + " argument(s). Declaration: "
              + schema.text());
    }
    for (int i = Math.max(given, 0); i < args.size(); i++) {
      if (args.get(i).defaultValue().isEmpty()) {
        throw new IllegalArgumentException(
            name
                + "() is missing value for argument '"
                + args.get(i).name()
                + "'. Declaration: "
                + schema.text());
      }
    }
  }

  /**
   * {@code args} followed by the schema defaults of the positional arguments a call left out, as
   * kernels read them ({@code conv2d(x, w, b)} gives {@code [x, w, b, [1, 1], [0, 0], [1, 1], 1]});
   * a scalar default of a fixed-length list ({@code SymInt[2] stride=1}) becomes a list. A
   * decomposition receives its op's arguments this way.
   */
  public List<Object> withDefaults(List<?> args) {
    List<Object> out = new ArrayList<>(args);
    for (int i = args.size(); i < schema.arguments().size(); i++) {
      out.add(Defaults.expanded(schema.arguments().get(i)));
    }
    return out;
  }

  /** {@code aten::add.Tensor}. */
  public String qualifiedName() {
    return schema.qualifiedName();
  }

  /** How graphs print the op: {@code torch.ops.aten.add.Tensor}. */
  public String pythonTarget() {
    return "torch.ops."
        + schema.namespace()
        + "."
        + schema.name()
        + "."
        + schema.overloadOrDefault();
  }

  /** The short form used in FX's graph format: {@code aten.add.Tensor}. */
  public String shortTarget() {
    return schema.namespace() + "." + schema.name() + "." + schema.overloadOrDefault();
  }

  @Override
  public String toString() {
    return pythonTarget();
  }
}
