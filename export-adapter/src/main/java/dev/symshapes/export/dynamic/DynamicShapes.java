package dev.symshapes.export.dynamic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.solver.constraint.ConstraintViolationException;
import dev.symshapes.solver.constraint.SuggestedFix;
import dev.symshapes.solver.constraint.SuggestedFix.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operations on dynamic-shape specs: {@link #refine} applies the suggested fixes of a constraint
 * violation, PyTorch's {@code refine_dynamic_shapes_from_suggested_fixes}.
 *
 * <pre>{@code
 * try {
 *   ep = Export.export(model, args, spec);
 * } catch (ConstraintViolationException e) {
 *   ep = Export.export(model, args, DynamicShapes.refine(spec, e));
 * }
 * }</pre>
 */
public final class DynamicShapes {
  private DynamicShapes() {}

  /** {@link #refine(Map, List)} with the fixes of {@code violation}. */
  public static Map<String, Object> refine(
      Map<String, ?> spec, ConstraintViolationException violation) {
    checkNotNull(violation, "violation");
    return refine(spec, violation.suggestedFixes());
  }

  /**
   * A copy of {@code spec} with {@code fixes} applied:
   *
   * <ul>
   *   <li>{@code d1 = 4}: every use of {@code d1} becomes the static size 4, and a derived {@code
   *       A*d1 + B} becomes {@code 4*A + B};
   *   <li>{@code dy = 2*dx + 1}: every use of {@code dy} becomes {@code 2*dx + 1} (derived dims of
   *       {@code dy} are composed);
   *   <li>{@code dx = Dim('dx', min=4, max=256)}: {@code dx} gets the new range, also as the root
   *       of derived dims; a fix for a name the spec does not use introduces a new root ({@code
   *       _dx} in {@code dx = 4*_dx});
   *   <li>{@code dynamic_shapes['w'][1] = 5} (or {@code = dx}, {@code = Dim.AUTO}): that position
   *       changes.
   * </ul>
   *
   * Lists, arrays and maps are copied (maps keep their order and may hold {@code null}).
   *
   * @throws IllegalArgumentException if a fix names a dim or a position the spec does not have
   */
  public static Map<String, Object> refine(Map<String, ?> spec, List<SuggestedFix> fixes) {
    checkNotNull(spec, "spec");
    checkNotNull(fixes, "fixes");
    return new Refiner(spec, fixes).run();
  }

  /** One refinement. */
  private static final class Refiner {
    private final Map<String, ?> spec;
    private final Map<String, Dim> roots = new LinkedHashMap<>();
    private final Map<String, SuggestedFix> byName = new HashMap<>();
    private final Map<String, SuggestedFix> byPath = new LinkedHashMap<>();
    private final Map<String, Object> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Set<String> applied = new HashSet<>();

    Refiner(Map<String, ?> spec, List<SuggestedFix> fixes) {
      this.spec = spec;
      for (SuggestedFix f : fixes) {
        Target t = f.target();
        Map<String, SuggestedFix> m = t.kind() == Target.Kind.DIM ? byName : byPath;
        checkArgument(m.put(t.text(), f) == null, "two suggested fixes for %s", t.text());
      }
    }

    Map<String, Object> run() {
      for (Object v : spec.values()) {
        collectRoots(v);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, ?> e : spec.entrySet()) {
        out.put(e.getKey(), copy(e.getValue(), "dynamic_shapes['" + e.getKey() + "']"));
      }
      for (String p : byPath.keySet()) {
        checkArgument(
            applied.contains(p), "suggested fix '%s' names a position the spec does not have", p);
      }
      for (Map.Entry<String, SuggestedFix> e : byName.entrySet()) {
        boolean newRoot = e.getValue() instanceof SuggestedFix.NewRange;
        checkArgument(
            roots.containsKey(e.getKey()) || (newRoot && resolved.containsKey(e.getKey())),
            "suggested fix '%s' names %s, which the spec does not use",
            e.getValue(),
            e.getKey());
      }
      return out;
    }

    private void collectRoots(Object v) {
      if (v instanceof Dim d) {
        if (!d.isHint()) {
          roots.putIfAbsent(d.root().name(), d.root());
        }
      } else if (v instanceof List<?> l) {
        l.forEach(this::collectRoots);
      } else if (v instanceof Object[] a) {
        for (Object x : a) {
          collectRoots(x);
        }
      } else if (v instanceof Map<?, ?> m) {
        m.values().forEach(this::collectRoots);
      }
    }

    private Object copy(Object v, String path) {
      SuggestedFix pathFix = byPath.get(path);
      if (pathFix != null) {
        applied.add(path);
        return applyAt(pathFix);
      }
      if (v instanceof Dim d) {
        return d.isHint() ? d : derive(resolve(d.root().name()), d.coefficient(), d.offset());
      }
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
          out.add(copy(l.get(i), path + "[" + i + "]"));
        }
        return out;
      }
      if (v instanceof Object[] a) {
        Object[] out = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
          out[i] = copy(a[i], path + "[" + i + "]");
        }
        return out;
      }
      if (v instanceof Map<?, ?> m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.put(e.getKey(), copy(e.getValue(), path + "[" + e.getKey() + "]"));
        }
        return out;
      }
      return v;
    }

    private Object applyAt(SuggestedFix f) {
      if (f instanceof SuggestedFix.Specialize s) {
        return s.value();
      }
      if (f instanceof SuggestedFix.Relate r) {
        return derive(resolve(r.root()), r.coefficient(), r.offset());
      }
      if (f instanceof SuggestedFix.MakeAuto) {
        return Dim.AUTO;
      }
      throw new IllegalArgumentException("suggested fix '" + f + "' cannot apply to a position");
    }

    /** What the root {@code name} becomes: a {@code Long} or a {@link Dim}. */
    private Object resolve(String name) {
      Object known = resolved.get(name);
      if (known != null) {
        return known;
      }
      checkArgument(resolving.add(name), "the suggested fixes for %s are circular", name);
      SuggestedFix f = byName.get(name);
      Object out;
      if (f == null) {
        out = roots.get(name);
        checkArgument(out != null, "no dim named %s in the spec or the fixes", name);
      } else if (f instanceof SuggestedFix.Specialize s) {
        out = s.value();
      } else if (f instanceof SuggestedFix.Relate r) {
        out = derive(resolve(r.root()), r.coefficient(), r.offset());
      } else if (f instanceof SuggestedFix.NewRange n) {
        // As printed: a minimum of at most 2 is left out (the default applies).
        Dim d = n.min() > 2 ? Dim.of(name).withMin(n.min()) : Dim.of(name);
        out = n.max().isPresent() ? d.withMax(n.max().getAsLong()) : d;
      } else {
        throw new IllegalArgumentException("suggested fix '" + f + "' cannot apply to a dim");
      }
      resolving.remove(name);
      resolved.put(name, out);
      return out;
    }

    private static Object derive(Object base, long a, long b) {
      if (base instanceof Long v) {
        return Math.addExact(Math.multiplyExact(v, a), b);
      }
      Dim d = (Dim) base;
      Dim scaled = a == 1 ? d : d.times(a);
      return b == 0 ? scaled : scaled.plus(b);
    }
  }
}
