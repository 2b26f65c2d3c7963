package dev.symshapes.solver.sample;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.solve.LinearSolver;
import dev.symshapes.expr.solve.Solution;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ProducedGuards.SourceBinding;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.sample.SampleRule.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws input sizes from a program's final facts (a shape environment and the guards it produced):
 * sizes that follow every {@link SampleRule}, and sizes that break exactly one chosen rule.
 *
 * <pre>{@code
 * ShapeSampler sampler = ShapeSampler.of(ep.shapeEnv(), ep.guards());
 * Assignment ok = sampler.sample(new Random(seed)).orElseThrow();
 * for (SampleRule r : sampler.rules()) {
 *   Optional<Assignment> bad = sampler.violating(r, new Random(seed));  // empty if impossible
 * }
 * }</pre>
 *
 * <p>The rules are those an exported program checks on its inputs, derived independently here from
 * the bindings of the input sources: every symbol is bound by the first input source whose
 * expression is {@code a*s + b} in it (as the program's input checks bind it); that source carries
 * the symbol's range and, for {@code a > 1}, its form; every other source equals its expression;
 * and the residual guards hold. Symbols are drawn from their ranges (an unbounded range is cut at
 * {@code lower + span}), with the bounds drawn more often than other values; draws that break a
 * residual guard are rejected, up to {@link #MAX_ATTEMPTS} times.
 *
 * <p>Input sources are those named after the program's inputs ({@code L['x'].size()[0]}); other
 * sources (a phantom root {@code dx} of derived dims) are symbols without an input of their own.
 * Immutable; the shape environment is only read.
 */
public final class ShapeSampler {
  /** Rejection-sampling attempts before giving up on a draw. */
  public static final int MAX_ATTEMPTS = 500;

  /** How far above its lower bound an unbounded symbol is drawn by default. */
  public static final long DEFAULT_SPAN = 64;

  private final ImmutableMap<Source, IntExpr> inputs;
  private final ImmutableMap<Sym, IntRange> ranges;
  private final ImmutableMap<Sym, Source> binders;
  private final ImmutableList<BoolExpr> guards;
  private final ImmutableList<SampleRule> rules;
  private final long span;

  private ShapeSampler(ShapeEnv env, ProducedGuards produced, long span) {
    this.span = span;
    Predicate<Source> isInput = s -> s.base().startsWith("L[");
    Map<Source, IntExpr> in = new LinkedHashMap<>();
    Set<Sym> syms = new LinkedHashSet<>();
    for (SourceBinding b : produced.bindings()) {
      if (isInput.test(b.source())) {
        in.putIfAbsent(b.source(), b.expr());
        syms.addAll(b.expr().freeSymbols());
      }
    }
    this.inputs = ImmutableMap.copyOf(in);
    Map<Sym, Source> bind = new LinkedHashMap<>();
    for (Map.Entry<Source, IntExpr> e : in.entrySet()) {
      Optional<Sym> s = univariateSymbol(e.getValue());
      if (s.isPresent()) {
        bind.putIfAbsent(s.get(), e.getKey());
      }
    }
    for (Sym s : syms) {
      checkArgument(
          bind.containsKey(s),
          "no input size is a*%s + b, so the inputs cannot determine %s",
          s,
          s);
    }
    this.binders = ImmutableMap.copyOf(bind);
    Map<Sym, IntRange> rs = new LinkedHashMap<>();
    for (Sym s : syms) {
      rs.put(s, env.range(s));
    }
    this.ranges = ImmutableMap.copyOf(rs);
    List<BoolExpr> gs = new ArrayList<>();
    for (BoolExpr g : produced.residualChecks()) {
      if (syms.containsAll(g.freeSymbols())) {
        gs.add(g);
      }
    }
    this.guards = ImmutableList.copyOf(gs);
    this.rules = ImmutableList.copyOf(makeRules());
  }

  /** A sampler for the final facts of {@code env}, whose guards {@code produced} holds. */
  public static ShapeSampler of(ShapeEnv env, ProducedGuards produced) {
    return of(env, produced, DEFAULT_SPAN);
  }

  /**
   * A sampler that draws an unbounded symbol from {@code [lower, lower + span]}.
   *
   * @throws IllegalArgumentException if {@code span < 1}, or some symbol of the inputs is not
   *     {@code a*s + b} of any input size
   */
  public static ShapeSampler of(ShapeEnv env, ProducedGuards produced, long span) {
    checkNotNull(env, "env");
    checkNotNull(produced, "produced");
    checkArgument(span >= 1, "span (%s) must be >= 1", span);
    return new ShapeSampler(env, produced, span);
  }

  private static Optional<Sym> univariateSymbol(IntExpr e) {
    Optional<long[]> ab = linear(e);
    if (ab.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(e instanceof Sym s ? s : (Sym) ((Add) e).monomials().get(0));
  }

  /** {@code {a, b}} when {@code e} is {@code a*s + b} with {@code a >= 1}. */
  private static Optional<long[]> linear(IntExpr e) {
    if (e instanceof Sym) {
      return Optional.of(new long[] {1, 0});
    }
    if (e instanceof Add add
        && add.termCount() == 1
        && add.monomials().get(0) instanceof Sym
        && add.coefficients().get(0).signum() > 0
        && add.coefficients().get(0).fitsLong()
        && add.constant().fitsLong()) {
      return Optional.of(
          new long[] {add.coefficients().get(0).longValueExact(), add.constant().longValueExact()});
    }
    return Optional.empty();
  }

  private List<SampleRule> makeRules() {
    List<SampleRule> out = new ArrayList<>();
    for (Map.Entry<Source, IntExpr> e : inputs.entrySet()) {
      Source src = e.getKey();
      IntExpr expr = e.getValue();
      IntValue c = expr.constantValue();
      if (c != null) {
        out.add(
            new SampleRule(
                Kind.STATIC,
                Optional.of(src),
                Optional.of(expr),
                Optional.empty(),
                Optional.of(c),
                Optional.empty(),
                src.name() + " == " + c));
        continue;
      }
      Optional<Sym> s = univariateSymbol(expr);
      if (s.isPresent() && src.equals(binders.get(s.get()))) {
        long[] ab = linear(expr).get();
        IntRange r = ranges.get(s.get());
        if (ab[0] > 1) {
          out.add(rule(Kind.FORM, src, expr, s.get(), null, src.name() + " == " + expr));
        }
        if (r.lower().isFinite()) {
          IntValue lo = carry(r.lower().value(), ab);
          out.add(rule(Kind.LOWER, src, expr, s.get(), lo, lo + " <= " + src.name()));
        }
        if (r.upper().isFinite()) {
          IntValue hi = carry(r.upper().value(), ab);
          out.add(rule(Kind.UPPER, src, expr, s.get(), hi, src.name() + " <= " + hi));
        }
        continue;
      }
      out.add(
          new SampleRule(
              Kind.RELATION,
              Optional.of(src),
              Optional.of(expr),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              src.name() + " == " + expr));
    }
    for (BoolExpr g : guards) {
      out.add(
          new SampleRule(
              Kind.GUARD,
              Optional.empty(),
              Optional.empty(),
              Optional.of(g),
              Optional.empty(),
              Optional.empty(),
              g.toString()));
    }
    return out;
  }

  private static SampleRule rule(
      Kind kind, Source src, IntExpr expr, Sym s, IntValue bound, String text) {
    return new SampleRule(
        kind,
        Optional.of(src),
        Optional.of(expr),
        Optional.empty(),
        Optional.ofNullable(bound),
        Optional.of(s),
        text);
  }

  private static IntValue carry(IntValue v, long[] ab) {
    return v.multiply(IntValue.of(ab[0])).add(IntValue.of(ab[1]));
  }

  /** The rules, input sources in order, then the residual guards. */
  public ImmutableList<SampleRule> rules() {
    return rules;
  }

  /** The input sources and their expressions, in order. */
  public ImmutableMap<Source, IntExpr> inputs() {
    return inputs;
  }

  /** An assignment that follows every rule; empty if none was found in {@link #MAX_ATTEMPTS}. */
  public Optional<Assignment> sample(Random rnd) {
    checkNotNull(rnd, "rnd");
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      Map<Sym, IntValue> v = draw(rnd, null);
      Assignment a = assign(v);
      if (a != null && brokenRules(a).isEmpty()) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * An assignment that breaks {@code rule} and follows every other rule; empty when none was found
   * in {@link #MAX_ATTEMPTS} (some rules cannot be broken alone, such as a lower bound whose next
   * smaller value would be a negative size).
   */
  public Optional<Assignment> violating(SampleRule rule, Random rnd) {
    checkNotNull(rule, "rule");
    checkNotNull(rnd, "rnd");
    checkArgument(rules.contains(rule), "%s is not a rule of this sampler", rule);
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      Map<Sym, IntValue> v = draw(rnd, rule);
      if (v == null) {
        return Optional.empty();
      }
      if (rule.kind() == Kind.GUARD) {
        solveToBreak(rule.guard().get(), v, rnd);
      }
      Assignment a = assign(v);
      if (a == null) {
        continue;
      }
      a = perturb(a, rule, rnd);
      if (a != null && brokenRules(a).equals(List.of(rule))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The rules {@code a} breaks, in order. */
  public ImmutableList<SampleRule> brokenRules(Assignment a) {
    ImmutableList.Builder<SampleRule> out = ImmutableList.builder();
    for (SampleRule r : rules) {
      if (!holds(r, a)) {
        out.add(r);
      }
    }
    return out.build();
  }

  private boolean holds(SampleRule r, Assignment a) {
    switch (r.kind()) {
      case STATIC:
        return a.sources().get(r.source().get()).equals(r.bound().get());
      case LOWER:
        return a.sources().get(r.source().get()).compareTo(r.bound().get()) >= 0;
      case UPPER:
        return a.sources().get(r.source().get()).compareTo(r.bound().get()) <= 0;
      case FORM:
        {
          long[] ab = linear(r.expr().get()).get();
          IntValue rest = a.sources().get(r.source().get()).subtract(IntValue.of(ab[1]));
          return rest.floorMod(IntValue.of(ab[0])).isZero();
        }
      case RELATION:
        return a.sources()
            .get(r.source().get())
            .equals(ExprInterpreter.evaluate(r.expr().get(), a.symbols()));
      default:
        return ExprInterpreter.test(r.guard().get(), a.symbols());
    }
  }

  /**
   * Symbol values: each from its range, except that breaking a LOWER or UPPER rule puts its symbol
   * just outside; null when that would make the source a negative size.
   */
  private Map<Sym, IntValue> draw(Random rnd, SampleRule breaking) {
    Map<Sym, IntValue> v = new LinkedHashMap<>();
    for (Map.Entry<Sym, IntRange> e : ranges.entrySet()) {
      Sym s = e.getKey();
      IntRange r = e.getValue();
      if (breaking != null
          && breaking.symbol().isPresent()
          && breaking.symbol().get() == s
          && (breaking.kind() == Kind.LOWER || breaking.kind() == Kind.UPPER)) {
        long k = 1 + rnd.nextInt(3);
        IntValue x =
            breaking.kind() == Kind.LOWER
                ? r.lower().value().subtract(IntValue.of(k))
                : r.upper().value().add(IntValue.of(k));
        long[] ab = linear(breaking.expr().get()).get();
        if (carry(x, ab).signum() < 0) {
          x = r.lower().value().subtract(IntValue.ONE);
          if (carry(x, ab).signum() < 0) {
            return null;
          }
        }
        v.put(s, x);
        continue;
      }
      v.put(s, pick(r, rnd));
    }
    return v;
  }

  private IntValue pick(IntRange r, Random rnd) {
    long lo = r.lower().isFinite() ? r.lower().value().longValueExact() : -span;
    long hi = r.upper().isFinite() ? r.upper().value().longValueExact() : Math.addExact(lo, span);
    int pick = rnd.nextInt(8);
    if (pick == 0) {
      return IntValue.of(lo);
    }
    if (pick == 1) {
      return IntValue.of(hi);
    }
    long width = hi - lo;
    return IntValue.of(lo + (width <= 0 ? 0 : Math.floorMod(rnd.nextLong(), width + 1)));
  }

  /** The input sizes of symbol values {@code v}; null if a size would be negative. */
  private Assignment assign(Map<Sym, IntValue> v) {
    Map<Source, IntValue> sizes = new LinkedHashMap<>();
    for (Map.Entry<Source, IntExpr> e : inputs.entrySet()) {
      IntValue x = ExprInterpreter.evaluate(e.getValue(), v);
      if (x.signum() < 0) {
        return null;
      }
      sizes.put(e.getKey(), x);
    }
    return new Assignment(ImmutableMap.copyOf(v), ImmutableMap.copyOf(sizes));
  }

  /**
   * For a guard whose negation is an equation ({@code Ne(s0, 4*s3)}: {@code s0 == 4*s3}), sets one
   * of its symbols to the solution of the equation at the other values, which rejection sampling
   * would rarely hit; leaves {@code v} as drawn when no symbol can be solved for.
   */
  private void solveToBreak(BoolExpr g, Map<Sym, IntValue> v, Random rnd) {
    BoolExpr broken = g.factory().not(g);
    if (broken.kind() != dev.symshapes.expr.ExprKind.EQ) {
      return;
    }
    List<Sym> syms = new ArrayList<>(broken.freeSymbols());
    java.util.Collections.shuffle(syms, rnd);
    for (Sym s : syms) {
      Solution sol = LinearSolver.solve(broken, s);
      if (sol instanceof Solution.Solved solved
          && solved.relation().kind() == dev.symshapes.expr.ExprKind.EQ) {
        try {
          IntValue x = ExprInterpreter.evaluate(solved.relation().rhs(), v);
          if (ranges.get(s).contains(x)) {
            v.put(s, x);
            return;
          }
        } catch (ArithmeticException notExact) {
          // this draw of the other symbols has no integer solution; try another symbol
        }
      }
    }
  }

  /** Breaks a STATIC, FORM or RELATION rule by moving its source off its value. */
  private Assignment perturb(Assignment a, SampleRule r, Random rnd) {
    long delta;
    switch (r.kind()) {
      case STATIC:
      case RELATION:
        delta = rnd.nextBoolean() ? 1 + rnd.nextInt(3) : -(1 + rnd.nextInt(3));
        break;
      case FORM:
        {
          long a0 = linear(r.expr().get()).get()[0];
          delta = 1 + rnd.nextInt((int) Math.min(a0 - 1, Integer.MAX_VALUE - 1));
          break;
        }
      default:
        return a;
    }
    Source src = r.source().get();
    IntValue x = a.sources().get(src).add(IntValue.of(delta));
    if (x.signum() < 0) {
      return null;
    }
    Map<Source, IntValue> sizes = new LinkedHashMap<>(a.sources());
    sizes.put(src, x);
    return new Assignment(a.symbols(), ImmutableMap.copyOf(sizes));
  }
}
