package dev.symshapes.solver.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.text.ExprPrinter;
import dev.symshapes.solver.Guard;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ProducedGuards.SourceBinding;
import dev.symshapes.solver.SymbolInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PyTorch's {@code produce_guards}: resolves every replacement (compressing chains, which logs
 * {@code find} replacements), then turns the facts into source-level guards, range constraints and
 * the input-check plan.
 */
final class GuardProducer {
  private final EnvCore core;

  GuardProducer(EnvCore core) {
    this.core = core;
  }

  ProducedGuards produce() {
    FactBase facts = core.facts;
    Refiner refiner = core.refiner;
    for (Sym s : new ArrayList<>(facts.replacements.keySet())) {
      refiner.find(s);
    }
    core.events.produceGuards();

    // Bindings, and the first source of each remaining symbol (for printing).
    List<SourceBinding> bindings = new ArrayList<>();
    Map<Sym, String> names = new HashMap<>();
    for (SymbolMaker.ProducedSource p : core.symbols().registered) {
      IntExpr e = refiner.replace(p.expr());
      bindings.add(new SourceBinding(p.source(), e));
      if (e.kind() == dev.symshapes.expr.ExprKind.SYMBOL) {
        names.putIfAbsent((Sym) e, p.source().name());
      }
    }
    ExprPrinter python = ExprPrinter.python(s -> names.getOrDefault(s, s.name()));

    Set<String> guards = new LinkedHashSet<>();
    // 1. What each source equals, except the first source of a bare symbol.
    Set<Sym> seen = new java.util.HashSet<>();
    for (SourceBinding b : bindings) {
      IntExpr e = b.expr();
      if (e.kind() == dev.symshapes.expr.ExprKind.SYMBOL && seen.add((Sym) e)) {
        continue;
      }
      guards.add(b.source().name() + " == " + python.print(e));
    }
    // 2. Guards and backed runtime asserts not implied by replacements and ranges.
    Set<BoolExpr> residual = new LinkedHashSet<>();
    for (Guard g : facts.guards) {
      BoolExpr r = refiner.replace(g.expr());
      if (residual.contains(r) || !core.unbackedIn(r).isEmpty() || core.impliedWithoutAxioms(r)) {
        continue;
      }
      residual.add(r);
      guards.add(python.print(r));
    }
    // 3. Ranges of the remaining symbols that have sources.
    for (SymbolInfo si : facts.symbols) {
      Sym s = si.symbol();
      if (facts.replacements.containsKey(s) || !names.containsKey(s)) {
        continue;
      }
      IntRange r = facts.range(s);
      String src = names.get(s);
      List<String> parts = new ArrayList<>(2);
      if (r.lower().isFinite()) {
        parts.add(r.lower() + " <= " + src);
      }
      if (r.upper().isFinite()) {
        parts.add(src + " <= " + r.upper());
      }
      if (!parts.isEmpty()) {
        guards.add(String.join(" and ", parts));
      }
    }

    // Range constraints: remaining symbols, then derived input expressions.
    Map<IntExpr, IntRange> ranges = new LinkedHashMap<>();
    for (SymbolInfo si : facts.symbols) {
      Sym s = si.symbol();
      if (!facts.replacements.containsKey(s)) {
        ranges.put(s, facts.range(s));
      }
    }
    for (SourceBinding b : bindings) {
      IntExpr e = b.expr();
      if (!e.isConstant() && !ranges.containsKey(e)) {
        ranges.put(e, refiner.bound(e));
      }
    }
    return new ProducedGuards(
        ImmutableList.copyOf(bindings),
        ImmutableList.copyOf(guards),
        ImmutableMap.copyOf(ranges),
        ImmutableList.copyOf(residual));
  }
}
