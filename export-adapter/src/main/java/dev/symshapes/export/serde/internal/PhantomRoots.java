package dev.symshapes.export.serde.internal;

import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Substitution;
import dev.symshapes.expr.Sym;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the names in {@code guards_code} that are not inputs: the roots of derived dims that no
 * input dimension is on its own. With {@code x: [Dim("dx", 4, 512) * 4, 3]} the program's size is
 * {@code 4*s1} and {@code s1}'s source is the dim's name, so the guards say {@code L['x'].size()[0]
 * == 4*dx} and {@code 4 <= dx and dx <= 512}. The file does not say that {@code dx} is {@code s1};
 * an equality guard does: {@code dx} is the symbol of the program that, put in its place, makes
 * some guard true by canonical form alone ({@code 4*s1 == 4*s1}).
 */
final class PhantomRoots {
  private PhantomRoots() {}

  /**
   * The program symbol each phantom name of {@code guards} stands for.
   *
   * @param guards the parsed guards, in file order, inputs already replaced by their expressions
   * @param codes the guards' text, for messages
   * @param programSymbols the symbols of the program's values; a free symbol of a guard that is not
   *     one of them is a phantom name
   * @param withSource program symbols that are an input's size or value themselves: not candidates
   * @throws SerdeException naming the guard when a name matches no symbol, or several
   */
  static Map<Sym, Sym> resolve(
      List<BoolExpr> guards, List<String> codes, Set<Sym> programSymbols, Set<Sym> withSource) {
    Map<Sym, Sym> resolved = new LinkedHashMap<>();
    List<Sym> candidates = new ArrayList<>();
    for (Sym s : programSymbols) {
      if (!withSource.contains(s)) {
        candidates.add(s);
      }
    }
    for (int i = 0; i < guards.size(); i++) {
      for (Sym p : guards.get(i).freeSymbols()) {
        if (programSymbols.contains(p) || resolved.containsKey(p)) {
          continue;
        }
        resolved.put(p, find(p, guards, candidates, codes.get(i), i));
      }
    }
    return resolved;
  }

  private static Sym find(Sym p, List<BoolExpr> guards, List<Sym> candidates, String code, int i) {
    Set<Sym> found = new LinkedHashSet<>();
    for (BoolExpr g : guards) {
      if (!g.freeSymbols().contains(p)) {
        continue;
      }
      for (Sym c : candidates) {
        if (Substitution.apply(g, Map.of(p, c)).isTrue()) {
          found.add(c);
        }
      }
    }
    if (found.size() != 1) {
      throw new SerdeException(
          "guards_code["
              + i
              + "]: the guard '"
              + code
              + "' refers to "
              + p.name()
              + ", which is not an input of the program and "
              + (found.isEmpty()
                  ? "no equality guard ties to one of its symbols"
                  : "the guards tie to several of its symbols " + found));
    }
    return found.iterator().next();
  }
}
