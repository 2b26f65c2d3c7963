package dev.symshapes.solver.smt.internal;

import com.google.common.base.VerifyException;
import com.google.common.collect.ImmutableList;
import com.microsoft.z3.BoolSort;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Z3Exception;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.solver.smt.SmtOptions;
import dev.symshapes.solver.smt.SmtResult;
import dev.symshapes.solver.smt.SmtSolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SmtSolver} on one Z3 context and one incremental Z3 solver. Facts are asserted at the base
 * level; each check pushes a scope, asserts its extra formulas, checks and pops. Every Z3 exception
 * is translated in one place ({@link #translate}) into an UNKNOWN answer.
 */
final class Z3Solver implements SmtSolver {
  private final Context ctx;
  private final Solver solver;
  private final Z3Encoder encoder;
  private boolean closed;

  /** Scopes opened by {@link #push()} and not yet closed. */
  private int scopes;

  Z3Solver(SmtOptions options) {
    this.ctx = new Context(Map.of("model", "false"));
    try {
      this.solver = ctx.mkSolver();
      Params p = ctx.mkParams();
      p.add("rlimit", options.rlimit());
      p.add("timeout", options.timeoutMillis());
      p.add("random_seed", 0);
      solver.setParameters(p);
      this.encoder = new Z3Encoder(ctx);
    } catch (RuntimeException | Error e) {
      ctx.close();
      throw e;
    }
  }

  @Override
  public boolean addFact(BoolExpr fact) {
    checkOpen();
    Expr<BoolSort> f;
    try {
      f = encoder.bool(fact);
    } catch (Z3Encoder.NotEncodable e) {
      return false;
    }
    solver.add(f);
    return true;
  }

  @Override
  public void reset() {
    checkOpen();
    solver.reset();
    scopes = 0;
  }

  @Override
  public void push() {
    checkOpen();
    solver.push();
    scopes++;
  }

  @Override
  public void pop() {
    checkOpen();
    if (scopes == 0) {
      throw new IllegalStateException("pop() without an open scope (push() first)");
    }
    solver.pop();
    scopes--;
  }

  @Override
  public SmtResult check(BoolExpr extra) {
    return checkAssuming(List.of(), extra);
  }

  @Override
  @SuppressWarnings("unchecked")
  public SmtResult checkAssuming(List<BoolExpr> assumptions, BoolExpr extra) {
    checkOpen();
    Expr<BoolSort> q;
    List<Expr<BoolSort>> as = new ArrayList<>(assumptions.size());
    try {
      q = encoder.bool(extra);
      for (BoolExpr a : assumptions) {
        as.add(encoder.bool(a));
      }
    } catch (Z3Encoder.NotEncodable e) {
      return SmtResult.unknown("not encodable: " + e.getMessage());
    }
    solver.push();
    try {
      solver.add(q);
      // Z3 takes only literals as assumptions: each assumption gets a tracking constant.
      Expr<BoolSort>[] tracks = new Expr[as.size()];
      Map<Expr<BoolSort>, Integer> index = new HashMap<>();
      for (int i = 0; i < tracks.length; i++) {
        tracks[i] = ctx.mkFreshConst("a", ctx.mkBoolSort());
        index.put(tracks[i], i);
        solver.add(ctx.mkImplies(tracks[i], as.get(i)));
      }
      Status st = solver.check(tracks);
      return result(st, index);
    } catch (Z3Exception e) {
      return translate(e);
    } finally {
      solver.pop();
    }
  }

  /** Maps every Z3 status explicitly; an unexpected one is a bug, never a silent default. */
  private SmtResult result(Status st, Map<Expr<BoolSort>, Integer> index) {
    switch (st) {
      case SATISFIABLE:
        return SmtResult.sat();
      case UNSATISFIABLE:
        if (index.isEmpty()) {
          return SmtResult.unsat();
        }
        List<Integer> core = new ArrayList<>();
        for (Expr<BoolSort> c : solver.getUnsatCore()) {
          Integer i = index.get(c);
          if (i == null) {
            throw new VerifyException("Z3 core literal " + c + " is not an assumption");
          }
          core.add(i);
        }
        core.sort(null);
        return SmtResult.unsat(ImmutableList.copyOf(core));
      case UNKNOWN:
        {
          String why = solver.getReasonUnknown();
          // Z3 says "canceled" when its resource limit or timer stops the search (nothing else
          // cancels our checks), and names the limit in some versions.
          if (why.equals("canceled") || why.contains("timeout") || why.contains("resource")) {
            return SmtResult.budgetExhausted(why);
          }
          return SmtResult.unknown(why);
        }
      default:
        throw new VerifyException("unexpected Z3 status " + st);
    }
  }

  /** The one place where Z3's exceptions become answers: not decided, with Z3's message. */
  private static SmtResult translate(Z3Exception e) {
    return SmtResult.unknown("z3 error: " + e.getMessage());
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("SmtSolver is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ctx.close();
    }
  }
}
