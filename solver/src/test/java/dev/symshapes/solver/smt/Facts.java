package dev.symshapes.solver.smt;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.event.LogSwitch;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a shape environment from a few strings, for table tests: symbols {@code "u0 u1 s0=6"}
 * (unbacked {@code u<n>}, backed {@code s<n>=hint}, created in the order given, so names must
 * follow PyTorch's numbering) and facts in sympy syntax, each recorded with {@code check}.
 */
final class Facts {
  private Facts() {}

  static ShapeEnv env(boolean smt, String symbols, List<String> facts) {
    ShapeEnv.Builder b = ShapeEnv.builder().logSwitch(LogSwitch.OFF);
    if (smt) {
      b.extraTier(SmtTier.create());
    } else {
      b.noExtraTier();
    }
    ShapeEnv env = b.build();
    for (String s : symbols.trim().split("\\s+")) {
      if (s.isEmpty()) {
        continue;
      }
      if (s.startsWith("u")) {
        String made = env.createUnbackedSymInt().name();
        if (!made.equals(s)) {
          throw new IllegalArgumentException("symbols out of order: " + s + " made " + made);
        }
      } else {
        String[] nv = s.split("=");
        String made =
            env.createSymbol(Long.parseLong(nv[1]), Source.size("x" + nv[0], 0)).toString();
        if (!made.equals(nv[0])) {
          throw new IllegalArgumentException("symbols out of order: " + s + " made " + made);
        }
      }
    }
    ExprParser p = ExprParser.of(env.factory());
    for (String fact : facts) {
      env.check(p.parseBool(fact));
    }
    return env;
  }

  static List<String> split(String facts) {
    List<String> out = new ArrayList<>();
    for (String f : facts.split(";")) {
      if (!f.isBlank()) {
        out.add(f.trim());
      }
    }
    return out;
  }

  static BoolExpr parse(ShapeEnv env, String q) {
    return ExprParser.of(env.factory()).parseBool(q);
  }
}
