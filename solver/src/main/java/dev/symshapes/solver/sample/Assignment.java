package dev.symshapes.solver.sample;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.solver.Source;

/**
 * Concrete values for a program's symbols and the input sizes they give.
 *
 * @param symbols the value of every symbol the inputs use
 * @param sources the value of every input source (the sizes to feed the program); for an assignment
 *     that breaks a rule these are the sizes that break it
 */
public record Assignment(
    ImmutableMap<Sym, IntValue> symbols, ImmutableMap<Source, IntValue> sources) {
  /** The size of {@code source} as a {@code long}. */
  public long size(Source source) {
    IntValue v = sources.get(source);
    checkArgument(v != null, "no value for %s", source);
    return v.longValueExact();
  }
}
