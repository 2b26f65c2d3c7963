package dev.symshapes.export;

import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapesException;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.program.GraphSignature.ArgumentType;
import dev.symshapes.export.program.TreeSpec;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.trace.Tracer;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.ZeroOne;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a model's example inputs and its dynamic-shape spec into placeholders: tensors get one
 * symbol or constant per dimension, integers become constants unless the spec makes them dynamic,
 * booleans, floats and strings become constants, {@code null} holds no value, lists and arrays are
 * flattened ({@code xs} becomes {@code xs_0}, {@code xs_1}, with sources {@code L['xs'][0]}).
 * Validates the spec with PyTorch's messages ({@code torch/export/dynamic_shapes.py}).
 */
final class ExportInputs {
  /** One user input placeholder. */
  record Leaf(Node node, ArgumentType type) {}

  private final Tracer tracer;
  private final SpecDims dims;
  private final List<Leaf> leaves = new ArrayList<>();

  ExportInputs(Tracer tracer, SpecDims dims) {
    this.tracer = tracer;
    this.dims = dims;
  }

  List<Leaf> leaves() {
    return leaves;
  }

  /**
   * Checks the top-level keys of the spec: PyTorch's {@code _check_dynamic_shapes}. Inputs without
   * an entry are static (PyTorch asks for every name; a missing name here means {@code null}).
   */
  static void checkKeys(List<String> names, Map<String, ?> spec) {
    for (String key : spec.keySet()) {
      if (!names.contains(key)) {
        throw new DynamicShapesException(
            "When `dynamic_shapes` is specified as a dict, its top-level keys must be the arg"
                + " names "
                + pyList(names)
                + " of `inputs`, but here they are "
                + pyList(new ArrayList<>(spec.keySet()))
                + ". Alternatively, you could also ignore arg names entirely and specify"
                + " `dynamic_shapes` as a list/tuple matching `inputs`.");
      }
    }
  }

  private static String pyList(List<String> xs) {
    List<String> parts = new ArrayList<>();
    for (String x : xs) {
      parts.add("'" + x + "'");
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /**
   * Makes the placeholders of one argument and returns what the model's code sees in its place;
   * {@code specOut[0]} receives the argument's structure.
   */
  Object add(
      String name, String path, String sourceBase, Object value, Object spec, TreeSpec[] specOut) {
    if (value == null) {
      if (spec != null) {
        throw cannotAssociate(spec, path, "<class 'NoneType'>");
      }
      specOut[0] = TreeSpec.none();
      return null;
    }
    if (value instanceof List<?> || value instanceof Object[]) {
      List<?> items = value instanceof List<?> l ? l : List.of((Object[]) value);
      List<?> specs = null;
      if (spec != null) {
        if (spec instanceof List<?> sl && sl.size() == items.size()) {
          specs = sl;
        } else if (spec instanceof Object[] sa && sa.length == items.size()) {
          specs = java.util.Arrays.asList(sa);
        } else {
          throw new DynamicShapesException(
              "Detected mismatch between the structure of `inputs` and `dynamic_shapes`:"
                  + " `inputs"
                  + path
                  + "` has "
                  + items.size()
                  + " elements, but `dynamic_shapes"
                  + path
                  + "` is "
                  + specRepr(spec));
        }
      }
      List<Object> fakes = new ArrayList<>(items.size());
      List<TreeSpec> children = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        TreeSpec[] child = new TreeSpec[1];
        fakes.add(
            add(
                name + "_" + i,
                path + "[" + i + "]",
                sourceBase + "[" + i + "]",
                items.get(i),
                specs == null ? null : specs.get(i),
                child));
        children.add(child[0]);
      }
      if (value instanceof Object[]) {
        specOut[0] = TreeSpec.tuple(children);
        return fakes.toArray();
      }
      specOut[0] = TreeSpec.list(children);
      return fakes;
    }
    specOut[0] = TreeSpec.leaf();
    if (value instanceof Tensor t) {
      TensorData d = t.data();
      List<Object> entries = dimEntries(d, spec, path);
      List<SymbolSpec> symbolSpecs = new ArrayList<>(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        Object e = entries.get(i);
        symbolSpecs.add(
            e instanceof Dim dim
                ? dims.declare(dim, specPath(path, i), inputPath(path, i), d.size(i))
                : staticSpec(e));
      }
      Tensor fake = tracer.input(name, sourceBase, d, symbolSpecs);
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i) instanceof Dim dim) {
          dims.bind(
              dim,
              specPath(path, i),
              inputPath(path, i),
              d.size(i),
              new Source(sourceBase, Source.Property.SIZE, i),
              fake.size(i).expr());
        }
      }
      leaves.add(new Leaf(nodeOf(fake), ArgumentType.TENSOR));
      return fake;
    }
    Long integer = asInt(value);
    if (integer != null) {
      if (spec == null || spec == Dim.STATIC) {
        leaves.add(new Leaf(tracer.constantInput(name, integer), ArgumentType.CONSTANT));
        return value;
      }
      if (spec == Dim.AUTO || spec == Dim.DYNAMIC) {
        // An integer input made dynamic: no 0/1 specialization, as PyTorch's unspecialized ints.
        SymbolSpec s = SymbolSpec.dynamic().withZeroOne(ZeroOne.KEEP_SYMBOLIC);
        SymInt v = tracer.intInput(name, sourceBase, integer, s);
        Node n = tracer.graph().placeholders().get(tracer.graph().placeholders().size() - 1);
        leaves.add(new Leaf(n, v.isConstant() ? ArgumentType.CONSTANT : ArgumentType.SYM_INT));
        dims.bind(
            (Dim) spec,
            "dynamic_shapes" + path,
            "inputs" + path,
            integer,
            new Source(sourceBase, Source.Property.VALUE, -1),
            v.expr());
        return v;
      }
      if (spec instanceof Dim) {
        throw new DynamicShapesException(
            "Unable to specify input integers as dynamic through named Dims. Please use"
                + " Dim.AUTO/DYNAMIC instead. (got "
                + spec
                + " at `dynamic_shapes"
                + path
                + "` for the integer input at `inputs"
                + path
                + "`)");
      }
      if (spec instanceof Integer || spec instanceof Long) {
        long v = ((Number) spec).longValue();
        if (v != integer) {
          throw new DynamicShapesException(
              "Expected inputs"
                  + path
                  + " = "
                  + integer
                  + " to be "
                  + v
                  + ", as specified at `dynamic_shapes"
                  + path
                  + "`");
        }
        leaves.add(new Leaf(tracer.constantInput(name, integer), ArgumentType.CONSTANT));
        return value;
      }
      throw cannotAssociate(spec, path, "<class 'int'>");
    }
    Object constant = value;
    String type;
    if (value instanceof Boolean || value instanceof SymBool) {
      type = "<class 'bool'>";
      if (value instanceof SymBool b) {
        if (!b.isConstant()) {
          throw new IllegalArgumentException(
              "input at inputs" + path + " is a symbolic boolean of another trace");
        }
        constant = b.expr().isTrue();
      }
    } else if (value instanceof Double || value instanceof Float) {
      type = "<class 'float'>";
      constant = ((Number) value).doubleValue();
    } else if (value instanceof String) {
      type = "<class 'str'>";
    } else {
      throw new IllegalArgumentException(
          "input at inputs"
              + path
              + " is a "
              + value.getClass().getName()
              + "; inputs must be tensors, integers, booleans, floats, strings, null, or"
              + " lists/arrays of these");
    }
    if (spec != null) {
      throw cannotAssociate(spec, path, type);
    }
    leaves.add(new Leaf(tracer.constantInput(name, constant), ArgumentType.CONSTANT));
    return value;
  }

  private Node nodeOf(Tensor fake) {
    return (Node) dev.symshapes.export.trace.TraceAccess.nodeOf(tracer, fake);
  }

  private static Long asInt(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof SymInt s && s.isConstant()) {
      return s.constantValue();
    }
    return null;
  }

  private static DynamicShapesException cannotAssociate(Object spec, String path, String type) {
    return new DynamicShapesException(
        "Cannot associate shape "
            + specRepr(spec)
            + " specified at `dynamic_shapes"
            + path
            + "` to non-tensor type "
            + type
            + " at `inputs"
            + path
            + "` (expected None)");
  }

  private static String specPath(String path, int i) {
    return "dynamic_shapes" + path + "[" + i + "]";
  }

  private static String inputPath(String path, int i) {
    return "inputs" + path + ".shape[" + i + "]";
  }

  /** A static dimension: {@code null} or an integer that the example must equal. */
  private static SymbolSpec staticSpec(Object entry) {
    if (entry == null) {
      return SymbolSpec.staticDim();
    }
    // An integer: static, and the example must have this size ("Static shape constraint of
    // ... does not match input size of ..." from the shape environment otherwise).
    return SymbolSpec.staticDim().withRange(IntRange.exactly((Long) entry));
  }

  /**
   * One entry per dimension of a tensor from its spec: a {@link Dim}, {@code null} (static) or a
   * {@code Long} (static, checked against the example).
   */
  private static List<Object> dimEntries(TensorData d, Object spec, String path) {
    List<Object> out = new ArrayList<>(d.dim());
    if (spec == null || spec == Dim.STATIC) {
      for (int i = 0; i < d.dim(); i++) {
        out.add(null);
      }
      return out;
    }
    if (spec instanceof Map<?, ?> m) {
      for (int i = 0; i < d.dim(); i++) {
        out.add(null);
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof Integer i) || i < 0 || i >= d.dim()) {
          throw new DynamicShapesException(
              "Unexpected dimension mapped to index "
                  + e.getKey()
                  + " in input tensor shape "
                  + specRepr(spec)
                  + " specified at `dynamic_shapes"
                  + path
                  + "` (the tensor has "
                  + d.dim()
                  + " dimensions)");
        }
        out.set(i, dimEntry(e.getValue(), spec, path, "mapped to index " + i, " but got "));
      }
      return out;
    }
    List<?> dims;
    if (spec instanceof List<?> l) {
      dims = l;
    } else if (spec instanceof Object[] a) {
      dims = java.util.Arrays.asList(a);
    } else {
      throw new DynamicShapesException(
          "Unexpected input tensor shape "
              + specRepr(spec)
              + " specified at `dynamic_shapes"
              + path
              + "` (expected either a list/tuple of dimensions, or a dict mapping indices to"
              + " dimensions, where each dimension is an int, a Dim, Dim.AUTO, Dim.STATIC, or"
              + " Dim.DYNAMIC)");
    }
    if (dims.size() != d.dim()) {
      throw new DynamicShapesException(
          "Expected dynamic shape spec "
              + specRepr(spec)
              + " specified at `dynamic_shapes"
              + path
              + "` to have the same length as the actual tensor shape "
              + size(d.shape())
              + " (expected "
              + d.dim()
              + ", but got "
              + dims.size()
              + " instead)");
    }
    for (int i = 0; i < dims.size(); i++) {
      out.add(dimEntry(dims.get(i), spec, path, "#" + i, "but got "));
    }
    return out;
  }

  private static Object dimEntry(Object dim, Object spec, String path, String which, String but) {
    if (dim == null || dim == Dim.STATIC) {
      return null;
    }
    if (dim instanceof Dim) {
      return dim;
    }
    if (dim instanceof Long || dim instanceof Integer) {
      return ((Number) dim).longValue();
    }
    throw new DynamicShapesException(
        "Unexpected dimension "
            + which
            + " in input tensor shape "
            + specRepr(spec)
            + " specified at `dynamic_shapes"
            + path
            + "` (expected None, an int, a Dim, Dim.AUTO, Dim.STATIC, or Dim.DYNAMIC, "
            + but
            + reprOf(dim)
            + " instead)");
  }

  /** A spec as Python shows it, with Java's spelling of the dims: {@code [Dim.AUTO, None]}. */
  static String specRepr(Object spec) {
    if (spec instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object x : l) {
        parts.add(specRepr(x));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (spec instanceof Object[] a) {
      List<String> parts = new ArrayList<>();
      for (Object x : a) {
        parts.add(specRepr(x));
      }
      return "(" + String.join(", ", parts) + (a.length == 1 ? ",)" : ")");
    }
    if (spec instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        parts.add(specRepr(e.getKey()) + ": " + specRepr(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    return reprOf(spec);
  }

  private static String reprOf(Object x) {
    if (x == null) {
      return "None";
    }
    if (x instanceof String s) {
      return dev.symshapes.export.graph.PythonRepr.ofString(s);
    }
    if (x instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return String.valueOf(x);
  }

  private static String size(long[] shape) {
    List<String> parts = new ArrayList<>();
    for (long s : shape) {
      parts.add(Long.toString(s));
    }
    return "torch.Size([" + String.join(", ", parts) + "])";
  }
}
