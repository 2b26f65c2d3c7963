package dev.symshapes.solver.constraint;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.text.ExprPrinter;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ProducedGuards.SourceBinding;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.constraint.SuggestedFix.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Compares a user's dimension declarations ({@link DimSpec}s) with the final facts of a shape
 * environment, as PyTorch's {@code produce_guards} and {@code DimConstraints} do, and writes the
 * violations and the suggested fixes.
 *
 * <pre>{@code
 * ProducedGuards pg = env.produceGuards();
 * DimConstraints.check(env, pg, specs).throwIfViolated();   // ConstraintViolationException
 * }</pre>
 *
 * <p>What is checked, in this order (the order of the bullets):
 *
 * <ol>
 *   <li>every {@code Dim.DYNAMIC} and named dim whose value was inferred to be a constant ({@code
 *       Eq(s1, 4)}): fix {@code d1 = 4};
 *   <li>named roots whose values were tied to each other ({@code dy = dx}, {@code dy = 2*dx + 1})
 *       or to an unnamed dimension, and named dims inferred to equal something no derived dim can
 *       express ({@code s2*s3}): fixes {@code dy = dx}, {@code dy = 2*dx + 1}, {@code
 *       dynamic_shapes['x'][0] = dx}, {@code dynamic_shapes['z'][0] = Dim.AUTO};
 *   <li>named roots whose declared range (intersected with {@code [2, int_oo]}, the range of
 *       dynamic sizes) is wider than what the program accepts: fix {@code dx = Dim('dx', min=4,
 *       max=256)};
 *   <li>other guards on one named root ({@code Eq(Mod(s0, 4), 0)}): for divisibility, fix {@code
 *       _dx = Dim('_dx', ...)} with {@code dx = 4*_dx}.
 * </ol>
 *
 * <p>{@code Dim.DYNAMIC} dims are only checked for specialization, as PyTorch's relaxed
 * constraints; {@code Dim.AUTO} dims are never violated. Relations the spec declares (the same name
 * twice, derived dims) are expected: the caller adds them as guards before producing guards, as
 * PyTorch's {@code equalities_inputs} do.
 */
public final class DimConstraints {
  private final ShapeEnv env;
  private final List<DimSpec> specs;
  private final Map<Source, IntExpr> bindings = new LinkedHashMap<>();
  private final Map<Sym, String> sourceNames = new HashMap<>();
  private final ExprPrinter python;
  private final ProducedGuards produced;

  private final List<ConstraintViolation> violations = new ArrayList<>();
  private final List<SuggestedFix> rangeFixes = new ArrayList<>();
  private final List<SuggestedFix> dimFixes = new ArrayList<>();
  private final List<SuggestedFix> pathFixes = new ArrayList<>();

  /** A named root dim and its uses. */
  private static final class Root {
    final String name;
    final IntRange declared;
    final List<DimSpec> uses = new ArrayList<>();
    DimSpec plain;
    DimSpec phantom;
    boolean specialized;
    boolean related;
    IntExpr expr;
    Linear linear;

    Root(String name, IntRange declared) {
      this.name = name;
      this.declared = declared;
    }

    /** The spec whose source stands for the root: its first plain use, or the phantom root. */
    DimSpec representative() {
      return plain != null ? plain : phantom;
    }
  }

  private final Map<String, Root> roots = new LinkedHashMap<>();

  private DimConstraints(ShapeEnv env, ProducedGuards produced, List<DimSpec> specs) {
    this.env = env;
    this.produced = produced;
    this.specs = specs;
    for (SourceBinding b : produced.bindings()) {
      bindings.putIfAbsent(b.source(), b.expr());
      if (b.expr() instanceof Sym s) {
        sourceNames.putIfAbsent(s, b.source().name());
      }
    }
    this.python = ExprPrinter.python(s -> sourceNames.getOrDefault(s, s.name()));
  }

  /**
   * Checks {@code specs} against the final facts of {@code env}, whose guards {@code produced}
   * holds.
   *
   * @throws IllegalArgumentException if a spec's source has no binding in {@code produced}, or a
   *     root has uses with different declared ranges, or a root that no input dimension is equal to
   *     has no {@link DimSpec.Kind#PHANTOM_ROOT} spec
   */
  public static ConstraintReport check(ShapeEnv env, ProducedGuards produced, List<DimSpec> specs) {
    checkNotNull(env, "env");
    checkNotNull(produced, "produced");
    checkNotNull(specs, "specs");
    DimConstraints c = new DimConstraints(env, produced, ImmutableList.copyOf(specs));
    c.collectRoots();
    c.constants();
    c.relations();
    c.ranges();
    c.guards();
    List<SuggestedFix> fixes = new ArrayList<>();
    rangeFixes(c.rangeFixes, fixes);
    c.dimFixes.sort((a, b) -> a.target().text().compareTo(b.target().text()));
    fixes.addAll(c.dimFixes);
    fixes.addAll(c.pathFixes);
    return new ConstraintReport(
        ImmutableList.copyOf(c.violations), ImmutableList.copyOf(dedupe(fixes)));
  }

  private static void rangeFixes(List<SuggestedFix> in, List<SuggestedFix> out) {
    List<SuggestedFix> sorted = new ArrayList<>(in);
    sorted.sort((a, b) -> a.target().text().compareTo(b.target().text()));
    out.addAll(sorted);
  }

  private static List<SuggestedFix> dedupe(List<SuggestedFix> fixes) {
    List<SuggestedFix> out = new ArrayList<>();
    for (SuggestedFix x : fixes) {
      if (!out.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }

  private IntExpr binding(DimSpec s) {
    IntExpr e = bindings.get(s.source());
    checkArgument(e != null, "no input binding for %s (spec at %s)", s.source(), s.specPath());
    return e;
  }

  private void collectRoots() {
    for (DimSpec s : specs) {
      if (s.kind() != DimSpec.Kind.NAMED && s.kind() != DimSpec.Kind.PHANTOM_ROOT) {
        continue;
      }
      String name = s.root().get();
      Root r = roots.computeIfAbsent(name, n -> new Root(n, s.rootRange().get()));
      checkArgument(
          r.declared.equals(s.rootRange().get()),
          "root %s has two declared ranges, %s and %s",
          name,
          r.declared,
          s.rootRange().get());
      if (s.kind() == DimSpec.Kind.PHANTOM_ROOT) {
        r.phantom = s;
      } else {
        r.uses.add(s);
        if (s.isPlainRoot() && r.plain == null) {
          r.plain = s;
        }
      }
    }
    for (Root r : roots.values()) {
      checkArgument(
          r.representative() != null,
          "root %s is only used through derived dims and has no PHANTOM_ROOT spec",
          r.name);
      r.expr = binding(r.representative());
      r.linear = Linear.of(r.expr).orElse(null);
    }
  }

  // ---- 1. constants ----

  private void constants() {
    for (DimSpec s : specs) {
      if (s.kind() != DimSpec.Kind.DYNAMIC && s.kind() != DimSpec.Kind.NAMED) {
        continue;
      }
      IntValue c = binding(s).constantValue();
      if (c == null) {
        continue;
      }
      ImmutableList<dev.symshapes.solver.Fact> causes = Causes.ofSource(env, s.source());
      if (s.kind() == DimSpec.Kind.DYNAMIC) {
        violations.add(
            new ConstraintViolation(
                ConstraintViolation.Kind.SPECIALIZED,
                s.source().name(),
                "You marked "
                    + s.source().name()
                    + " as dynamic but your code specialized it to be a constant ("
                    + c
                    + "). If you're using Dim.DYNAMIC, replace it with either Dim.STATIC or"
                    + " Dim.AUTO.",
                causes));
        pathFixes.add(new SuggestedFix.Specialize(Target.specPath(s.specPath()), longOf(c)));
        continue;
      }
      String name = s.displayName();
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.SPECIALIZED,
              name,
              "Not all values of "
                  + name
                  + " = "
                  + s.source().name()
                  + " in the specified range"
                  + rangeText(name, derivedRange(s))
                  + " are valid because "
                  + name
                  + " was inferred to be a constant ("
                  + c
                  + ").",
              causes));
      Root r = roots.get(s.root().get());
      r.specialized = true;
      IntValue rest = c.subtract(IntValue.of(s.offset()));
      IntValue a = IntValue.of(s.coefficient());
      if (rest.floorMod(a).isZero()) {
        dimFixes.add(new SuggestedFix.Specialize(Target.dim(r.name), longOf(rest.floorDiv(a))));
      }
    }
  }

  private static IntRange derivedRange(DimSpec s) {
    IntRange r = s.rootRange().get();
    Bound lo = times(r.lower(), s.coefficient(), s.offset());
    Bound hi = times(r.upper(), s.coefficient(), s.offset());
    return IntRange.of(lo, hi);
  }

  private static Bound times(Bound b, long a, long off) {
    if (!b.isFinite()) {
      return b;
    }
    return Bound.of(b.value().multiply(IntValue.of(a)).add(IntValue.of(off)));
  }

  /**
   * PyTorch's {@code _render_range_for_constraint_violation}: {@code " 4 <= dx <= 256"}, {@code "
   * dx <= 512"}, {@code " 4 <= dx"}, or nothing; a lower bound of at most 2 and an upper bound of
   * {@code int_oo} are left out.
   */
  static String rangeText(String name, IntRange r) {
    boolean lo = r.lower().isFinite() && r.lower().value().compareTo(IntValue.of(2)) > 0;
    boolean hi = r.upper().isFinite();
    if (lo && hi) {
      return " " + r.lower() + " <= " + name + " <= " + r.upper();
    }
    if (hi) {
      return " " + name + " <= " + r.upper();
    }
    if (lo) {
      return " " + r.lower() + " <= " + name;
    }
    return "";
  }

  private static long longOf(IntValue v) {
    return v.longValueExact();
  }

  // ---- 2. relations ----

  /** {@code dx = L['x'].size()[0]} for a root with an input source, {@code dx} for a phantom. */
  private static String describe(Root r) {
    if (r.plain != null) {
      return r.name + " = " + r.plain.source().name();
    }
    return r.name;
  }

  private void relations() {
    Map<Sym, List<Root>> groups = new LinkedHashMap<>();
    for (Root r : roots.values()) {
      if (r.specialized || r.expr.constantValue() != null) {
        r.specialized = true;
        continue;
      }
      if (r.linear == null) {
        unsupported(r);
        continue;
      }
      groups.computeIfAbsent(r.linear.symbol(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<Sym, List<Root>> g : groups.entrySet()) {
      relateGroup(g.getKey(), g.getValue());
    }
  }

  private void unsupported(Root r) {
    DimSpec rep = r.representative();
    r.related = true;
    violations.add(
        new ConstraintViolation(
            ConstraintViolation.Kind.UNSUPPORTED_RELATION,
            r.name,
            "Not all values of "
                + r.name
                + " = "
                + rep.source().name()
                + " in the specified range"
                + rangeText(r.name, r.declared)
                + " are valid because "
                + r.name
                + " was inferred to be equal to "
                + python.print(r.expr)
                + ".",
            Causes.ofSource(env, rep.source())));
    for (DimSpec u : r.uses) {
      pathFixes.add(new SuggestedFix.MakeAuto(Target.specPath(u.specPath())));
    }
  }

  private void relateGroup(Sym s, List<Root> group) {
    Source bare = null;
    for (SourceBinding b : produced.bindings()) {
      if (b.expr() == s) {
        bare = b.source();
        break;
      }
    }
    Root base = null;
    if (bare != null) {
      for (Root r : group) {
        DimSpec rep = r.representative();
        if (rep.source().equals(bare) && r.linear.a().isOne() && r.linear.b().isZero()) {
          base = r;
          break;
        }
      }
      if (base == null && !isRootSource(bare)) {
        for (Root r : group) {
          relateToUnnamed(r, bare);
        }
        return;
      }
    }
    if (base == null) {
      base = group.get(0);
      for (Root r : group) {
        if (r.linear.a().compareTo(base.linear.a()) < 0) {
          base = r;
        }
      }
    }
    for (Root r : group) {
      if (r != base) {
        relateToRoot(r, base);
      }
    }
  }

  private boolean isRootSource(Source src) {
    for (Root r : roots.values()) {
      if (r.representative().source().equals(src)) {
        return true;
      }
    }
    return false;
  }

  private void relateToRoot(Root r, Root base) {
    r.related = true;
    IntValue a0 = base.linear.a();
    IntValue ar = r.linear.a();
    var causes = Causes.ofSource(env, r.representative().source());
    if (!ar.floorMod(a0).isZero()) {
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.UNSUPPORTED_RELATION,
              r.name,
              "Not all values of "
                  + describe(r)
                  + " in the specified range"
                  + rangeText(r.name, r.declared)
                  + " are valid because "
                  + r.name
                  + " was inferred to be equal to "
                  + python.print(r.expr)
                  + ".",
              causes));
      return;
    }
    IntValue a = ar.floorDiv(a0);
    IntValue b = r.linear.b().subtract(a.multiply(base.linear.b()));
    if (a.isOne() && b.isZero()) {
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.EQUAL,
              r.name,
              "The values of " + describe(r) + " and " + describe(base) + " must always be equal.",
              causes));
    } else {
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.RELATED,
              r.name,
              "The values of "
                  + describe(r)
                  + " must always be related to the values of "
                  + describe(base)
                  + " by "
                  + r.name
                  + " = "
                  + Linear.name(base.name, a, b)
                  + ".",
              causes));
    }
    dimFixes.add(new SuggestedFix.Relate(Target.dim(r.name), base.name, longOf(a), longOf(b)));
  }

  private void relateToUnnamed(Root r, Source base) {
    r.related = true;
    var causes = Causes.ofSource(env, r.representative().source());
    String baseName = base.name();
    Optional<DimSpec> baseSpec = specOf(base);
    if (r.linear.a().isOne() && r.linear.b().isZero()) {
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.EQUAL,
              r.name,
              "The values of " + describe(r) + " and " + baseName + " must always be equal.",
              causes));
    } else {
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.RELATED,
              r.name,
              "The values of "
                  + describe(r)
                  + " must always be related to the values of "
                  + baseName
                  + " by "
                  + r.name
                  + " = "
                  + Linear.name(baseName, r.linear.a(), r.linear.b())
                  + ".",
              causes));
    }
    // The unnamed dimension becomes (r - b) when a == 1; other relations have no Dim spelling.
    if (baseSpec.isPresent() && r.linear.a().isOne()) {
      pathFixes.add(
          new SuggestedFix.Relate(
              Target.specPath(baseSpec.get().specPath()),
              r.name,
              1,
              longOf(r.linear.b().negate())));
    }
  }

  private Optional<DimSpec> specOf(Source src) {
    for (DimSpec s : specs) {
      if (s.source().equals(src)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  // ---- 3. ranges ----

  private void ranges() {
    Set<Sym> divisible = new HashSet<>();
    for (BoolExpr g : produced.residualChecks()) {
      for (Sym s : g.freeSymbols()) {
        if (Divisibility.modulus(g, s).isPresent()) {
          divisible.add(s);
        }
      }
    }
    for (Root r : roots.values()) {
      if (r.specialized || r.related) {
        continue;
      }
      if (divisible.contains(r.linear.symbol())) {
        continue; // the divisibility fix below gives the new root this range
      }
      IntRange inferred = env.bound(r.expr);
      IntRange declared = r.declared.tryIntersect(IntRange.atLeast(2)).orElse(r.declared);
      if (declared.isSubsetOf(inferred)) {
        continue;
      }
      String src = r.plain != null ? r.plain.source().name() : r.name;
      List<String> parts = new ArrayList<>(2);
      if (inferred.lower().isFinite()) {
        parts.add(inferred.lower() + " <= " + src);
      }
      if (inferred.upper().isFinite()) {
        parts.add(src + " <= " + inferred.upper());
      }
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.RANGE,
              r.name,
              "Not all values of "
                  + describe(r)
                  + " in the specified range"
                  + rangeText(r.name, r.declared)
                  + " satisfy the generated guard "
                  + String.join(" and ", parts),
              Causes.ofRange(env, r.linear.symbol())));
      IntRange fix = inferred.tryIntersect(declared).orElse(inferred);
      rangeFixes.add(
          new SuggestedFix.NewRange(
              r.name,
              fix.lower().isFinite() ? longOf(fix.lower().value()) : 0,
              fix.upper().isFinite()
                  ? OptionalLong.of(longOf(fix.upper().value()))
                  : OptionalLong.empty()));
    }
  }

  // ---- 4. other guards on one root ----

  private void guards() {
    Map<Sym, Root> bySymbol = new HashMap<>();
    for (Root r : roots.values()) {
      if (!r.specialized && !r.related && r.linear != null) {
        bySymbol.putIfAbsent(r.linear.symbol(), r);
      }
    }
    Set<Root> reported = new HashSet<>();
    for (BoolExpr g : produced.residualChecks()) {
      if (g.freeSymbols().size() != 1 || g.kind() == ExprKind.NE) {
        continue; // PyTorch's DimConstraints drops Ne and multi-symbol guards too
      }
      Sym s = g.freeSymbols().iterator().next();
      Root r = bySymbol.get(s);
      if (r == null) {
        continue;
      }
      violations.add(
          new ConstraintViolation(
              ConstraintViolation.Kind.GUARD,
              r.name,
              "Not all values of "
                  + describe(r)
                  + " in the specified range"
                  + rangeText(r.name, r.declared)
                  + " satisfy the generated guard "
                  + python.print(g)
                  + ".",
              Causes.ofGuard(env, g)));
      if (reported.add(r)) {
        divisibilityFix(r, g);
      }
    }
  }

  /**
   * For {@code Eq(Mod(s, m), 0)} on a plain root: {@code _dx = Dim('_dx', ..)}, {@code dx = m*_dx}.
   */
  private void divisibilityFix(Root r, BoolExpr g) {
    Optional<IntValue> m = Divisibility.modulus(g, r.linear.symbol());
    if (m.isEmpty() || !r.linear.a().isOne() || !r.linear.b().isZero()) {
      return;
    }
    IntRange inferred = env.bound(r.expr);
    IntValue mod = m.get();
    String fresh = "_" + r.name;
    IntValue lo =
        inferred.lower().isFinite() ? ceilDiv(inferred.lower().value(), mod) : IntValue.ZERO;
    OptionalLong hi =
        inferred.upper().isFinite()
            ? OptionalLong.of(longOf(inferred.upper().value().floorDiv(mod)))
            : OptionalLong.empty();
    rangeFixes.add(new SuggestedFix.NewRange(fresh, longOf(lo), hi));
    dimFixes.add(new SuggestedFix.Relate(Target.dim(r.name), fresh, longOf(mod), 0));
  }

  private static IntValue ceilDiv(IntValue a, IntValue b) {
    return a.add(b).subtract(IntValue.ONE).floorDiv(b);
  }
}
