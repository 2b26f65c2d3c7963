package dev.symshapes.export.trace;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of {@link ControlFlow}'s operators and the words of their errors: what operands,
 * predicates and body outputs must be, each failure a {@link ControlFlowException} naming its rule,
 * with values shown as {@code a tensor f32[3, 3]} or {@code an Integer (3)}.
 */
final class ControlFlowChecks {
  private ControlFlowChecks() {}

  static ControlFlowException predicateError(Object pred) {
    return new ControlFlowException(
        ControlFlowException.Rule.PREDICATE,
        "cond: Expected pred to be bool or single-element tensor, but got "
            + describe(pred)
            + ". The predicate must be a boolean (a Java boolean or a SymBool) or a tensor with"
            + " one element.");
  }

  static void checkSameOutputs(Tracer t, List<TensorMeta> a, List<TensorMeta> b) {
    if (a.size() != b.size()) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          "cond: Expected to return same number of outputs but got:\n  true branch returns "
              + a.size()
              + " item(s)\n  false branch returns "
              + b.size()
              + " item(s)");
    }
    for (int i = 0; i < a.size(); i++) {
      if (!sameMeta(t, a.get(i), b.get(i))) {
        throw new ControlFlowException(
            ControlFlowException.Rule.OUTPUTS,
            "cond: Expected each tensor to have same metadata but got:\n  true_fn returns "
                + metaText(t, a.get(i))
                + "\n  false_fn returns "
                + metaText(t, b.get(i))
                + "\n(output "
                + i
                + "; both branches must return tensors of the same dtype and shape)");
      }
    }
  }

  /** {@code values} as tensors, or an OPERANDS error naming {@code what} and the bad element. */
  static List<Tensor> tensors(String op, String what, String element, List<?> values) {
    checkNotNull(values, what);
    List<Tensor> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof Tensor t)) {
        throw new ControlFlowException(
            ControlFlowException.Rule.OPERANDS,
            op
                + ": Expect "
                + what
                + " to only consist of tensors, but "
                + element
                + " "
                + i
                + " is "
                + describe(values.get(i))
                + ".");
      }
      out.add(t);
    }
    return out;
  }

  /**
   * The common first size of mapped or scanned tensors; PyTorch's checks that it is not 0 and the
   * same for all (each a guard when sizes are symbolic).
   */
  static SymInt leadingSize(String op, List<Tensor> xs) {
    SymInt n = xs.get(0).size(0);
    if (n.eq(0).bool()) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OPERANDS,
          op + ": Leading dimensions of mapped xs cannot be 0.");
    }
    for (Tensor x : xs) {
      if (x.size(0).ne(n).bool()) {
        List<String> shapes = new ArrayList<>();
        for (Tensor y : xs) {
          shapes.add(y.sizes().toString());
        }
        throw new ControlFlowException(
            ControlFlowException.Rule.OPERANDS,
            op
                + ": Leading dimensions of mapped xs must be consistent. Got shapes "
                + shapes
                + ".");
      }
    }
    return n;
  }

  /** A loop body's outputs have the carried values' dtypes and shapes. */
  static void checkCarried(
      Tracer t,
      String op,
      String fn,
      List<TensorMeta> carried,
      List<TensorMeta> outs,
      String carriedName) {
    if (outs.size() != carried.size()) {
      throw new ControlFlowException(
          ControlFlowException.Rule.OUTPUTS,
          op
              + ": Expected "
              + fn
              + " to return "
              + carried.size()
              + " carried tensor(s), like "
              + carriedName
              + ", but it returned "
              + outs.size()
              + ".");
    }
    for (int i = 0; i < outs.size(); i++) {
      if (!sameMeta(t, carried.get(i), outs.get(i))) {
        throw new ControlFlowException(
            ControlFlowException.Rule.OUTPUTS,
            op
                + ": Expected the metadata of "
                + fn
                + "'s result "
                + i
                + " ("
                + metaText(t, outs.get(i))
                + ") to be the same as the metadata of "
                + carriedName
                + " "
                + i
                + " ("
                + metaText(t, carried.get(i))
                + "): a loop carries tensors of fixed dtype and shape.");
      }
    }
  }

  static boolean sameMeta(Tracer t, TensorMeta a, TensorMeta b) {
    if (a.dtype() != b.dtype() || a.dim() != b.dim()) {
      return false;
    }
    for (int i = 0; i < a.dim(); i++) {
      SymInt x = a.size(i);
      SymInt y = b.size(i);
      if (x.isConstant() && y.isConstant()) {
        if (x.constantValue() != y.constantValue()) {
          return false;
        }
      } else if (t == null || !t.env().replace(x.expr()).equals(t.env().replace(y.expr()))) {
        return false;
      }
    }
    return true;
  }

  static String metaText(Tracer t, TensorMeta m) {
    List<String> sizes = new ArrayList<>();
    for (SymInt s : m.sizes()) {
      sizes.add(s.isConstant() || t == null ? s.toString() : t.env().replace(s.expr()).toString());
    }
    return m.dtype().shortName() + "[" + String.join(", ", sizes) + "]";
  }

  static String metasText(Tracer t, List<TensorMeta> ms) {
    List<String> parts = new ArrayList<>();
    for (TensorMeta m : ms) {
      parts.add(metaText(t, m));
    }
    return ms.size() == 1 ? parts.get(0) : parts.toString();
  }

  /**
   * How messages show a value: {@code a tensor f32[3, 3]}, {@code an Integer (3)}, {@code null}.
   */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Tensor t) {
      return "a tensor " + metaText(null, t.meta());
    }
    String name = v.getClass().getSimpleName();
    String article = "AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
    return article + name + " (" + v + ")";
  }

  static String describeAll(List<?> vs) {
    List<String> parts = new ArrayList<>();
    for (Object v : vs) {
      parts.add(describe(v));
    }
    return parts.toString();
  }
}
