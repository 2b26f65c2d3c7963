package dev.symshapes.export.serde.internal;

import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.solve.LinearSolver;
import dev.symshapes.expr.solve.Solution;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.ZeroOne;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-creates the shape environment of a loaded program, so that its symbols can be reasoned about:
 * PyTorch's deserializer does the same from the range constraints, the hints of the sizes and the
 * {@code _assert_scalar} / {@code sym_constrain_range_for_size} nodes ({@code
 * GraphModuleDeserializer} in {@code serialize.py}).
 *
 * <ol>
 *   <li>backed symbols {@code s<n>} are created in index order with their hint (from the file; one
 *       that no value uses gets the smallest value of its range) and their range constraint;
 *       unbacked symbols {@code u<n>} likewise, without hints. The environment names symbols by
 *       counting, so an index the file skips is filled with an unused symbol;
 *   <li>{@code sym_constrain_range_for_size} nodes make their symbol size-like;
 *   <li>range constraints of unbacked symbols, then the conditions of the {@code _assert_scalar}
 *       nodes, are added as runtime asserts. A condition that contradicts what is already known is
 *       not added (the program still checks it when it runs).
 * </ol>
 */
public final class EnvRebuilder {
  private static final Pattern BACKED = Pattern.compile("s(\\d+)");
  private static final Pattern UNBACKED = Pattern.compile("u(\\d+)");

  private EnvRebuilder() {}

  static void rebuild(
      ShapeEnv env,
      ValueDecoder values,
      Map<IntExpr, IntRange> ranges,
      Map<Sym, Source> sources,
      List<GraphModule> graphs,
      int maxSymbolIndex) {
    Map<Sym, IntValue> hints = solveHints(values, env.factory());
    Map<Integer, Sym> unbacked =
        createSymbols(env, values.symbols, hints::get, ranges, sources, maxSymbolIndex);
    ExprFactory f = env.factory();
    GraphModule main = graphs.get(0);
    for (Sym u : ProgramFacts.sizeLike(main)) {
      if (unbacked.containsValue(u)) {
        env.constrainRangeForSize(u, IntRange.atLeast(0));
      }
    }
    for (Map.Entry<IntExpr, IntRange> e : ranges.entrySet()) {
      if (e.getKey() instanceof Sym u && unbacked.containsValue(u)) {
        IntRange r = e.getValue();
        if (r.lower().isFinite()) {
          addFact(env, f.ge(u, f.integer(r.lower().value())));
        }
        if (r.upper().isFinite()) {
          addFact(env, f.le(u, f.integer(r.upper().value())));
        }
      }
    }
    ProgramFacts.asserts(main).forEach(a -> addFact(env, a.condition()));
  }

  /**
   * Creates {@code symbols} in {@code env} in index order, backed ones ({@code s<n>}) with their
   * hint and declared range, unbacked ones ({@code u<n>}) without; fills skipped indices with
   * unused symbols. Returns the unbacked symbols by index.
   *
   * @throws SerdeException for a symbol that is not {@code s<n>} or {@code u<n>}, an index above
   *     {@code maxSymbolIndex}, or a hint outside the declared range
   */
  public static Map<Integer, Sym> createSymbols(
      ShapeEnv env,
      Iterable<Sym> symbols,
      java.util.function.Function<Sym, IntValue> hintOf,
      Map<? extends IntExpr, IntRange> ranges,
      Map<Sym, Source> sources,
      int maxSymbolIndex) {
    ExprFactory f = env.factory();
    Map<Integer, Sym> backed = new TreeMap<>();
    Map<Integer, Sym> unbacked = new TreeMap<>();
    for (Sym s : symbols) {
      Matcher b = BACKED.matcher(s.name());
      Matcher u = UNBACKED.matcher(s.name());
      Matcher m = b.matches() ? b : u.matches() ? u : null;
      if (m == null) {
        throw new SerdeException(
            "symbol '"
                + s.name()
                + "' is not supported: symshapes reads backed symbols s<n> and unbacked symbols"
                + " u<n>");
      }
      if (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) > maxSymbolIndex) {
        throw new SerdeException(
            "symbol '" + s.name() + "' has an index larger than " + maxSymbolIndex);
      }
      (m == b ? backed : unbacked).put(Integer.parseInt(m.group(1)), s);
    }
    if (!backed.isEmpty()) {
      int last = ((TreeMap<Integer, Sym>) backed).lastKey();
      for (int i = 0; i <= last; i++) {
        Sym s = backed.get(i);
        Sym want = f.symbol("s" + i);
        IntRange declared = s == null ? null : ranges.get(s);
        SymbolSpec spec = SymbolSpec.dynamic().withZeroOne(ZeroOne.KEEP_SYMBOLIC);
        if (declared != null && !declared.isSingleton()) {
          spec = spec.withRange(declared);
        }
        IntValue hint = s == null ? null : hintOf.apply(s);
        if (hint == null) {
          hint = smallest(declared);
        }
        if (!hint.fitsLong() || hint.signum() < 0) {
          throw new SerdeException(
              "backed symbol " + want + " has the example value " + hint + ", which is not a size");
        }
        Source source =
            s == null
                ? Source.named("unused symbol " + want)
                : sources.getOrDefault(s, Source.named(want.name()));
        IntExpr made;
        try {
          made = env.createSymbol(hint.longValueExact(), source, spec);
        } catch (ContradictionException e) {
          throw new SerdeException("symbol " + want + ": " + e.getMessage(), e);
        }
        if (made != want) {
          throw new SerdeException("cannot re-create symbol " + want + " (made " + made + ")");
        }
      }
    }
    if (!unbacked.isEmpty()) {
      int last = ((TreeMap<Integer, Sym>) unbacked).lastKey();
      for (int i = 0; i <= last; i++) {
        Sym made = env.createUnbackedSymInt();
        if (made != f.symbol("u" + i)) {
          throw new SerdeException("cannot re-create symbol u" + i + " (made " + made + ")");
        }
      }
    }
    return unbacked;
  }

  /**
   * Adds a fact unless it contradicts what is known (it is still checked when the program runs).
   */
  public static void addFact(ShapeEnv env, BoolExpr e) {
    if (e.isConstant()) {
      return;
    }
    try {
      env.check(e);
    } catch (ContradictionException ignored) {
      // The program's checks still enforce it; an analysis (ConstraintReport) reports it.
    }
  }

  private static IntValue smallest(IntRange declared) {
    if (declared != null && declared.lower().isFinite() && declared.lower().value().signum() > 0) {
      return declared.lower().value();
    }
    return IntValue.of(2);
  }

  /** Hints of symbols, given directly or solved from hinted expressions of one unknown symbol. */
  private static Map<Sym, IntValue> solveHints(ValueDecoder values, ExprFactory f) {
    Map<Sym, IntValue> hints = new HashMap<>(values.hints);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<IntExpr, IntValue> d : values.derivedHints) {
        IntExpr e = d.getKey();
        Sym unknown = null;
        int unknowns = 0;
        for (Sym s : e.freeSymbols()) {
          if (!hints.containsKey(s)) {
            unknown = s;
            unknowns++;
          }
        }
        if (unknowns != 1) {
          continue;
        }
        Map<Sym, IntExpr> known = new HashMap<>();
        for (Sym s : e.freeSymbols()) {
          if (hints.containsKey(s)) {
            known.put(s, f.integer(hints.get(s)));
          }
        }
        IntExpr partial = dev.symshapes.expr.Substitution.apply(e, known);
        Solution sol = LinearSolver.solve(f.eq(partial, f.integer(d.getValue())), unknown);
        if (sol instanceof Solution.Solved solved
            && solved.kind() == dev.symshapes.expr.ExprKind.EQ
            && solved.rhs().constantValue() != null) {
          hints.put(unknown, solved.rhs().constantValue());
          progress = true;
        }
      }
    }
    return hints;
  }
}
