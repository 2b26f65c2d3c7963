package dev.symshapes.export;

import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapesException;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.constraint.DimSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dims of a dynamic-shape spec, from declaration to constraint checking: PyTorch's {@code
 * _check_dynamic_shapes}, {@code _process_dynamic_shapes} and {@code _process_equalities}.
 *
 * <ol>
 *   <li>{@link #declare} validates each dim against its example size when the input's symbols are
 *       made (one definition per name, a non-empty range that holds the example, examples of the
 *       form {@code A*root + B}, no 0/1 example for a dim that must stay dynamic) and gives the
 *       symbol's declared range; {@link #bind} records the symbol the dimension got;
 *   <li>{@link #finishInputs} checks that all examples agree on each root's value and makes a
 *       symbol for every phantom root (a root used only through derived dims);
 *   <li>after the trace, {@link #addEqualities} guards the relations the spec declares (the same
 *       name twice, derived dims), as PyTorch's {@code equalities_inputs};
 *   <li>{@link #constraints} lists the declarations for {@code DimConstraints}.
 * </ol>
 *
 * <p>Every error names the spec path ({@code dynamic_shapes['y'][0]}) and the input ({@code
 * inputs['y'].shape[0]}).
 */
final class SpecDims {
  /** One use of a dim in the spec, and the symbol (or constant) it got. */
  private record Use(
      Dim dim, String specPath, String inputPath, long example, Source source, IntExpr expr) {}

  /** A named root: its definition, where it was first defined, and its value in the examples. */
  private static final class Root {
    final Dim dim;
    final String definedAt;
    final IntRange effective;
    long value;
    String valueFrom;
    boolean hasPlainUse;
    IntExpr expr;
    Source source;

    Root(Dim dim, String definedAt, IntRange effective) {
      this.dim = dim;
      this.definedAt = definedAt;
      this.effective = effective;
    }
  }

  private final List<Use> uses = new ArrayList<>();
  private final Map<String, Root> roots = new LinkedHashMap<>();

  /**
   * Validates {@code dim} for a dimension whose example size is {@code example} and returns how to
   * make its symbol.
   *
   * @throws DynamicShapesException naming {@code specPath} if the dim does not fit
   */
  SymbolSpec declare(Dim dim, String specPath, String inputPath, long example) {
    switch (dim.kind()) {
      case STATIC:
        return SymbolSpec.staticDim();
      case AUTO:
        return SymbolSpec.dynamic();
      case DYNAMIC:
        if (example == 0 || example == 1) {
          throw new DynamicShapesException(
              "Received user-specified dim hint Dim.DYNAMIC at `"
                  + specPath
                  + "`, but export 0/1 specialized due to hint of "
                  + example
                  + " for dimension "
                  + inputPath
                  + ". Use an example input of size at least 2 for this dimension, or Dim.AUTO.");
        }
        return SymbolSpec.dynamic();
      default:
        break;
    }
    Dim root = dim.root();
    Root r = roots.get(root.name());
    if (r == null) {
      IntRange eff = root.range().tryIntersect(IntRange.atLeast(2)).orElse(null);
      if (eff == null) {
        throw new DynamicShapesException(
            root
                + " at `"
                + specPath
                + "` has no value a dynamic size can take: sizes of dynamic dimensions are at"
                + " least 2, but its max is "
                + root.range().upper()
                + ".");
      }
      r = new Root(root, specPath, eff);
      roots.put(root.name(), r);
    } else if (!r.dim.equals(root)) {
      throw new DynamicShapesException(
          "Found different definitions "
              + r.dim
              + " and "
              + root
              + " for the same symbolic dimension "
              + root.name()
              + "! (at `"
              + r.definedAt
              + "` and `"
              + specPath
              + "`)");
    }
    if (example == 0 || example == 1) {
      throw new DynamicShapesException(
          "Received user-specified "
              + describe(dim)
              + " at `"
              + specPath
              + "`, but export 0/1 specialized due to hint of "
              + example
              + " for dimension "
              + inputPath
              + ". Use an example input of size at least 2 for this dimension.");
    }
    long a = dim.coefficient();
    long b = dim.offset();
    long rest = example - b;
    if (Math.floorMod(rest, a) != 0) {
      throw new DynamicShapesException(
          "Expected "
              + inputPath
              + " = "
              + example
              + " to be of the form "
              + dim.name()
              + ", where "
              + root.name()
              + " is an integer (as specified at `"
              + specPath
              + "`)");
    }
    long value = Math.floorDiv(rest, a);
    if (!r.effective.contains(IntValue.of(value))) {
      throw new DynamicShapesException(
          inputPath
              + " = "
              + example
              + (dim.kind() == Dim.Kind.DERIVED
                  ? " gives " + root.name() + " = " + value + ", which is"
                  : " is")
              + " outside the range "
              + rangeText(r.effective)
              + " of "
              + root
              + " specified at `"
              + specPath
              + "`");
    }
    if (r.valueFrom == null) {
      r.value = value;
      r.valueFrom = inputPath + " = " + example + " at `" + specPath + "`";
    } else if (r.value != value) {
      throw new DynamicShapesException(
          "The example inputs disagree on the value of "
              + root.name()
              + ": "
              + r.valueFrom
              + " gives "
              + root.name()
              + " = "
              + r.value
              + ", but "
              + inputPath
              + " = "
              + example
              + " at `"
              + specPath
              + "` gives "
              + root.name()
              + " = "
              + value);
    }
    IntRange declared = image(root.range(), a, b);
    return SymbolSpec.dynamic().withRange(declared);
  }

  private static String describe(Dim dim) {
    return dim.kind() == Dim.Kind.DERIVED ? "derived dim " + dim.name() : dim.toString();
  }

  private static String rangeText(IntRange r) {
    return "[" + r.lower() + ", " + r.upper() + "]";
  }

  private static IntRange image(IntRange r, long a, long b) {
    Bound lo = Bound.of(r.lower().value().multiply(IntValue.of(a)).add(IntValue.of(b)));
    Bound hi =
        r.upper().isFinite()
            ? Bound.of(r.upper().value().multiply(IntValue.of(a)).add(IntValue.of(b)))
            : Bound.INT_OO;
    return IntRange.of(lo, hi);
  }

  /** Records the symbol (or constant) that the dimension declared with {@code dim} got. */
  void bind(Dim dim, String specPath, String inputPath, long example, Source source, IntExpr e) {
    if (dim.kind() == Dim.Kind.STATIC) {
      return;
    }
    uses.add(new Use(dim, specPath, inputPath, example, source, e));
    if (dim.kind() == Dim.Kind.NAMED) {
      Root r = roots.get(dim.name());
      if (!r.hasPlainUse) {
        r.hasPlainUse = true;
        r.expr = e;
        r.source = source;
      }
    }
  }

  /** After all inputs have symbols: makes the phantom roots' symbols (PyTorch's order). */
  void finishInputs(ShapeEnv env) {
    for (Root r : roots.values()) {
      if (!r.hasPlainUse) {
        r.source = Source.named(r.dim.name());
        r.expr = env.createSymbol(r.value, r.source, SymbolSpec.dynamic().withRange(r.dim.range()));
      }
    }
  }

  /**
   * Guards the relations the spec declares: every use of a root equals {@code A*root + B}, where
   * the root is its first plain use or its phantom symbol.
   *
   * @throws IllegalStateException if a declared relation is false at the examples (a bug: {@link
   *     #declare} checked them)
   */
  void addEqualities(ShapeEnv env) {
    ExprFactory f = env.factory();
    for (Use u : uses) {
      if (u.dim().isHint()) {
        continue;
      }
      Root r = roots.get(u.dim().root().name());
      if (u.expr() == r.expr) {
        continue;
      }
      IntExpr expected =
          f.add(f.scale(r.expr, IntValue.of(u.dim().coefficient())), f.integer(u.dim().offset()));
      BoolExpr eq = f.eq(u.expr(), expected);
      if (!env.evaluateExpr(eq)) {
        throw new IllegalStateException(
            "the spec relation " + eq + " of " + u.specPath() + " is false at the examples");
      }
    }
  }

  /** The declarations for {@code DimConstraints}, uses first, then phantom roots. */
  List<DimSpec> constraints() {
    List<DimSpec> out = new ArrayList<>();
    for (Use u : uses) {
      switch (u.dim().kind()) {
        case AUTO:
          out.add(DimSpec.auto(u.source(), u.specPath()));
          break;
        case DYNAMIC:
          out.add(DimSpec.dynamic(u.source(), u.specPath()));
          break;
        default:
          Dim root = u.dim().root();
          out.add(
              DimSpec.named(
                  u.source(),
                  u.specPath(),
                  root.name(),
                  u.dim().coefficient(),
                  u.dim().offset(),
                  root.range()));
          break;
      }
    }
    for (Root r : roots.values()) {
      if (!r.hasPlainUse) {
        out.add(DimSpec.phantomRoot(r.source, firstUse(r), r.dim.name(), r.dim.range()));
      }
    }
    return out;
  }

  private String firstUse(Root r) {
    for (Use u : uses) {
      if (!u.dim().isHint() && u.dim().root().name().equals(r.dim.name())) {
        return u.specPath();
      }
    }
    return r.definedAt;
  }
}
