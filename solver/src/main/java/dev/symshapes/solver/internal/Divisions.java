package dev.symshapes.solver.internal;

import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The divisions of an expression ({@code //}, {@code CleanDiv}, {@code Mod}, {@code
 * ModularIndexing}) and their divisors: to say which one divides by zero, and which divisors a fact
 * needs to be non-zero. Walks use an explicit stack, as expressions may be thousands of levels
 * deep.
 */
final class Divisions {
  private Divisions() {}

  /** A division whose divisor is zero. */
  record Zero(IntCall division, IntExpr divisor) {
    /** {@code division by zero} or {@code modulo by zero}, as the expression module words it. */
    String words() {
      return division.kind() == ExprKind.MOD
              || (division.kind() == ExprKind.MODULAR_INDEXING && divisor == division.intArg(2))
          ? "modulo by zero"
          : "division by zero";
    }

    /**
     * {@code division by zero: the divisor u1 of (u0//u1) in Eq(u1, u0 + ((u0//u1))) is 0}: the
     * start of the error message, {@code whole} being the expression the division is part of.
     */
    String describeIn(Expr whole) {
      return words()
          + ": the divisor "
          + divisor
          + " of "
          + division
          + (division == whole ? "" : " in " + whole)
          + " is 0";
    }
  }

  /** The divisors of {@code e} if it is a division, else an empty list. */
  static List<IntExpr> divisorsOf(Expr e) {
    switch (e.kind()) {
      case FLOOR_DIV:
      case CLEAN_DIV:
      case MOD:
        return List.of(((IntCall) e).intArg(1));
      case MODULAR_INDEXING:
        return List.of(((IntCall) e).intArg(1), ((IntCall) e).intArg(2));
      default:
        return List.of();
    }
  }

  /**
   * The innermost division of {@code root} (children before parents) whose divisor has the value 0
   * according to {@code valueOf} (which answers null when the value is not a known constant); null
   * when there is none.
   */
  static Zero findZero(Expr root, Function<IntExpr, IntValue> valueOf) {
    Map<Expr, Boolean> done = new IdentityHashMap<>();
    Deque<Expr> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      boolean children = expanded.pop();
      if (done.containsKey(e) || e.freeSymbols().isEmpty()) {
        continue;
      }
      if (!children) {
        stack.push(e);
        expanded.push(true);
        for (Expr c : e.children()) {
          stack.push(c);
          expanded.push(false);
        }
        continue;
      }
      done.put(e, true);
      for (IntExpr d : divisorsOf(e)) {
        IntValue v = valueOf.apply(d);
        if (v != null && v.isZero()) {
          return new Zero((IntCall) e, d);
        }
      }
    }
    return null;
  }

  /**
   * Passes to {@code out} the non-constant divisors that are evaluated whenever {@code fact} is, so
   * that the fact holding implies each is non-zero: everything except the branches of {@code Where}
   * and the arguments after the first of {@code And}/{@code Or}, which evaluation may skip. A
   * conjunction at the top is a conjunction of facts: each of its arguments counts.
   */
  static void requiredDivisors(Expr fact, Consumer<IntExpr> out) {
    Map<Expr, Boolean> seen = new IdentityHashMap<>();
    Deque<Expr> stack = new ArrayDeque<>();
    if (fact.kind() == ExprKind.AND) {
      ((Logic) fact).args().forEach(stack::push);
    } else {
      stack.push(fact);
    }
    while (!stack.isEmpty()) {
      Expr e = stack.pop();
      if (e.freeSymbols().isEmpty() || seen.put(e, true) != null) {
        continue;
      }
      for (IntExpr d : divisorsOf(e)) {
        if (!d.freeSymbols().isEmpty()) {
          out.accept(d);
        }
      }
      switch (e.kind()) {
        case AND:
        case OR:
          stack.push(((Logic) e).args().get(0));
          break;
        case WHERE:
          stack.push(((IntCall) e).condition());
          break;
        default:
          e.children().forEach(stack::push);
          break;
      }
    }
  }
}
