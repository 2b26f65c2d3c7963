package dev.symshapes.solver.sample;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.Source;
import java.util.Optional;

/**
 * One rule that input sizes must follow, in terms of an input source: what an exported program
 * checks on its inputs.
 *
 * <ul>
 *   <li>{@link Kind#STATIC}: {@code L['x'].size()[1] == 3};
 *   <li>{@link Kind#LOWER} and {@link Kind#UPPER}: the bounds of the symbol the source binds,
 *       carried to the source ({@code 4 <= L['x'].size()[0]}, {@code L['x'].size()[0] <= 2048} for
 *       {@code 4*s1} with {@code s1} in {@code [1, 512]});
 *   <li>{@link Kind#FORM}: a binding source of the form {@code a*s + b}, {@code a > 1}, must be
 *       {@code b} modulo {@code a} ({@code 4*s1}: divisible by 4);
 *   <li>{@link Kind#RELATION}: a source that equals an expression of symbols bound elsewhere
 *       ({@code L['y'].size()[0] == 2*s0 + 1});
 *   <li>{@link Kind#GUARD}: a remaining guard over symbols ({@code Ne(s0, 4*s2)}), with no source.
 * </ul>
 *
 * @param kind the kind of rule
 * @param source the input source it constrains; empty for guards
 * @param expr the source's expression ({@code 4*s1}, {@code 2*s0 + 1}, the constant); empty for
 *     guards
 * @param guard the guard, for GUARD rules
 * @param bound the bound carried to the source for LOWER/UPPER ({@code a*lo + b}), the constant of
 *     STATIC; empty otherwise
 * @param symbol the symbol a LOWER, UPPER or FORM rule's source binds
 * @param description the rule in PyTorch's guard words ({@code L['y'].size()[0] == 2*s0 + 1})
 */
public record SampleRule(
    Kind kind,
    Optional<Source> source,
    Optional<IntExpr> expr,
    Optional<BoolExpr> guard,
    Optional<IntValue> bound,
    Optional<Sym> symbol,
    String description) {
  /** The kinds of rules. */
  public enum Kind {
    /** A static size. */
    STATIC,
    /** The lower bound of a symbol, on the source that binds it. */
    LOWER,
    /** The upper bound of a symbol, on the source that binds it. */
    UPPER,
    /** The divisibility of a source {@code a*s + b} with {@code a > 1}. */
    FORM,
    /** A source equal to an expression of symbols bound by other sources. */
    RELATION,
    /** A remaining guard over symbols. */
    GUARD
  }

  /** Checks the invariants. */
  public SampleRule {
    checkNotNull(kind, "kind");
    checkNotNull(source, "source");
    checkNotNull(expr, "expr");
    checkNotNull(guard, "guard");
    checkNotNull(bound, "bound");
    checkNotNull(symbol, "symbol");
    checkNotNull(description, "description");
  }

  @Override
  public String toString() {
    return kind + " " + description;
  }
}
