package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Substitution;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.eval.ExprInterpreter;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.range.RangeAnalyzer;
import dev.symshapes.expr.solve.LinearSolver;
import dev.symshapes.expr.solve.Solution;
import dev.symshapes.expr.text.ExprPrinter;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.DataDependentException;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.DivisionByZeroException;
import dev.symshapes.solver.DuckSizing;
import dev.symshapes.solver.EvalMode;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.Location;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.SymbolInfo;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.eval.DecisionTier;
import dev.symshapes.solver.eval.FactView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The work behind {@code ShapeEnv}: guarding, runtime asserts, data-dependent errors (symbol
 * creation is in {@link SymbolMaker}). The facade adds thread checks, transactions and javadoc;
 * this class assumes it runs inside a transaction.
 */
public final class EnvCore {
  final ExprFactory f;
  final UndoLog undo = new UndoLog();
  final FactBase facts;
  final Events events;
  final Refiner refiner;
  final Decider decider;
  private final SymbolMaker symbols;
  private final Function<Sym, String> namer;
  private final DecisionTier extraTier;

  /** Everything a core needs; see {@code ShapeEnv.Builder}. */
  public EnvCore(
      ExprFactory f,
      Events events,
      DuckSizing duckSizing,
      DecisionTier extraTier,
      Function<Sym, String> namer) {
    this.f = f;
    this.events = events;
    this.facts = new FactBase(f, undo);
    this.refiner =
        new Refiner(facts, events, loc -> symbols().createUnbacked(Optional.empty(), () -> loc));
    this.symbols = new SymbolMaker(f, facts, events, refiner, duckSizing);
    this.extraTier = extraTier;
    this.decider = new Decider(facts, refiner, extraTier, new View());
    this.namer = namer;
  }

  public ExprFactory factory() {
    return f;
  }

  /** The unbacked symbols of {@code e}. */
  public List<Sym> unbackedOf(Expr e) {
    return unbackedIn(e);
  }

  public UndoLog undo() {
    return undo;
  }

  public Events events() {
    return events;
  }

  public Decider decider() {
    return decider;
  }

  public Refiner refiner() {
    return refiner;
  }

  public DecisionTier extraTier() {
    return extraTier;
  }

  /** Symbol creation and the facts stated with it. */
  public SymbolMaker symbols() {
    return symbols;
  }

  // ---- deciding and guarding ----

  public Decision decide(BoolExpr e, EvalMode mode) {
    return decider.decide(e, mode);
  }

  /** PyTorch's {@code evaluate_expr} on a boolean: decide, or guard on the hint. */
  public boolean evaluateExpr(BoolExpr e, EvalMode mode, Supplier<Optional<Location>> loc) {
    if (e.isConstant()) {
      return e.isTrue();
    }
    Decision d = decider.decide(e, mode);
    if (d.truth().isKnown()) {
      events.staticallyKnown("eval", e, d.truth().pythonName());
      return d.truth().value();
    }
    boolean value = hintOf(d.simplified(), e, loc);
    BoolExpr g = value ? e : f.not(e);
    Guard guard = new Guard(g, Guard.Kind.GUARD, loc.get());
    addFact(g, guard);
    events.guardAdded(g, loc.get());
    return value;
  }

  /** PyTorch's {@code guard_int}: the concrete value, guarding {@code Eq(e, value)}. */
  public IntValue guardInt(IntExpr e, Supplier<Optional<Location>> loc) {
    IntExpr r = refiner.replace(e);
    IntValue c = r.constantValue();
    if (c != null) {
      return c;
    }
    IntRange b = refiner.bound(r);
    if (b.isSingleton()) {
      events.staticallyKnown("eval", e, b.lower().toString());
      return b.lower().value();
    }
    Optional<IntValue> h = hint(r);
    if (h.isEmpty()) {
      throw dataDependent(
          "Could not extract specialized integer from data-dependent expression", e, loc, false);
    }
    BoolExpr g = f.eq(e, f.integer(h.get()));
    addFact(g, new Guard(g, Guard.Kind.GUARD, loc.get()));
    events.guardAdded(g, loc.get());
    return h.get();
  }

  /** {@code torch._check}: a runtime assert, unless statically known. */
  public void check(BoolExpr e, Supplier<Optional<Location>> loc) {
    if (e.isTrue()) {
      return;
    }
    Decision d = e.isFalse() ? null : decider.decide(e, EvalMode.NORMAL);
    if (d != null && d.truth() == Truth.TRUE) {
      events.staticallyKnown("runtime_assert", e, "True");
      return;
    }
    if (d == null || d.truth() == Truth.FALSE) {
      List<Fact> reasons = d == null ? List.of() : decider.minimalReasons(e, d, EvalMode.NORMAL);
      String why;
      if (!reasons.isEmpty()) {
        why = ": it contradicts " + describe(reasons);
      } else if (d != null && d.decidedBy() == Tier.RANGE && anyBounded(d.simplified())) {
        why = ": it contradicts " + describeRanges(d.simplified());
      } else if (d != null && d.decidedBy() == Tier.RANGE) {
        why = ": no integer values satisfy it"; // Eq(2*u0, 1): no range is involved
      } else if (d != null && d.decidedBy() == Tier.SMT) {
        // The SMT tier names no facts; blaming symbols' ranges here would be wrong.
        why = ": the SMT tier found that it contradicts the known facts";
      } else {
        why = "";
      }
      throw new ContradictionException(
          "check("
              + e
              + ") can never hold"
              + why
              + loc.get().map(l -> " (at " + l.describe() + ")").orElse(""),
          e,
          reasons);
    }
    BoolExpr simplified = d.simplified();
    if (unbackedIn(simplified).isEmpty()) {
      Optional<Boolean> h = hintTruth(simplified);
      if (h.isPresent() && !h.get()) {
        throw new ContradictionException(
            "check("
                + e
                + ") failed on the example inputs ("
                + describeHints(simplified)
                + ")"
                + loc.get().map(l -> " at " + l.describe()).orElse(""),
            e,
            List.of());
      }
    }
    Guard guard = new Guard(e, Guard.Kind.RUNTIME_ASSERT, loc.get());
    addFact(e, guard);
    events.runtimeAssertAdded(e, loc.get());
  }

  /** {@code guard_or_false}/{@code guard_or_true}. */
  public boolean guardOr(BoolExpr e, boolean fallback, Supplier<Optional<Location>> loc) {
    if (e.isConstant()) {
      return e.isTrue();
    }
    Decision d = decider.decide(e, EvalMode.NORMAL);
    if (d.truth().isKnown()) {
      events.staticallyKnown("eval", e, d.truth().pythonName());
      return d.truth().value();
    }
    if (!unbackedIn(d.simplified()).isEmpty()) {
      events.dataDependentFallback(e, fallback, loc); // the user's line only if logged
      return fallback;
    }
    return evaluateExpr(e, EvalMode.NORMAL, loc);
  }

  private void addFact(BoolExpr g, Guard guard) {
    Fact fact = guard.asFact();
    refiner.learn(g, fact);
    facts.addGuard(guard);
    BoolExpr replaced = refiner.replace(g);
    facts.axioms.add(replaced, fact);
    for (Sym s : replaced.freeSymbols()) {
      facts.bump(s);
    }
    addDefinedness(g, fact);
  }

  /**
   * A fact that holds was evaluated, so every divisor it evaluates is non-zero: kept as the axiom
   * {@code Ne(divisor, 0)}, which also makes a later fact that sets such a divisor to 0 a
   * contradiction (instead of leaving a fact or a replacement that divides by zero).
   */
  private void addDefinedness(BoolExpr g, Fact fact) {
    Divisions.requiredDivisors(
        g,
        divisor -> {
          // The stated fact, not its replaced form: Eq(u2, u0//u1) with u2 -> u0//u1 is true.
          IntExpr d = refiner.replace(divisor);
          if (!d.isConstant() && refiner.bound(d).contains(0)) {
            BoolExpr nonZero = f.ne(d, f.zero());
            facts.axioms.add(nonZero, fact);
            for (Sym s : d.freeSymbols()) {
              facts.bump(s);
            }
          }
        });
  }

  // ---- hints ----

  /** The value of {@code e} at the example inputs; empty when it depends on unbacked symbols. */
  public Optional<IntValue> hint(IntExpr e) {
    IntExpr r = refiner.replace(e);
    if (!unbackedIn(r).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ExprInterpreter.evaluate(r, this::hintOfSymbol));
    } catch (ArithmeticException zeroDivisor) {
      throw divisionByZeroAtHints(e, r, zeroDivisor);
    }
  }

  private Optional<Boolean> hintTruth(BoolExpr e) {
    if (!unbackedIn(e).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ExprInterpreter.test(e, this::hintOfSymbol));
    } catch (ArithmeticException zeroDivisor) {
      throw divisionByZeroAtHints(e, e, zeroDivisor);
    }
  }

  /**
   * The error for {@code original}, whose form {@code replaced} (after replacements, backed only)
   * divides by zero at the example inputs.
   */
  private DivisionByZeroException divisionByZeroAtHints(
      Expr original, Expr replaced, ArithmeticException cause) {
    Divisions.Zero z =
        Divisions.findZero(
            replaced,
            d -> {
              try {
                return ExprInterpreter.evaluate(d, this::hintOfSymbol);
              } catch (ArithmeticException inner) {
                return null; // a division inside the divisor; found first, as children come first
              }
            });
    if (z == null) {
      DivisionByZeroException ex =
          new DivisionByZeroException(
              cause.getMessage() + " at the example inputs", original, null);
      ex.initCause(cause);
      return ex;
    }
    return new DivisionByZeroException(
        z.describeIn(original) + " at the example inputs (" + describeHints(z.divisor()) + ")",
        original,
        z.division());
  }

  private IntValue hintOfSymbol(Sym s) {
    SymbolInfo si = facts.info.get(s);
    return si == null ? null : si.hint().orElse(null);
  }

  private boolean hintOf(BoolExpr simplified, BoolExpr original, Supplier<Optional<Location>> loc) {
    Optional<Boolean> h = hintTruth(simplified);
    if (h.isEmpty()) {
      throw dataDependent("Could not guard on data-dependent expression", original, loc, true);
    }
    return h.get();
  }

  List<Sym> unbackedIn(Expr e) {
    List<Sym> out = new ArrayList<>();
    for (Sym s : e.freeSymbols()) {
      SymbolInfo si = facts.info.get(s);
      if (si == null || si.isUnbacked()) {
        out.add(s);
      }
    }
    return out;
  }

  private String describeHints(Expr e) {
    StringBuilder sb = new StringBuilder();
    for (Sym s : e.freeSymbols()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(s).append(" = ").append(hintOfSymbol(s));
    }
    return sb.toString();
  }

  /** Whether a symbol of {@code e} has a range narrower than all integers. */
  private boolean anyBounded(Expr e) {
    for (Sym s : e.freeSymbols()) {
      if (!facts.range(s).equals(IntRange.all())) {
        return true;
      }
    }
    return false;
  }

  /** {@code the range VR[2, int_oo] of s0} (for symbols whose ranges no fact narrowed). */
  private String describeRanges(Expr e) {
    StringBuilder sb = new StringBuilder();
    for (Sym s : e.freeSymbols()) {
      if (sb.length() > 0) {
        sb.append(" and ");
      }
      sb.append("the range ").append(facts.range(s)).append(" of ").append(s);
    }
    return sb.toString();
  }

  private static String describe(List<Fact> reasons) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        sb.append(" and ");
      }
      sb.append(reasons.get(i).describe());
    }
    return sb.toString();
  }

  // ---- data-dependent errors ----

  private DataDependentException dataDependent(
      String description, Expr e, Supplier<Optional<Location>> loc, boolean suggest) {
    Map<Sym, IntExpr> hints = new java.util.HashMap<>();
    for (Sym s : e.freeSymbols()) {
      IntValue h = hintOfSymbol(s);
      if (h != null) {
        hints.put(s, f.integer(h));
      }
    }
    String hinted;
    try {
      hinted = Substitution.apply(e, hints).toString();
    } catch (ArithmeticException zeroDivisor) {
      // The example values divide by zero: there is no hinted form to show.
      hinted = e + " (dividing by zero at the example inputs)";
    }
    List<String> sizeLike = new ArrayList<>();
    for (Sym s : e.freeSymbols()) {
      if (facts.sizeLike.contains(s)) {
        sizeLike.add(s.name());
      }
    }
    BoolExpr cond = suggest ? (BoolExpr) refiner.replaceAny(e) : null;
    ImmutableList<String> checks = suggest ? suggestChecks(cond) : ImmutableList.of();
    return new DataDependentException(
        description,
        e,
        hinted,
        sizeLike.isEmpty() ? "none" : String.join(", ", sizeLike),
        loc.get(),
        checks,
        suggest ? checksNote(cond) : Optional.empty());
  }

  /**
   * How the suggested checks name data-dependent values: {@code These checks write u0 as x.item(),
   * the value read at Foo.java:12 in forward; check the variable that holds it.}
   */
  private Optional<String> checksNote(BoolExpr cond) {
    List<Sym> syms = new ArrayList<>(unbackedIn(cond));
    syms.sort((a, b) -> a.name().compareTo(b.name()));
    List<String> parts = new ArrayList<>();
    for (Sym s : syms) {
      String name = namer.apply(s);
      if (name.equals(s.name())) {
        continue;
      }
      SymbolInfo si = facts.info.get(s);
      String where =
          si == null
              ? ""
              : si.location().map(l -> ", the value read at " + l.describe()).orElse("");
      parts.add(s.name() + " as " + name + where);
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "These checks write "
            + String.join(" and ", parts)
            + "; check the variable that holds "
            + (parts.size() == 1 ? "it" : "each value")
            + ".");
  }

  /** Two checks, one the negation of the other, that decide {@code c}. */
  private ImmutableList<String> suggestChecks(BoolExpr c) {
    BoolExpr cond = c;
    List<Sym> unbacked = unbackedIn(c);
    if (unbacked.size() == 1 && c.kind().isRelation()) {
      Solution sol = LinearSolver.solve(c, unbacked.get(0), refiner.signs());
      if (sol instanceof Solution.Solved s) {
        cond = s.relation();
      }
    }
    ExprPrinter p = ExprPrinter.python(namer);
    return ImmutableList.of("check(" + p.print(cond) + ")", "check(" + p.print(f.not(cond)) + ")");
  }

  // ---- read-only view for extra tiers ----

  private final class View implements FactView {
    @Override
    public ExprFactory factory() {
      return f;
    }

    @Override
    public List<SymbolInfo> symbols() {
      return java.util.Collections.unmodifiableList(facts.symbols);
    }

    @Override
    public IntRange range(Sym s) {
      return facts.range(s);
    }

    @Override
    public Map<Sym, Replacement> replacements() {
      return java.util.Collections.unmodifiableMap(facts.replacements);
    }

    @Override
    public Map<Sym, IntValue> divisors() {
      return java.util.Collections.unmodifiableMap(facts.divisors);
    }

    @Override
    public List<Guard> guards() {
      return java.util.Collections.unmodifiableList(facts.guards);
    }

    @Override
    public long version() {
      return facts.globalVersion();
    }
  }

  // ---- accessors for the facade ----

  public FactBase facts() {
    return facts;
  }

  /**
   * Used by produceGuards: whether {@code e} (already replaced) holds by the replacements and
   * ranges alone, which the produced guards state by themselves. Divisibility facts are not used:
   * they come from guards that must then be produced.
   */
  boolean impliedWithoutAxioms(BoolExpr e) {
    if (e.isConstant()) {
      return e.isTrue();
    }
    return RangeAnalyzer.create().bound(e, facts::range).isTrue();
  }

  /** PyTorch's {@code produce_guards}; see {@link GuardProducer}. */
  public dev.symshapes.solver.ProducedGuards produceGuards() {
    return new GuardProducer(this).produce();
  }
}
