package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.DimDynamic;
import dev.symshapes.solver.DuckSizing;
import dev.symshapes.solver.Fact;
import dev.symshapes.solver.Location;
import dev.symshapes.solver.Replacement;
import dev.symshapes.solver.ReplacementReason;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolInfo;
import dev.symshapes.solver.SymbolSpec;
import dev.symshapes.solver.ZeroOne;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Symbols and the facts stated when they are made: PyTorch's {@code create_symbol} (0/1
 * specialization, static dimensions, declared ranges, duck sizing), {@code create_unbacked_symint},
 * size-like marking, {@code constrain_symbol_range} and {@code _rename_unbacked_to}. Also keeps
 * every source passed to symbol creation with the expression it got, for {@code produceGuards}.
 */
public final class SymbolMaker {
  private static final IntRange DEFAULT_SIZE_RANGE = IntRange.atLeast(2);
  private static final IntRange SIZE_RANGE_WITH_ZERO_ONE = IntRange.atLeast(0);

  private final ExprFactory f;
  private final FactBase facts;
  private final Events events;
  private final Refiner refiner;
  private final DuckSizing duckSizing;
  final List<ProducedSource> registered = new ArrayList<>();

  /** A source passed to symbol creation, with the expression it got. */
  record ProducedSource(Source source, IntExpr expr) {}

  SymbolMaker(
      ExprFactory f, FactBase facts, Events events, Refiner refiner, DuckSizing duckSizing) {
    this.f = f;
    this.facts = facts;
    this.events = events;
    this.refiner = refiner;
    this.duckSizing = duckSizing;
  }

  /** PyTorch's {@code create_symbol}. */
  public IntExpr createSymbol(
      long hint, Source source, SymbolSpec spec, Supplier<Optional<Location>> loc) {
    IntValue h = IntValue.of(hint);
    if (spec.policy() == DimDynamic.SIZE_LIKE_UNBACKED) {
      Sym u = createUnbacked(Optional.of(source), loc);
      IntRange r = spec.range().orElse(IntRange.atLeast(0));
      constrainRangeForSize(u, r);
      return register(source, u);
    }
    IntRange declared = spec.range().orElse(IntRange.all());
    if (spec.policy() == DimDynamic.STATIC || declared.isSingleton()) {
      if (!declared.contains(h)) {
        throw new ContradictionException(
            "Static shape constraint of "
                + declared.lower()
                + " does not match input size of "
                + hint
                + ", for "
                + source.name(),
            f.eq(f.integer(h), f.integer(declared.lower().value())),
            List.of());
      }
      return register(source, f.integer(h));
    }
    if (spec.zeroOne() == ZeroOne.SPECIALIZE && (hint == 0 || hint == 1)) {
      checkHintInRange(h, declared, source);
      return register(source, f.integer(h));
    }
    if (duckSizing == DuckSizing.ENABLED && spec.policy() == DimDynamic.DUCK) {
      Sym existing = facts.duckSymbols.get(h);
      if (existing != null) {
        facts.replaceInfo(facts.info.get(existing).withSource(source));
        events.duckSized(existing, source);
        return register(source, existing);
      }
    }
    IntRange base =
        spec.zeroOne() == ZeroOne.SPECIALIZE ? DEFAULT_SIZE_RANGE : SIZE_RANGE_WITH_ZERO_ONE;
    IntRange range = base.tryIntersect(declared).orElse(null);
    if (range == null || !range.contains(h)) {
      checkHintInRange(h, range == null ? declared : range, source);
    }
    Sym s = f.symbol("s" + facts.backedCount);
    facts.backedCount++;
    facts.undo.record(() -> facts.backedCount--);
    SymbolInfo si =
        new SymbolInfo(
            s,
            SymbolInfo.Kind.BACKED,
            Optional.of(h),
            ImmutableList.of(source),
            facts.symbols.size(),
            loc.get());
    facts.addSymbol(si);
    // A declared bound is a fact (named when a check contradicts it); a default one is not.
    Fact loFact = null;
    Fact hiFact = null;
    if (declared.lower().isFinite() && declared.lower().equals(range.lower())) {
      loFact =
          new Fact(
              f.ge(s, f.integer(range.lower().value())), Fact.Origin.DECLARED_RANGE, loc.get());
    }
    if (declared.upper().isFinite()) {
      hiFact =
          new Fact(
              f.le(s, f.integer(range.upper().value())), Fact.Origin.DECLARED_RANGE, loc.get());
    }
    facts.setRange(s, range, loFact, hiFact);
    if (spec.policy() == DimDynamic.DUCK) {
      facts.duckSymbols.putIfAbsent(h, s);
      facts.undo.record(() -> facts.duckSymbols.remove(h, s));
    }
    events.createSymbol(s, h, source, range, loc.get());
    return register(source, s);
  }

  private void checkHintInRange(IntValue h, IntRange r, Source source) {
    if (!r.contains(h)) {
      throw new ContradictionException(
          "example value "
              + h
              + " of "
              + source.name()
              + " is outside its declared range "
              + bracket(r),
          f.trueExpr(),
          List.of());
    }
  }

  private IntExpr register(Source source, IntExpr e) {
    registered.add(new ProducedSource(source, e));
    facts.undo.record(() -> registered.remove(registered.size() - 1));
    return e;
  }

  private BoolExpr rangeAsExpr(Sym s, IntRange r) {
    List<BoolExpr> parts = new ArrayList<>(2);
    if (r.lower().isFinite()) {
      parts.add(f.ge(s, f.integer(r.lower().value())));
    }
    if (r.upper().isFinite()) {
      parts.add(f.le(s, f.integer(r.upper().value())));
    }
    return f.and(parts);
  }

  /** {@code [2, int_oo]}: a range as PyTorch prints it in {@code create_symbol} lines. */
  static String bracket(IntRange r) {
    return Events.bracket(r);
  }

  /** PyTorch's {@code create_unbacked_symint}. */
  public Sym createUnbacked(Optional<Source> source, Supplier<Optional<Location>> loc) {
    Sym u = f.symbol("u" + facts.unbackedCount);
    facts.unbackedCount++;
    facts.undo.record(() -> facts.unbackedCount--);
    facts.addSymbol(
        new SymbolInfo(
            u,
            SymbolInfo.Kind.UNBACKED,
            Optional.empty(),
            source.map(ImmutableList::of).orElse(ImmutableList.of()),
            facts.symbols.size(),
            loc.get()));
    facts.setRange(u, IntRange.all(), null);
    events.createUnbacked(u, IntRange.all(), loc.get());
    return u;
  }

  /** PyTorch's {@code _constrain_range_for_size}: narrows to {@code r ∩ [0, int_oo]}, size-like. */
  public void constrainRangeForSize(Sym u, IntRange r) {
    IntRange nr =
        r.tryIntersect(IntRange.atLeast(0))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "range (" + r + ") of size-like " + u + " must contain a value >= 0"));
    refiner.narrow(
        u, nr, new Fact(rangeAsExpr(u, nr), Fact.Origin.DECLARED_RANGE, Optional.empty()));
    facts.markSizeLike(u);
  }

  /** PyTorch's {@code constrain_symbol_range}: narrows a range without a guard. */
  public void constrainSymbolRange(Sym s, IntRange r) {
    SymbolInfo si = facts.info.get(s);
    if (si.hint().isPresent() && !r.contains(si.hint().get())) {
      throw new ContradictionException(
          "constrainSymbolRange: the example value "
              + si.hint().get()
              + " of "
              + s
              + " is outside "
              + bracket(r),
          rangeAsExpr(s, r),
          List.of());
    }
    IntRange old = facts.range(s);
    refiner.narrow(s, r, new Fact(rangeAsExpr(s, r), Fact.Origin.DECLARED_RANGE, Optional.empty()));
    IntRange now = facts.range(s);
    if (!now.equals(old)) {
      events.constrainSymbolRange(s, now);
    }
  }

  /** PyTorch's {@code _rename_unbacked_to}. */
  public void renameUnbackedTo(Sym orig, Sym dest) {
    Fact fact = new Fact(f.eq(orig, dest), Fact.Origin.REPLACEMENT, Optional.empty());
    Replacement old = facts.replacements.get(orig);
    IntExpr oldTarget = old == null ? null : refiner.find(orig);
    if (oldTarget == null) {
      refiner.narrow(dest, facts.range(orig), fact);
    }
    if (facts.sizeLike.contains(orig)) {
      facts.markSizeLike(dest);
    }
    if (oldTarget == null) {
      refiner.setReplacement(orig, dest, ReplacementReason.RENAME_UNBACKED_TO, fact);
    } else {
      // orig's value passes to dest; orig is renamed first, as PyTorch logs it.
      refiner.forceReplacement(orig, dest, ReplacementReason.RENAME_UNBACKED_TO, fact);
      refiner.setReplacement(dest, oldTarget, ReplacementReason.RENAME_UNBACKED_TO_DEST, fact);
    }
  }
}
