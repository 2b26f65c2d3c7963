package dev.symshapes.solver.smt;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.solver.Tier;
import dev.symshapes.solver.Truth;
import dev.symshapes.solver.eval.DecisionTier;
import dev.symshapes.solver.eval.FactView;
import java.lang.ref.Cleaner;
import java.util.HashMap;
import java.util.Map;

/**
 * Tier 4: decides what constant folding, value ranges and axioms leave UNKNOWN by asking an SMT
 * solver (Z3) whether the facts imply the query or its negation.
 *
 * <pre>{@code
 * try (ShapeEnv env = ShapeEnv.builder().extraTier(SmtTier.create()).build()) {
 *   ...  // s0 < s1 and s1 < s2 known: s0 + 1 < s2 is decided TRUE by tier 4
 * }
 * }</pre>
 *
 * <p>A query {@code q} is TRUE when the facts together with {@code not q} are unsatisfiable, FALSE
 * when the facts together with {@code q} are, and UNKNOWN otherwise: when both are possible, when a
 * check runs out of its {@link SmtOptions budget} (the second check is then skipped), or when
 * {@code q} cannot be encoded. It never guesses.
 *
 * <p>A query whose UNKNOWN from the range tier is already exact (a linear relation over symbols
 * that no fact relates, see {@link SmtRelevance}) is answered UNKNOWN at once: most guards of a
 * trace are of that kind ({@code Eq(s2, 1)}, {@code Eq(s2, s4)}), and Z3 could only confirm it.
 *
 * <p>Z3 is given only the query's cone of influence: the facts connected to the query's symbols,
 * transitively through the symbols they share (see {@link SmtFactIndex}; dropping the others is
 * sound for TRUE and FALSE alike). Each query asserts its cone in a push/pop scope of its own, on
 * one incremental solver whose base level stays empty. A cone of more than {@link
 * SmtOptions#maxFacts()} facts is not sent: the query is UNKNOWN and counted in {@link
 * SmtStats#overCap()}. That cap is the tier's cost bound, as the resource limit is the bound of
 * each check. When the facts change, the tier updates its index of them incrementally (no
 * expressions are built for facts no query reaches); answers are cached until the facts change.
 *
 * <p>Z3 is loaded when the first query that needs it arrives, not before. If it cannot be loaded,
 * every query is UNKNOWN and the loader logs one warning.
 *
 * <p>One tier serves one shape environment, from one thread at a time (the environment checks
 * that), and is closed with it; a tier that is never closed releases its Z3 context when it is
 * garbage collected.
 */
public final class SmtTier implements DecisionTier {
  /** Cached answers kept before the cache is cleared. */
  private static final int MAX_CACHE = 4096;

  private static final Cleaner CLEANER = Cleaner.create();

  /** What the cleaner closes; it must not refer to the tier, or the tier would never be freed. */
  private static final class NativeHolder implements Runnable {
    private volatile SmtSolver solver;

    @Override
    public void run() {
      SmtSolver s = solver;
      solver = null;
      if (s != null) {
        s.close();
      }
    }
  }

  private enum State {
    NOT_LOADED,
    READY,
    UNAVAILABLE,
    CLOSED
  }

  private final SmtOptions options;
  private final SmtLoader loader;
  private final NativeHolder holder = new NativeHolder();
  private final Cleaner.Cleanable cleanable;
  private State state = State.NOT_LOADED;
  private FactView boundView;

  private long factsVersion = -1;
  private SmtFactIndex index;
  private final Map<BoolExpr, Truth> cache = new HashMap<>();

  private long queries;
  private long skipped;
  private long overCap;
  private long cacheHits;
  private long decidedTrue;
  private long decidedFalse;
  private long undecided;
  private long budgetExhausted;
  private long checks;
  private long factUpdates;
  private long factsAsserted;
  private long factsDropped;
  private long loadNanos;
  private long solveNanos;

  private SmtTier(SmtOptions options, SmtLoader loader) {
    this.options = options;
    this.loader = loader;
    this.cleanable = CLEANER.register(this, holder);
  }

  /** A tier on Z3 with the default budget. */
  public static SmtTier create() {
    return create(SmtOptions.defaults());
  }

  /** A tier on Z3 with the given budget. */
  public static SmtTier create(SmtOptions options) {
    return create(options, SmtLoader.z3());
  }

  /** A tier whose solver comes from {@code loader} (another backend, or a test double). */
  public static SmtTier create(SmtOptions options, SmtLoader loader) {
    return new SmtTier(checkNotNull(options, "options"), checkNotNull(loader, "loader"));
  }

  @Override
  public Tier tier() {
    return Tier.SMT;
  }

  /** The budget of each check. */
  public SmtOptions options() {
    return options;
  }

  @Override
  public Truth decide(BoolExpr simplified, FactView facts) {
    checkNotNull(simplified, "simplified");
    checkNotNull(facts, "facts");
    checkState(state != State.CLOSED, "SmtTier is closed");
    checkState(
        boundView == null || boundView == facts,
        "an SmtTier serves one ShapeEnv, but it was given the facts of another");
    boundView = facts;
    queries++;
    update(facts);
    if (!SmtRelevance.worthAsking(
        simplified, () -> index.related(simplified.freeSymbols(), facts), facts::range)) {
      skipped++;
      undecided++;
      return Truth.UNKNOWN;
    }
    Truth cached = cache.get(simplified);
    if (cached != null) {
      cacheHits++;
      return count(cached);
    }
    long t0 = System.nanoTime();
    try {
      SmtFactIndex.Cone cone = index.cone(simplified.freeSymbols(), facts, options.maxFacts());
      if (cone.overCap()) {
        overCap++;
        remember(simplified, Truth.UNKNOWN);
        return count(Truth.UNKNOWN);
      }
      SmtSolver solver = solver();
      if (solver == null) {
        undecided++;
        return Truth.UNKNOWN;
      }
      Truth t;
      solver.push();
      try {
        for (BoolExpr fact : cone.facts()) {
          if (solver.addFact(fact)) {
            factsAsserted++;
          } else {
            factsDropped++;
          }
        }
        t = ask(solver, simplified);
      } finally {
        solver.pop();
      }
      remember(simplified, t);
      return count(t);
    } finally {
      solveNanos += System.nanoTime() - t0;
    }
  }

  private void remember(BoolExpr q, Truth t) {
    if (cache.size() >= MAX_CACHE) {
      cache.clear();
    }
    cache.put(q, t);
  }

  private Truth count(Truth t) {
    switch (t) {
      case TRUE:
        decidedTrue++;
        break;
      case FALSE:
        decidedFalse++;
        break;
      case UNKNOWN:
        undecided++;
        break;
    }
    return t;
  }

  private Truth ask(SmtSolver solver, BoolExpr q) {
    SmtResult negated = check(solver, q.factory().not(q));
    switch (negated.status()) {
      case UNSAT:
        return Truth.TRUE;
      case UNKNOWN:
        // Out of budget (or not encodable): a second check would only double the cost.
        return Truth.UNKNOWN;
      case SAT:
        break;
    }
    SmtResult asked = check(solver, q);
    switch (asked.status()) {
      case UNSAT:
        return Truth.FALSE;
      case SAT:
      case UNKNOWN:
        return Truth.UNKNOWN;
    }
    throw new AssertionError(asked);
  }

  private SmtResult check(SmtSolver solver, BoolExpr formula) {
    checks++;
    SmtResult r = solver.check(formula);
    if (r.isBudgetExhausted()) {
      budgetExhausted++;
    }
    return r;
  }

  /** Brings the index up to date if the facts changed since the last query. */
  private void update(FactView view) {
    if (index == null) {
      index = new SmtFactIndex(new SmtFacts(view.factory()));
    }
    if (view.version() != factsVersion) {
      index.update(view);
      cache.clear();
      factUpdates++;
      factsVersion = view.version();
    }
  }

  /** The solver, loaded on first use; null when the backend is unavailable. */
  private SmtSolver solver() {
    switch (state) {
      case READY:
        return holder.solver;
      case UNAVAILABLE:
        return null;
      case NOT_LOADED:
        break;
      case CLOSED:
        throw new IllegalStateException("SmtTier is closed");
    }
    long t0 = System.nanoTime();
    try {
      holder.solver = loader.open(options);
      state = State.READY;
      return holder.solver;
    } catch (SmtUnavailableException e) {
      // The loader has logged the warning (once); this tier answers UNKNOWN from now on.
      state = State.UNAVAILABLE;
      return null;
    } finally {
      loadNanos += System.nanoTime() - t0;
    }
  }

  /** Whether Z3 has been loaded by this tier (false until the first query, and if it failed). */
  public boolean isLoaded() {
    return state == State.READY;
  }

  /** The tier's counters. */
  public SmtStats stats() {
    return new SmtStats(
        queries,
        skipped,
        overCap,
        cacheHits,
        decidedTrue,
        decidedFalse,
        undecided,
        budgetExhausted,
        checks,
        factUpdates,
        factsAsserted,
        factsDropped,
        loadNanos,
        solveNanos);
  }

  /** Closes the solver, if one was opened; further queries throw. Idempotent. */
  @Override
  public void close() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    cleanable.clean();
  }
}
