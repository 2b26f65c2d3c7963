package dev.symshapes.benchmarks.solver;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;

/**
 * The symbolic work of the tutorial's {@code DynamicModel} with {@code Dim.AUTO} everywhere (golden
 * case T07): the questions its meta kernels ask of the shape environment, in order, as {@code
 * TutorialLogTest.t07DimAutoEverywhere} in the solver's tests replays them.
 */
public final class TutorialReplay {
  private TutorialReplay() {}

  /** Replays T07 in {@code env} and returns its produced guards. */
  public static ProducedGuards t07(ShapeEnv env) {
    ExprFactory f = env.factory();
    IntExpr one = f.integer(1);
    IntExpr s0 = env.createSymbol(6, Source.size("w", 0));
    IntExpr s1 = env.createSymbol(5, Source.size("w", 1));
    IntExpr s2 = env.createSymbol(4, Source.size("x", 0));
    IntExpr s3 = env.createSymbol(8, Source.size("y", 0));
    IntExpr s4 = env.createSymbol(4, Source.size("y", 1));
    IntExpr s5 = env.createSymbol(32, Source.size("z", 0));
    // x0 = x + y: broadcasting [s2] with [s3, s4]
    env.evaluateExpr(f.eq(s2, one));
    env.evaluateExpr(f.eq(s4, one));
    env.check(f.eq(s2, s4));
    env.evaluateExpr(f.ne(s2, one));
    env.evaluateExpr(f.ne(s3, one));
    // x1 = l(w): linear with weight [3, 5]
    env.check(f.eq(s1, f.integer(5)));
    env.evaluateExpr(f.eq(s0, one));
    // x3 = x0.flatten() + z: broadcasting [s2*s3] with [s5]
    IntExpr flat = f.mul(s3, s2);
    env.evaluateExpr(f.eq(flat, one));
    env.evaluateExpr(f.eq(s5, one));
    env.check(f.eq(flat, s5));
    env.evaluateExpr(f.ne(flat, one));
    return env.produceGuards();
  }
}
