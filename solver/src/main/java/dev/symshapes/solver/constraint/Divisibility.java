package dev.symshapes.solver.constraint;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntConst;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import java.util.Optional;

/** Recognizes divisibility guards {@code Eq(Mod(s, m), 0)}. */
final class Divisibility {
  private Divisibility() {}

  /** {@code m} when {@code g} is {@code Eq(Mod(s, m), 0)} (either way round) with {@code m > 1}. */
  static Optional<IntValue> modulus(BoolExpr g, Sym s) {
    if (g.kind() != ExprKind.EQ) {
      return Optional.empty();
    }
    Relation r = (Relation) g;
    IntExpr mod;
    if (isZero(r.rhs())) {
      mod = r.lhs();
    } else if (isZero(r.lhs())) {
      mod = r.rhs();
    } else {
      return Optional.empty();
    }
    if (mod.kind() != ExprKind.MOD) {
      return Optional.empty();
    }
    IntCall m = (IntCall) mod;
    if (m.intArg(0) != s || !(m.intArg(1) instanceof IntConst c)) {
      return Optional.empty();
    }
    IntValue v = c.value().abs();
    return v.compareTo(IntValue.ONE) > 0 ? Optional.of(v) : Optional.empty();
  }

  private static boolean isZero(IntExpr e) {
    IntValue v = e.constantValue();
    return v != null && v.isZero();
  }
}
