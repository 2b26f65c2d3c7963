package dev.symshapes.solver.api;

import static com.google.common.base.Preconditions.checkArgument;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.SymbolSpec;

/**
 * A tiny language for setting up a shape environment in table tests, one step per {@code ;}:
 *
 * <ul>
 *   <li>{@code s0=5}: a backed symbol with example value 5 ({@code s0=5 in [2,10]} with a declared
 *       range); names must follow the environment's own numbering;
 *   <li>{@code u0}: an unbacked symbol; {@code size(u0)}: mark it size-like;
 *   <li>{@code check(e)}: a runtime assert ({@code torch._check});
 *   <li>{@code guard(e)}: {@code evaluateExpr}, which guards on the example values.
 * </ul>
 */
final class Script {
  private Script() {}

  static void run(ShapeEnv env, String script) {
    ExprParser p = ExprParser.of(env.factory());
    int sizes = 0;
    for (String raw : script.split(";")) {
      String step = raw.trim();
      if (step.isEmpty()) {
        continue;
      }
      if (step.startsWith("check(")) {
        env.check(p.parseBool(inner(step)));
      } else if (step.startsWith("guard(")) {
        env.evaluateExpr(p.parseBool(inner(step)));
      } else if (step.startsWith("size(")) {
        env.markSizeLike((Sym) p.parseInt(inner(step)));
      } else if (step.startsWith("u")) {
        Sym u = env.createUnbackedSymInt();
        checkArgument(
            u.name().equals(step), "script names %s but the environment made %s", step, u);
      } else {
        String[] parts = step.split("=", 2);
        String rest = parts[1].trim();
        SymbolSpec spec = SymbolSpec.dynamic();
        int in = rest.indexOf(" in [");
        if (in >= 0) {
          String[] b = rest.substring(in + 5, rest.length() - 1).split(",");
          spec =
              spec.withRange(IntRange.of(Long.parseLong(b[0].trim()), Long.parseLong(b[1].trim())));
          rest = rest.substring(0, in);
        }
        IntExpr s = env.createSymbol(Long.parseLong(rest), Source.size("t", sizes++), spec);
        checkArgument(
            s.toString().equals(parts[0].trim()),
            "script names %s but the environment made %s",
            parts[0],
            s);
      }
    }
  }

  static BoolExpr bool(ShapeEnv env, String text) {
    return ExprParser.of(env.factory()).parseBool(text);
  }

  static Expr expr(ShapeEnv env, String text) {
    return ExprParser.of(env.factory()).parse(text);
  }

  private static String inner(String step) {
    return step.substring(step.indexOf('(') + 1, step.length() - 1);
  }
}
