package dev.symshapes.solver;

import dev.symshapes.expr.*;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.event.LogSwitch;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  List<String> lines = new ArrayList<>();

  ShapeEnv env() {
    return ShapeEnv.builder()
        .listener(e -> lines.add(e.logLine()))
        .logSwitch(LogSwitch.OFF)
        .build();
  }

  void p(Object o) {
    System.out.println("OUT| " + o);
  }

  void t(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      p(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Test
  void scratch() {
    ShapeEnv env = env();
    ExprFactory f = env.factory();
    IntExpr s0 = env.createSymbol(6, Source.size("x", 0));
    t(
        () ->
            env.createSymbol(
                7, Source.size("x", 1), SymbolSpec.dynamic().withRange(IntRange.of(2, 5))));
    t(
        () ->
            env.createSymbol(
                7, Source.size("x", 1), SymbolSpec.dynamic().withRange(IntRange.of(5, 5))));
    t(() -> env.createSymbol(-1, Source.size("x", 1)));
    Sym u0 = env.createUnbackedSymInt();
    t(() -> env.guardInt(u0));
    t(() -> env.evaluateExpr(f.gt(f.neg(u0), f.integer(60))));
    t(() -> env.evaluateExpr(f.ge(f.floorDiv(u0, f.integer(2)), f.integer(5))));
    env.check(f.ge(u0, f.integer(10)));
    env.check(f.le(u0, f.integer(60)));
    t(() -> env.check(f.lt(u0, f.integer(5))));
    t(() -> env.check(f.gt(u0, f.integer(100))));
    t(() -> env.check(f.lt(s0, f.integer(1))));
    t(() -> env.check(f.eq(s0, f.integer(7))));
    ShapeEnv other = env();
    IntExpr o0 = other.createSymbol(3, Source.size("y", 0));
    t(() -> env.decide(f.eq(o0, f.integer(1))));
    t(() -> env.decide(f.eq(f.symbol("s9"), f.integer(1))));
    t(() -> env.range(f.symbol("s9")));
    p(env.guardInt(f.add(s0, f.integer(1))));
    Sym u1 = env.createUnbackedSymInt();
    env.check(f.eq(f.mod(u1, f.integer(4)), f.zero()));
    Sym u3 = env.createUnbackedSymInt();
    env.renameUnbackedTo(u0, u3);
    env.constrainSymbolRange(u3, IntRange.of(0, 20));
    p(env.replacements());
    p(env.produceGuards());
    for (String l : lines) p(l);
  }
}
