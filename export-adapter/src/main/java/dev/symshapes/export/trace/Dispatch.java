package dev.symshapes.export.trace;

import dev.symshapes.export.ops.EagerKernel;
import dev.symshapes.export.ops.OpDef;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.TensorData;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes an op call either to the tracer of its fake inputs or to the op's reference kernel. No
 * global mode: a call is traced exactly when one of its arguments belongs to a trace.
 */
public final class Dispatch {
  private Dispatch() {}

  /**
   * Calls {@code op} with {@code args} (tensors, {@link SymInt}s, numbers, booleans, dtypes, lists,
   * null); returns a {@link Tensor}, a {@link SymInt}, or a list of them.
   *
   * @throws IllegalArgumentException when the arguments do not fit the op's schema (their number,
   *     or an argument's type), naming the op
   */
  public static Object call(OpDef op, Object... args) {
    op.checkArgumentCount(args.length);
    List<Object> list = java.util.Arrays.asList(args);
    Tracer t = findTracer(list);
    if (t == null && !hasTensor(list)) {
      t = Tracer.active(); // a factory op (ones, zeros, randn) inside a trace
    }
    if (t != null) {
      return t.call(op, list);
    }
    EagerKernel k =
        op.eager()
            .orElseThrow(
                () ->
                    new UnsupportedOperationException(
                        op.qualifiedName() + " has no reference kernel"));
    Object out = k.apply(unwrapEager(list));
    return wrapEager(out);
  }

  private static boolean hasTensor(List<?> args) {
    for (Object a : args) {
      if (a instanceof Tensor || (a instanceof List<?> l && hasTensor(l))) {
        return true;
      }
    }
    return false;
  }

  /** The tracer of the first traced argument, or null. */
  static Tracer findTracer(List<?> args) {
    for (Object a : args) {
      if (a instanceof Tensor t && t.impl() instanceof TensorImpl.Fake f) {
        return f.tracer();
      }
      if (a instanceof SymInt s && s.context().orElse(null) instanceof Tracer tr) {
        return tr;
      }
      if (a instanceof SymBool s && s.context().orElse(null) instanceof Tracer tr) {
        return tr;
      }
      if (a instanceof List<?> l) {
        Tracer t = findTracer(l);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  static List<Object> unwrapEager(List<?> args) {
    List<Object> out = new ArrayList<>(args.size());
    for (Object a : args) {
      out.add(unwrapEager(a));
    }
    return out;
  }

  static Object unwrapEager(Object a) {
    if (a instanceof Tensor t) {
      return t.data();
    }
    if (a instanceof SymInt s) {
      return s.constantValue();
    }
    if (a instanceof SymBool b) {
      return b.bool();
    }
    if (a instanceof Integer i) {
      return (long) i;
    }
    if (a instanceof List<?> l) {
      return unwrapEager(l);
    }
    return a;
  }

  static Object wrapEager(Object out) {
    if (out instanceof TensorData d) {
      return Tensor.of(d);
    }
    if (out instanceof Long v) {
      return SymInt.of(v);
    }
    if (out instanceof List<?> l) {
      List<Object> r = new ArrayList<>(l.size());
      for (Object o : l) {
        r.add(wrapEager(o));
      }
      return r;
    }
    return out;
  }
}
