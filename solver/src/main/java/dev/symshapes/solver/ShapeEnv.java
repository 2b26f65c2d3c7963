package dev.symshapes.solver;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.eval.DecisionTier;
import dev.symshapes.solver.event.LogSwitch;
import dev.symshapes.solver.event.ShapeEnvListener;
import dev.symshapes.solver.internal.EnvCore;
import dev.symshapes.solver.internal.Events;
import dev.symshapes.solver.internal.ThreadOwner;
import dev.symshapes.solver.internal.UndoLog;
import dev.symshapes.solver.internal.UserFrames;
import dev.symshapes.solver.smt.SmtTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A shape environment: the symbols of one trace, what is known about them, and the guards and
 * runtime asserts the trace relied on. symshapes' counterpart of PyTorch's {@code ShapeEnv}.
 *
 * <pre>{@code
 * ShapeEnv env = ShapeEnv.create();
 * ExprFactory f = env.factory();
 * IntExpr x0 = env.createSymbol(4, Source.size("x", 0));        // s0, range [2, int_oo]
 * IntExpr y1 = env.createSymbol(4, Source.size("y", 1));        // s1
 * env.check(f.eq(x0, y1));                                      // s1 = s0 (solve)
 * env.staticallyKnownTrue(f.ge(f.mul(x0, y1), f.integer(4)));  // true
 * }</pre>
 *
 * <p>Deciding: {@link #decide} tries constant folding after replacements, then value ranges, then
 * the axioms (guards and runtime asserts known true), then the configured extra tier (SMT); each
 * answers TRUE, FALSE or UNKNOWN and never guesses. {@link #stats()} counts which tier decided
 * what. Answers are cached until a fact about one of the symbols involved changes.
 *
 * <p>Guarding: {@link #evaluateExpr} answers statically when it can, else evaluates on the example
 * values (hints), records a guard and learns from it (ranges narrowed, equalities turned into
 * replacements); for data-dependent (unbacked) expressions it throws {@link
 * DataDependentException}. {@link #check} is PyTorch's {@code torch._check}: it records a runtime
 * assert; a check that can never hold is a {@link ContradictionException}.
 *
 * <p>Every operation is atomic: if it throws, the environment is exactly as before. Every change is
 * an event ({@link dev.symshapes.solver.event.ShapeEnvEvent}) delivered to listeners and, when
 * {@code SYMSHAPES_LOGS} asks for it, logged in PyTorch's words.
 *
 * <p>Not thread-safe: a shape environment is used by one thread at a time, and using it from two
 * threads at once throws {@link java.util.ConcurrentModificationException}. Close it to release the
 * extra tier's native resources.
 */
public final class ShapeEnv implements AutoCloseable {
  private final EnvCore core;
  private final ThreadOwner owner = new ThreadOwner();
  private final UserFrames frames;
  private boolean closed;

  private ShapeEnv(Builder b) {
    this.frames = new UserFrames(b.libraryPrefixes, b.locations);
    Events events = new Events(b.listeners, b.logSwitch);
    Function<Sym, String> namer = b.namer != null ? b.namer : this::defaultName;
    this.core = new EnvCore(b.factory, events, b.duckSizing, b.extraTier, namer);
  }

  /** A shape environment with default settings and a new expression factory. */
  public static ShapeEnv create() {
    return builder().build();
  }

  /** A builder for a shape environment with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a shape environment. */
  public static final class Builder {
    private ExprFactory factory;
    private DuckSizing duckSizing = DuckSizing.DISABLED;
    private final List<ShapeEnvListener> listeners = new ArrayList<>();
    private LogSwitch logSwitch;
    private DecisionTier extraTier;
    private boolean extraTierChosen;
    private final List<String> libraryPrefixes = new ArrayList<>();
    private Function<Sym, String> namer;
    private LocationCapture locations = LocationCapture.USER_FRAME;

    private Builder() {}

    /** Whether to record the user's file and line for symbols and guards (default: yes). */
    public Builder locations(LocationCapture capture) {
      this.locations = checkNotNull(capture, "locations");
      return this;
    }

    /** The factory for this environment's expressions (default: a new one). */
    public Builder factory(ExprFactory f) {
      this.factory = checkNotNull(f, "factory");
      return this;
    }

    /** Duck sizing for {@link DimDynamic#DUCK} symbols (default: disabled, as in export). */
    public Builder duckSizing(DuckSizing d) {
      this.duckSizing = checkNotNull(d, "duckSizing");
      return this;
    }

    /** Adds a listener that receives every event. */
    public Builder listener(ShapeEnvListener l) {
      listeners.add(checkNotNull(l, "listener"));
      return this;
    }

    /** Which events to log (default: the {@code SYMSHAPES_LOGS} switch). */
    public Builder logSwitch(LogSwitch s) {
      this.logSwitch = checkNotNull(s, "logSwitch");
      return this;
    }

    /** An extra decision tier tried last (the SMT tier); closed with the environment. */
    public Builder extraTier(DecisionTier t) {
      this.extraTier = checkNotNull(t, "extraTier");
      this.extraTierChosen = true;
      return this;
    }

    /**
     * No tier after the axioms: decisions use constant folding, ranges and axioms only, as
     * PyTorch's do, and Z3 is never loaded. The default is an {@link SmtTier} with the default
     * budget.
     */
    public Builder noExtraTier() {
      this.extraTier = null;
      this.extraTierChosen = true;
      return this;
    }

    /**
     * Treats classes under {@code packagePrefix} as library code when looking for the user's line
     * (for a tracing framework built on symshapes).
     */
    public Builder libraryPackage(String packagePrefix) {
      libraryPrefixes.add(checkNotNull(packagePrefix, "packagePrefix"));
      return this;
    }

    /**
     * How symbols are named in suggested checks (default: a backed symbol by its first source in
     * Java form such as {@code y.size(0)}, an unbacked one by its name).
     */
    public Builder symbolNamer(Function<Sym, String> namer) {
      this.namer = checkNotNull(namer, "namer");
      return this;
    }

    /** Builds the environment. */
    public ShapeEnv build() {
      if (factory == null) {
        factory = ExprFactory.create();
      }
      if (logSwitch == null) {
        logSwitch = LogSwitch.fromEnvironment();
      }
      if (!extraTierChosen) {
        // Z3 is loaded only when a query first reaches tier 4.
        extraTier = SmtTier.create();
      }
      return new ShapeEnv(this);
    }
  }

  /** The factory that makes this environment's expressions. */
  public ExprFactory factory() {
    return core.facts().factoryForApi();
  }

  // ---- running operations ----

  private <T> T run(Supplier<T> op) {
    checkState(!closed, "ShapeEnv is closed");
    owner.enter();
    UndoLog undo = core.undo();
    undo.begin();
    try {
      T r = op.get();
      if (undo.commit()) {
        core.events().flush();
      }
      return r;
    } catch (RuntimeException | Error e) {
      undo.rollback();
      core.events().discard();
      throw e;
    } finally {
      owner.exit();
    }
  }

  /** {@link #run(Supplier)} after checking that {@code e} belongs to this environment. */
  private <T> T run(String op, Expr e, Supplier<T> body) {
    return run(
        () -> {
          checkOwn(e, op);
          return body.get();
        });
  }

  private Supplier<Optional<Location>> here() {
    return Suppliers.memoize(frames::find);
  }

  /**
   * Runs a read-only query with the same one-thread-at-a-time check as the operations (also after
   * {@link #close}, so that results and statistics stay readable).
   */
  private <T> T read(Supplier<T> query) {
    owner.enter();
    try {
      return query.get();
    } finally {
      owner.exit();
    }
  }

  /**
   * Rejects expressions of another environment: made by another factory, or mentioning a symbol
   * this environment did not create (environments that share a factory share symbol names, so such
   * a symbol can only be caught when this environment has no symbol of that name).
   */
  private void checkOwn(Expr e, String op) {
    checkNotNull(e, "expression");
    checkArgument(
        e.factory() == core.facts().factoryForApi(),
        "%s: %s was made by a different ExprFactory than this ShapeEnv's",
        op,
        e);
    for (Sym s : e.freeSymbols()) {
      if (core.facts().infoOf(s) == null) {
        String what = e == s ? s + " is" : e + " mentions " + s + ", which is";
        throw new IllegalArgumentException(
            op
                + ": "
                + what
                + " not a symbol of this ShapeEnv (symbols come from createSymbol and"
                + " createUnbackedSymInt of the same environment)");
      }
    }
  }

  // ---- symbols ----

  /**
   * A dynamic dimension with example value {@code hint}; see {@link #createSymbol(long, Source,
   * SymbolSpec)}.
   */
  public IntExpr createSymbol(long hint, Source source) {
    return createSymbol(hint, source, SymbolSpec.dynamic());
  }

  /**
   * PyTorch's {@code create_symbol}: a new backed symbol {@code s<n>} with range {@code [2,
   * int_oo]} (narrowed by {@code spec}'s declared range), or a constant for static dimensions and,
   * unless told otherwise, for example values 0 and 1. Logs {@code create_symbol s0 = 6 for
   * L['w'].size()[0] [2, int_oo]}.
   *
   * @throws ContradictionException if {@code hint} lies outside the declared range
   */
  public IntExpr createSymbol(long hint, Source source, SymbolSpec spec) {
    checkNotNull(source, "source");
    checkNotNull(spec, "spec");
    checkArgument(
        hint >= 0 || spec.range().isPresent(), "hint (%s) of %s must be >= 0", hint, source);
    Supplier<Optional<Location>> loc = here();
    return run(() -> core.symbols().createSymbol(hint, source, spec, loc));
  }

  /**
   * PyTorch's {@code create_unbacked_symint}: {@code u<n>} with range {@code [-int_oo, int_oo]}.
   */
  public Sym createUnbackedSymInt() {
    Supplier<Optional<Location>> loc = here();
    return run(() -> core.symbols().createUnbacked(Optional.empty(), loc));
  }

  /** An unbacked symbol with a source (for unbacked inputs). */
  public Sym createUnbackedSymInt(Source source) {
    checkNotNull(source, "source");
    Supplier<Optional<Location>> loc = here();
    return run(() -> core.symbols().createUnbacked(Optional.of(source), loc));
  }

  /**
   * Marks an unbacked symbol as a size: narrows its range to {@code [0, int_oo]} and lets
   * size-oblivious evaluation assume it is at least 2 (PyTorch's {@code
   * _constrain_range_for_size}).
   */
  public void markSizeLike(Sym u) {
    constrainRangeForSize(u, IntRange.atLeast(0));
  }

  /** Marks {@code u} size-like with range {@code range ∩ [0, int_oo]}. */
  public void constrainRangeForSize(Sym u, IntRange range) {
    checkNotNull(range, "range");
    run(
        "constrainRangeForSize",
        u,
        () -> {
          checkArgument(core.facts().isUnbacked(u), "%s is not an unbacked symbol", u);
          core.symbols().constrainRangeForSize(u, range);
          return null;
        });
  }

  /**
   * PyTorch's {@code constrain_symbol_range}: narrows the range of {@code s} to {@code range}
   * without recording a guard or runtime assert (the caller vouches for it, as for the range of an
   * unbacked symbol that an operator's semantics guarantee). Logs {@code constrain_symbol_range u0
   * [0, 10]} when the range changes.
   *
   * @throws ContradictionException if no value of the current range is in {@code range}
   */
  public void constrainSymbolRange(Sym s, IntRange range) {
    checkNotNull(range, "range");
    run(
        "constrainSymbolRange",
        s,
        () -> {
          core.symbols().constrainSymbolRange(s, range);
          return null;
        });
  }

  /**
   * PyTorch's {@code _rename_unbacked_to}: when a re-trace creates unbacked symbol {@code dest} for
   * the value that {@code orig} stood for, {@code orig} is replaced by {@code dest} (reason {@code
   * rename_unbacked_to}), and {@code dest} takes over what was known about {@code orig} (its range
   * and size-likeness). Logs {@code set_replacement u0 = u1 (rename_unbacked_to) VR[...]}.
   */
  public void renameUnbackedTo(Sym orig, Sym dest) {
    checkNotNull(dest, "dest");
    run(
        "renameUnbackedTo",
        orig,
        () -> {
          checkOwn(dest, "renameUnbackedTo");
          checkArgument(core.facts().isUnbacked(orig), "orig (%s) must be unbacked", orig);
          checkArgument(core.facts().isUnbacked(dest), "dest (%s) must be unbacked", dest);
          checkArgument(orig != dest, "cannot rename %s to itself", orig);
          core.symbols().renameUnbackedTo(orig, dest);
          return null;
        });
  }

  /** What the environment knows about {@code s} from its creation. */
  public SymbolInfo symbolInfo(Sym s) {
    return read(
        () -> {
          checkOwn(s, "symbolInfo");
          return core.facts().infoOf(s);
        });
  }

  /** All symbols, in creation order. */
  public ImmutableList<SymbolInfo> symbols() {
    return read(core.facts()::allSymbols);
  }

  /** Whether {@code s} is size-like. */
  public boolean isSizeLike(Sym s) {
    return read(
        () -> {
          checkOwn(s, "isSizeLike");
          return core.facts().isSizeLike(s);
        });
  }

  // ---- facts ----

  /** The current range of a symbol. */
  public IntRange range(Sym s) {
    return read(
        () -> {
          checkOwn(s, "range");
          return core.facts().rangeOf(s);
        });
  }

  /** The range of an expression after replacements, from the symbols' ranges. */
  public IntRange bound(IntExpr e) {
    return run("bound", e, () -> core.refiner().boundPublic(core.refiner().replace(e)));
  }

  /** {@code e} with every replaced symbol substituted (chains resolved). */
  public IntExpr replace(IntExpr e) {
    return run("replace", e, () -> core.refiner().replace(e));
  }

  /** {@code e} with every replaced symbol substituted (chains resolved). */
  public BoolExpr replace(BoolExpr e) {
    return run("replace", e, () -> core.refiner().replace(e));
  }

  /** The replacements, in the order they were made, with their current targets. */
  public ImmutableMap<Sym, Replacement> replacements() {
    return read(core.facts()::replacementsView);
  }

  /** The guards and runtime asserts recorded so far, in order. */
  public ImmutableList<Guard> guards() {
    return read(core.facts()::guardsView);
  }

  /** The runtime asserts recorded so far, in order. */
  public ImmutableList<Guard> runtimeAsserts() {
    return guards().stream()
        .filter(g -> g.kind() == Guard.Kind.RUNTIME_ASSERT)
        .collect(ImmutableList.toImmutableList());
  }

  /** The value of {@code e} at the example inputs; empty when it depends on unbacked symbols. */
  public Optional<IntValue> hint(IntExpr e) {
    return run("hint", e, () -> core.hint(e));
  }

  /** The unbacked symbols of {@code e} after replacements. */
  public ImmutableSet<Sym> unbackedSymbols(Expr e) {
    return run(
        "unbackedSymbols",
        e,
        () -> ImmutableSet.copyOf(core.unbackedOf(core.refiner().replaceAny(e))));
  }

  // ---- deciding ----

  /** Decides {@code e} statically (no guard is recorded). */
  public Decision decide(BoolExpr e) {
    return decide(e, EvalMode.NORMAL);
  }

  /** Decides {@code e} statically in the given mode (no guard is recorded). */
  public Decision decide(BoolExpr e, EvalMode mode) {
    checkNotNull(mode, "mode");
    return run("decide", e, () -> core.decide(e, mode));
  }

  /** True when {@code e} is statically known to hold; never guards. */
  public boolean staticallyKnownTrue(BoolExpr e) {
    return decide(e).truth() == Truth.TRUE;
  }

  /** True when {@code e} is statically known not to hold; never guards. */
  public boolean staticallyKnownFalse(BoolExpr e) {
    return decide(e).truth() == Truth.FALSE;
  }

  // ---- guarding ----

  /**
   * PyTorch's {@code evaluate_expr}: the value of {@code e}, statically known (logged {@code eval e
   * == True [statically known]}) or from the example values, in which case a guard is recorded and
   * learned from (logged {@code eval e [guard added]} with the user's line).
   *
   * @throws DataDependentException if {@code e} depends on unbacked symbols and is not decided
   */
  public boolean evaluateExpr(BoolExpr e) {
    return evaluateExpr(e, EvalMode.NORMAL);
  }

  /** {@link #evaluateExpr(BoolExpr)} in the given mode. */
  public boolean evaluateExpr(BoolExpr e, EvalMode mode) {
    checkNotNull(mode, "mode");
    Supplier<Optional<Location>> loc = here();
    return run("evaluateExpr", e, () -> core.evaluateExpr(e, mode, loc));
  }

  /** PyTorch's {@code guard_size_oblivious}: size-like symbols are assumed to be at least 2. */
  public boolean guardSizeOblivious(BoolExpr e) {
    return evaluateExpr(e, EvalMode.SIZE_OBLIVIOUS);
  }

  /**
   * The concrete value of {@code e}, guarding {@code Eq(e, value)} (specializing the symbols).
   *
   * @throws DataDependentException ({@code Could not extract specialized integer from
   *     data-dependent expression u0 (unhinted: u0). (Size-like symbols: none)}) if {@code e}
   *     depends on unbacked symbols
   */
  public IntValue guardInt(IntExpr e) {
    Supplier<Optional<Location>> loc = here();
    return run("guardInt", e, () -> core.guardInt(e, loc));
  }

  /**
   * PyTorch's {@code guard_or_false}: decided statically, or guarded on the hint when {@code e} is
   * backed; for undecided data-dependent expressions, {@code false} without any guard or assert.
   */
  public boolean guardOrFalse(BoolExpr e) {
    Supplier<Optional<Location>> loc = here();
    return run("guardOrFalse", e, () -> core.guardOr(e, false, loc));
  }

  /** PyTorch's {@code guard_or_true}; see {@link #guardOrFalse}. */
  public boolean guardOrTrue(BoolExpr e) {
    Supplier<Optional<Location>> loc = here();
    return run("guardOrTrue", e, () -> core.guardOr(e, true, loc));
  }

  /**
   * PyTorch's {@code torch._check}: nothing when statically true; otherwise records a runtime
   * assert (logged {@code runtime_assert e [guard added]}) and learns from it: ranges are narrowed
   * ({@code u0 >= 10} gives {@code u0} the range {@code [10, int_oo]}) and equalities become
   * replacements.
   *
   * @throws ContradictionException if {@code e} can never hold (the message names the facts it
   *     contradicts), or if it is false at the example values
   */
  public void check(BoolExpr e) {
    Supplier<Optional<Location>> loc = here();
    run(
        "check",
        e,
        () -> {
          core.check(e, loc);
          return null;
        });
  }

  /**
   * PyTorch's {@code torch._check_is_size}: {@code check(e >= 0)}, and an unbacked symbol is marked
   * size-like.
   */
  public void checkIsSize(IntExpr e) {
    Supplier<Optional<Location>> loc = here();
    run(
        "checkIsSize",
        e,
        () -> {
          core.check(core.factory().ge(e, core.factory().zero()), loc);
          IntExpr r = core.refiner().replace(e);
          if (r instanceof Sym s && core.facts().isUnbacked(s)) {
            core.symbols().constrainRangeForSize(s, IntRange.atLeast(0));
          }
          return null;
        });
  }

  // ---- results ----

  /**
   * PyTorch's {@code produce_guards}: resolves the replacements and returns the source-level
   * guards, the range constraints and the input-check plan. Logs {@code produce_guards}.
   */
  public ProducedGuards produceGuards() {
    return run(core::produceGuards);
  }

  /** Statistics of static evaluation. */
  public ShapeEnvStats stats() {
    return read(
        () ->
            ShapeEnvStats.of(
                core.decider().queries(),
                core.decider().cacheHits(),
                core.decider().byTier(),
                core.decider().extraNanos()));
  }

  /**
   * A version number of the facts: it changes whenever a fact changes, and an operation that fails
   * restores it with the facts. Two equal versions of one environment mean equal facts.
   */
  public long factVersion() {
    return read(core.facts()::version);
  }

  /**
   * Releases the extra tier's resources; further operations throw {@link IllegalStateException},
   * while the read-only accessors ({@link #symbols}, {@link #guards}, {@link #replacements}, {@link
   * #range}, {@link #stats}, ...) keep working.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (core.extraTier() != null) {
      core.extraTier().close();
    }
  }

  private String defaultName(Sym s) {
    SymbolInfo si = core.facts().infoOf(s);
    return si == null || si.sources().isEmpty() ? s.name() : si.sources().get(0).javaName();
  }
}
