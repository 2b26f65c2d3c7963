package dev.symshapes.export.serde;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.internal.EnvRebuilder;
import dev.symshapes.export.serde.internal.ProgramFacts;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ContradictionException;
import dev.symshapes.solver.Decision;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolInfo;
import dev.symshapes.solver.Truth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the solver can prove about a program's runtime asserts, guards and range constraints,
 * re-derived from the program alone (its range constraints, its {@code _assert_scalar} and {@code
 * sym_constrain_range_for_size} nodes, and its input guards), as {@code symshapes inspect} prints
 * it.
 *
 * <p>The conditions are taken in order (runtime asserts in graph order, then guards), each decided
 * from what the program enforces when it runs and the conditions before it: the range constraints
 * of backed symbols (the input checks enforce them), size-like unbacked symbols ({@code
 * sym_constrain_range_for_size} enforces {@code >= 0}), and the earlier conditions. A condition is
 * <em>redundant</em> when that proves it, <em>can never hold</em> when that refutes it, and
 * <em>needed</em> otherwise. The range constraints of unbacked symbols are not enforced by
 * themselves, only through the runtime asserts, so they are not assumed. Then each range constraint
 * is compared with the range those facts give: a narrower one means the constraint can be
 * tightened; for an unbacked symbol, a wider one means the constraint is not enforced.
 *
 * <pre>{@code
 * System.out.print(ConstraintReport.of(ep));
 * }</pre>
 */
public final class ConstraintReport {
  /** What the solver concluded about a condition. */
  public enum Verdict {
    /** Neither proved nor refuted: the program needs the check. */
    NEEDED,
    /** Proved from the ranges and the conditions before it. */
    REDUNDANT,
    /** Refuted: no input passes it. */
    NEVER_HOLDS
  }

  /**
   * A condition of the program and the verdict on it.
   *
   * @param kind {@code runtime assert} or {@code guard}
   * @param label the assert node's name, or the guard's number
   * @param condition the condition, after the program's replacements
   * @param verdict what the solver concluded
   * @param tier the decision tier that concluded it ({@code range}, {@code axiom}, ...)
   */
  public record Finding(
      String kind, String label, BoolExpr condition, Verdict verdict, String tier) {}

  /**
   * A range constraint compared with what the program's checks enforce.
   *
   * @param key the symbol or expression
   * @param declared its range constraint
   * @param enforced the range the enforced facts give it
   * @param unbacked whether the key has unbacked symbols (its constraint is not enforced itself)
   */
  public record RangeFinding(IntExpr key, IntRange declared, IntRange enforced, boolean unbacked) {
    /** True when the enforced facts give a narrower range than the constraint. */
    public boolean canTighten() {
      return !enforced.equals(declared) && enforced.isSubsetOf(declared);
    }

    /** True for an unbacked key whose constraint is narrower than what the checks enforce. */
    public boolean notEnforced() {
      return unbacked && !declared.equals(enforced) && !enforced.isSubsetOf(declared);
    }
  }

  private final ImmutableList<Finding> findings;
  private final ImmutableList<RangeFinding> ranges;

  private ConstraintReport(List<Finding> findings, List<RangeFinding> ranges) {
    this.findings = ImmutableList.copyOf(findings);
    this.ranges = ImmutableList.copyOf(ranges);
  }

  /** Analyzes {@code ep}. */
  public static ConstraintReport of(ExportedProgram ep) {
    checkNotNull(ep, "ep");
    ShapeEnv source = ep.shapeEnv();
    Map<IntExpr, IntRange> declared = ep.rangeConstraints();
    List<ProgramFacts.Assert> asserts = ProgramFacts.asserts(ep.graphModule());
    List<BoolExpr> guards = ep.guards().residualChecks();

    Set<Sym> symbols = new LinkedHashSet<>();
    for (Sym s : ProgramFacts.symbols(ep.graphModule())) {
      symbols.addAll(source.replace((IntExpr) s).freeSymbols());
    }
    declared.keySet().forEach(k -> symbols.addAll(k.freeSymbols()));
    asserts.forEach(a -> symbols.addAll(source.replace(a.condition()).freeSymbols()));
    guards.forEach(g -> symbols.addAll(source.replace(g).freeSymbols()));

    Map<Sym, Source> sources = new LinkedHashMap<>();
    Map<Sym, IntValue> hints = new LinkedHashMap<>();
    for (Sym s : symbols) {
      Optional<SymbolInfo> info = info(source, s);
      info.flatMap(SymbolInfo::hint).ifPresent(h -> hints.put(s, h));
      info.filter(i -> !i.sources().isEmpty()).ifPresent(i -> sources.put(s, i.sources().get(0)));
    }
    Map<Sym, IntRange> backedRanges = new LinkedHashMap<>();
    for (Map.Entry<IntExpr, IntRange> e : declared.entrySet()) {
      if (e.getKey() instanceof Sym s && !s.name().startsWith("u")) {
        backedRanges.put(s, e.getValue());
      }
    }
    ShapeEnv env = ShapeEnv.builder().factory(source.factory()).build();
    Map<Integer, Sym> unbacked =
        EnvRebuilder.createSymbols(
            env, symbols, hints::get, backedRanges, sources, Integer.MAX_VALUE - 1);
    for (Sym u : ProgramFacts.sizeLike(ep.graphModule())) {
      IntExpr replaced = source.replace((IntExpr) u);
      if (replaced instanceof Sym r && unbacked.containsValue(r)) {
        env.constrainRangeForSize(r, IntRange.atLeast(0));
      }
    }

    List<Finding> findings = new ArrayList<>();
    for (ProgramFacts.Assert a : asserts) {
      findings.add(judge(env, "runtime assert", a.node(), source.replace(a.condition())));
    }
    for (int i = 0; i < guards.size(); i++) {
      findings.add(judge(env, "guard", Integer.toString(i + 1), source.replace(guards.get(i))));
    }
    List<RangeFinding> ranges = new ArrayList<>();
    for (Map.Entry<IntExpr, IntRange> e : declared.entrySet()) {
      boolean hasUnbacked =
          e.getKey().freeSymbols().stream().anyMatch(s -> unbacked.containsValue(s));
      ranges.add(new RangeFinding(e.getKey(), e.getValue(), env.bound(e.getKey()), hasUnbacked));
    }
    return new ConstraintReport(findings, ranges);
  }

  private static Optional<SymbolInfo> info(ShapeEnv env, Sym s) {
    try {
      return Optional.of(env.symbolInfo(s));
    } catch (IllegalArgumentException notASymbolOfThisEnv) {
      return Optional.empty();
    }
  }

  private static Finding judge(ShapeEnv env, String kind, String label, BoolExpr c) {
    Decision d = env.decide(c);
    Verdict v =
        d.truth() == Truth.TRUE
            ? Verdict.REDUNDANT
            : d.truth() == Truth.FALSE ? Verdict.NEVER_HOLDS : Verdict.NEEDED;
    if (v == Verdict.NEEDED) {
      try {
        env.check(c);
      } catch (ContradictionException e) {
        // Possible only through the example values of backed symbols: nothing to learn from it.
      }
    }
    return new Finding(kind, label, c, v, d.decidedBy().label());
  }

  /** The conditions and their verdicts, asserts first. */
  public ImmutableList<Finding> findings() {
    return findings;
  }

  /** The range constraints compared with what is enforced. */
  public ImmutableList<RangeFinding> ranges() {
    return ranges;
  }

  /**
   * The report as {@code symshapes inspect} prints it:
   *
   * <pre>
   * Runtime asserts:
   *     _assert_scalar_default: u0 >= 10: needed
   * Guards:
   *     (none)
   * Ranges:
   *     u0: VR[10, 60]: enforced by the runtime asserts
   * </pre>
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Runtime asserts:\n");
    section(sb, "runtime assert");
    sb.append("Guards:\n");
    section(sb, "guard");
    sb.append("Ranges:\n");
    if (ranges.isEmpty()) {
      sb.append("    (none)\n");
    }
    for (RangeFinding r : ranges) {
      sb.append("    ").append(r.key()).append(": ").append(r.declared()).append(": ");
      if (r.canTighten()) {
        sb.append("can be tightened to ").append(r.enforced());
      } else if (r.notEnforced()) {
        sb.append("not enforced when the program runs; its checks only ensure ")
            .append(r.enforced());
      } else if (r.unbacked()) {
        sb.append("enforced by the runtime asserts");
      } else {
        sb.append("tight");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private void section(StringBuilder sb, String kind) {
    boolean any = false;
    for (Finding f : findings) {
      if (!f.kind().equals(kind)) {
        continue;
      }
      any = true;
      sb.append("    ");
      if (kind.equals("runtime assert")) {
        sb.append(f.label()).append(": ");
      }
      sb.append(f.condition()).append(": ");
      switch (f.verdict()) {
        case REDUNDANT:
          sb.append("redundant (proved by ")
              .append(f.tier())
              .append(" from what is checked before it)");
          break;
        case NEVER_HOLDS:
          sb.append("can never hold (refuted by ")
              .append(f.tier())
              .append(" from what is checked before it)");
          break;
        default:
          sb.append("needed");
          break;
      }
      sb.append('\n');
    }
    if (!any) {
      sb.append("    (none)\n");
    }
  }
}
