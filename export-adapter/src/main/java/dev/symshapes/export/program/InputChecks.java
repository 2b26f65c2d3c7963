package dev.symshapes.export.program;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.text.ExprPrinter;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input checks of an exported module, compiled once from the program's input placeholders,
 * range constraints and residual guards, and run on every call. It follows PyTorch's {@code
 * _check_input_constraints_for_graph} and {@code _check_symint} ({@code torch/_export/utils.py}):
 *
 * <ol>
 *   <li>the structure of the arguments must be the exported one ({@code _check_inputs_match});
 *   <li>each tensor input must be a tensor of the exported rank;
 *   <li>each dimension is checked in order: a static size must be equal; a dimension whose
 *       expression is one symbol binds that symbol the first time (solving {@code 2*s0 + 1} for
 *       {@code s0} exactly) and must be equal to its value afterwards; the dimension must lie in
 *       the range constraint of its expression; constant inputs must be equal;
 *   <li>dimensions whose expressions have several symbols ({@code s2*s3}) are compared with their
 *       value once every symbol is bound (PyTorch defers these to runtime asserts);
 *   <li>the guards that none of the above imply ({@code ProducedGuards.residualChecks()}) are
 *       evaluated last, failing with {@code Guard failed: ...} as PyTorch's guards function does.
 * </ol>
 *
 * <p>One difference from PyTorch, on purpose: PyTorch skips a lower bound of 2 ({@code NOTE: we
 * allow dimensions to be 0/1 at runtime}), although the program was traced assuming the size is at
 * least 2 (broadcasting, for one, decided {@code Eq(s0, 1) == False}); these checks enforce every
 * bound.
 *
 * <p>Everything that can be decided when the plan is built is: which symbol each dimension binds,
 * the linear coefficients to solve with, the compiled expressions over {@code long} slots. A call
 * allocates one small array and builds messages only when a check fails. Immutable and thread-safe.
 */
final class InputChecks {
  private static final Pattern LOCAL = Pattern.compile("^L\\['([^']*)'\\]");

  /** A user input of the program: where it is in the arguments, and its placeholder's value. */
  record UserInput(ImmutableList<Integer> path, Object val) {}

  private final TreeSpec callSpec;
  private final TreeSpec argsSpec;
  private final Leaf[] leaves;
  private final Deferred[] deferred;
  private final Residual[] residuals;
  private final int numSlots;
  private final boolean flatArgs;
  private final SlotExprs exprs;

  InputChecks(
      TreeSpec argsSpec,
      List<UserInput> inputs,
      ShapeEnv env,
      Map<IntExpr, IntRange> rangeConstraints,
      List<BoolExpr> residualChecks) {
    this.argsSpec = argsSpec;
    this.callSpec = TreeSpec.tuple(List.of(argsSpec, TreeSpec.emptyDict()));
    Map<Sym, Integer> slots = new LinkedHashMap<>();
    Map<Sym, Source> firstSource = new LinkedHashMap<>();
    this.exprs = new SlotExprs(slots);
    List<Leaf> ls = new ArrayList<>();
    List<Deferred> ds = new ArrayList<>();
    Set<Sym> bound = new HashSet<>();
    for (int li = 0; li < inputs.size(); li++) {
      UserInput in = inputs.get(li);
      String path = "*args" + TreeSpec.keyString(in.path());
      Object val = in.val();
      if (val instanceof TensorMeta m) {
        DimCheck[] dims = new DimCheck[m.dim()];
        List<String> shape = new ArrayList<>();
        for (int j = 0; j < m.dim(); j++) {
          IntExpr e = replaced(env, m.sizes().get(j));
          shape.add(e.toString());
          String dimPath = path + ".shape[" + j + "]";
          dims[j] = plan(e, dimPath, slots, bound, rangeConstraints, ds);
        }
        ls.add(new TensorLeaf(path, dims, "torch.Size([" + String.join(", ", shape) + "])"));
      } else if (val instanceof SymInt s && !s.isConstant()) {
        IntExpr e = env.replace(s.expr());
        ls.add(new SymIntLeaf(path, plan(e, path, slots, bound, rangeConstraints, ds)));
      } else if (val instanceof SymBool b && !b.isConstant()) {
        throw new UnsupportedOperationException(
            "symbolic boolean inputs are not supported (input at " + path + ")");
      } else {
        ls.add(new ConstLeaf(path, constantValue(val)));
      }
    }
    for (Sym s : slots.keySet()) {
      if (!bound.contains(s)) {
        throw new IllegalStateException(
            "no input dimension determines the symbol "
                + s
                + ", so the inputs cannot be checked against "
                + ds);
      }
    }
    for (Map.Entry<Sym, Integer> e : slots.entrySet()) {
      List<Source> sources = env.symbolInfo(e.getKey()).sources();
      if (!sources.isEmpty()) {
        firstSource.put(e.getKey(), sources.get(0));
      }
    }
    this.leaves = ls.toArray(new Leaf[0]);
    this.deferred = ds.toArray(new Deferred[0]);
    for (Deferred d : deferred) {
      d.compile(exprs);
    }
    ExprPrinter shadow = ExprPrinter.python(s -> shadowName(s, firstSource));
    List<Residual> rs = new ArrayList<>();
    for (BoolExpr r : residualChecks) {
      BoolExpr e = env.replace(r);
      rs.add(new Residual(e, exprs.compile(e), "Guard failed: " + shadow.print(e)));
    }
    this.residuals = rs.toArray(new Residual[0]);
    this.numSlots = slots.size();
    boolean allLeaves = true;
    for (TreeSpec c : argsSpec.children()) {
      allLeaves &= c.kind() == TreeSpec.Kind.LEAF;
    }
    this.flatArgs = allLeaves;
  }

  private static IntExpr replaced(ShapeEnv env, SymInt s) {
    if (s.isConstant()) {
      return s.expr();
    }
    return env.replace(s.expr());
  }

  /** {@code L['x'].size()[0]} becomes {@code x.size()[0]}, as in PyTorch's guard messages. */
  private static String shadowName(Sym s, Map<Sym, Source> firstSource) {
    Source src = firstSource.get(s);
    if (src == null) {
      return s.name();
    }
    Matcher m = LOCAL.matcher(src.name());
    return m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1))) : src.name();
  }

  private static Object constantValue(Object val) {
    if (val instanceof SymInt s) {
      return s.constantValue();
    }
    if (val instanceof SymBool b) {
      return b.expr().isTrue();
    }
    return val;
  }

  private DimCheck plan(
      IntExpr e,
      String path,
      Map<Sym, Integer> slots,
      Set<Sym> bound,
      Map<IntExpr, IntRange> ranges,
      List<Deferred> deferredOut) {
    IntValue c = e.constantValue();
    if (c != null) {
      return new StaticDim(path, c.longValueExact());
    }
    Set<Sym> free = e.freeSymbols();
    if (free.size() != 1) {
      Deferred d = new Deferred(path, e, deferredOut.size());
      deferredOut.add(d);
      for (Sym s : free) {
        slots.computeIfAbsent(s, k -> slots.size());
      }
      return d;
    }
    Sym s = free.iterator().next();
    int slot = slots.computeIfAbsent(s, k -> slots.size());
    if (bound.contains(s)) {
      if (e.equals(s)) {
        return new EqualSymbol(path, slot);
      }
      return new EqualExpr(path, e, exprs.compile(e));
    }
    bound.add(s);
    IntRange r = ranges.get(e);
    long min =
        r != null && r.lower().isFinite() ? r.lower().value().longValueExact() : Long.MIN_VALUE;
    long max =
        r != null && r.upper().isFinite() ? r.upper().value().longValueExact() : Long.MAX_VALUE;
    if (e.equals(s)) {
      return new Bind(path, slot, min, max);
    }
    if (e instanceof Add a
        && a.termCount() == 1
        && a.monomials().get(0).equals(s)
        && a.constant().fitsLong()
        && a.coefficients().get(0).fitsLong()) {
      return new SolveLinear(
          path,
          e,
          s,
          slot,
          a.coefficients().get(0).longValueExact(),
          a.constant().longValueExact(),
          min,
          max);
    }
    return new SolveGeneric(path, e, s, slot, min, max);
  }

  /** The structure of the inputs the program was exported with: {@code ((*args), {})}. */
  TreeSpec callSpec() {
    return callSpec;
  }

  /**
   * Checks {@code args} and returns their leaves (the values of the user-input placeholders, in
   * order).
   *
   * @throws InputCheckException naming the input, the dimension and the rule that failed
   */
  Object[] check(Object[] args) {
    Object[] flat = flatten(args);
    long[] v = numSlots == 0 ? NO_SLOTS : new long[numSlots];
    long[] actual = deferred.length == 0 ? NO_SLOTS : new long[deferred.length];
    for (int i = 0; i < leaves.length; i++) {
      leaves[i].check(flat[i], v, actual);
    }
    for (Deferred d : deferred) {
      d.checkValue(v, actual[d.index]);
    }
    for (Residual r : residuals) {
      r.check(v);
    }
    return flat;
  }

  private static final long[] NO_SLOTS = new long[0];

  /** The leaves of {@code args} if they have the exported structure. */
  private Object[] flatten(Object[] args) {
    if (flatArgs) {
      boolean ok = args.length == leaves.length;
      for (int i = 0; ok && i < args.length; i++) {
        Object a = args[i];
        ok = a != null && !(a instanceof List) && !(a instanceof Object[]);
      }
      if (ok) {
        return args;
      }
      throw structureMismatch(args);
    }
    List<Object> flat = new ArrayList<>(leaves.length);
    if (!argsSpec.flattenInto(args, flat)) {
      throw structureMismatch(args);
    }
    return flat.toArray();
  }

  private InputCheckException structureMismatch(Object[] args) {
    {
      return new InputCheckException(
          "Trying to flatten user inputs with exported input tree spec: \n"
              + callSpec
              + "\nbut actually got inputs with tree spec of: \n"
              + TreeSpec.ofCall(args)
              + ".\nPlease check that the inputs have the same number and type of args and kwargs"
              + " as the ones you used when tracing.");
    }
  }

  // ---- leaves ----

  private abstract static class Leaf {
    final String path;

    Leaf(String path) {
      this.path = path;
    }

    abstract void check(Object arg, long[] v, long[] actual);
  }

  private static final class TensorLeaf extends Leaf {
    private final DimCheck[] dims;
    private final String shapeText;

    TensorLeaf(String path, DimCheck[] dims, String shapeText) {
      super(path);
      this.dims = dims;
      this.shapeText = shapeText;
    }

    @Override
    void check(Object arg, long[] v, long[] actual) {
      long[] shape;
      if (arg instanceof Tensor t) {
        shape = t.data().shape();
      } else if (arg instanceof InputShape s) {
        shape = s.sizes();
      } else {
        throw new InputCheckException(
            "Expected input at " + path + " to be a tensor, but got " + PyTypes.typeOf(arg));
      }
      if (shape.length != dims.length) {
        throw new InputCheckException(
            "Unexpected number of dimensions in input at "
                + path
                + ".shape (expected "
                + shapeText
                + ", got "
                + PyTypes.size(shape)
                + ")");
      }
      for (int j = 0; j < dims.length; j++) {
        dims[j].check(shape[j], v, actual);
      }
    }
  }

  private static final class SymIntLeaf extends Leaf {
    private final DimCheck dim;

    SymIntLeaf(String path, DimCheck dim) {
      super(path);
      this.dim = dim;
    }

    @Override
    void check(Object arg, long[] v, long[] actual) {
      Long x = PyTypes.asInt(arg);
      if (x == null) {
        throw new InputCheckException(
            "Expected input at " + path + " to be an int, but got " + PyTypes.typeOf(arg));
      }
      dim.check(x, v, actual);
    }
  }

  private static final class ConstLeaf extends Leaf {
    private final Object expected;

    ConstLeaf(String path, Object expected) {
      super(path);
      this.expected = expected;
    }

    @Override
    void check(Object arg, long[] v, long[] actual) {
      if (!PyTypes.sameTypeAndValue(expected, arg)) {
        throw new InputCheckException(
            "Expected input at "
                + path
                + " to be equal to "
                + PyTypes.str(expected)
                + ", but got "
                + PyTypes.str(arg));
      }
    }
  }

  // ---- dimensions ----

  private abstract static class DimCheck {
    final String path;

    DimCheck(String path) {
      this.path = path;
    }

    abstract void check(long a, long[] v, long[] actual);

    final InputCheckException notEqual(Object expected, long a) {
      return new InputCheckException(
          "Expected input at " + path + " to be equal to " + expected + ", but got " + a);
    }

    /** {@code to be equal to 2*s0 = 12}: names the rule and its value at the bound symbols. */
    final InputCheckException notEqual(IntExpr rule, Object expected, long a) {
      return notEqual(rule + " = " + expected, a);
    }

    final void checkRange(long a, long min, long max) {
      if (a < min) {
        throw new InputCheckException(
            "Expected input at " + path + " to be >= " + min + ", but got " + a);
      }
      if (a > max) {
        throw new InputCheckException(
            "Expected input at " + path + " to be <= " + max + ", but got " + a);
      }
    }
  }

  private static final class StaticDim extends DimCheck {
    private final long value;

    StaticDim(String path, long value) {
      super(path);
      this.value = value;
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      if (a != value) {
        throw new InputCheckException(
            "Expected input at "
                + path
                + " to be equal to "
                + value
                + ", but got "
                + a
                + ". If you meant for this dimension to be dynamic, please re-export and specify"
                + " dynamic_shapes (e.g. with Dim.DYNAMIC)");
      }
    }
  }

  private static final class Bind extends DimCheck {
    private final int slot;
    private final long min;
    private final long max;

    Bind(String path, int slot, long min, long max) {
      super(path);
      this.slot = slot;
      this.min = min;
      this.max = max;
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      v[slot] = a;
      checkRange(a, min, max);
    }
  }

  private static final class EqualSymbol extends DimCheck {
    private final int slot;

    EqualSymbol(String path, int slot) {
      super(path);
      this.slot = slot;
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      if (a != v[slot]) {
        throw notEqual(v[slot], a);
      }
    }
  }

  private final class EqualExpr extends DimCheck {
    private final IntExpr expr;
    private final SlotExprs.IntFn fn;

    EqualExpr(String path, IntExpr expr, SlotExprs.IntFn fn) {
      super(path);
      this.expr = expr;
      this.fn = fn;
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      long expected;
      try {
        expected = fn.eval(v);
      } catch (ArithmeticException overflow) {
        IntValue x = exprs.exact(expr, v);
        if (!x.equals(IntValue.of(a))) {
          throw notEqual(expr, x, a);
        }
        return;
      }
      if (a != expected) {
        throw notEqual(expr, expected, a);
      }
    }
  }

  private static final class SolveLinear extends DimCheck {
    private final IntExpr expr;
    private final Sym symbol;
    private final int slot;
    private final long coef;
    private final long offset;
    private final long min;
    private final long max;

    SolveLinear(
        String path,
        IntExpr expr,
        Sym symbol,
        int slot,
        long coef,
        long offset,
        long min,
        long max) {
      super(path);
      this.expr = expr;
      this.symbol = symbol;
      this.slot = slot;
      this.coef = coef;
      this.offset = offset;
      this.min = min;
      this.max = max;
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      long rest;
      try {
        rest = Math.subtractExact(a, offset);
      } catch (ArithmeticException overflow) {
        throw notOfTheForm(path, a, expr, symbol);
      }
      if (rest % coef != 0) {
        throw notOfTheForm(path, a, expr, symbol);
      }
      v[slot] = rest / coef;
      checkRange(a, min, max);
    }
  }

  private final class SolveGeneric extends DimCheck {
    private final IntExpr expr;
    private final Sym symbol;
    private final int slot;
    private final long min;
    private final long max;

    SolveGeneric(String path, IntExpr expr, Sym symbol, int slot, long min, long max) {
      super(path);
      this.expr = expr;
      this.symbol = symbol;
      this.slot = slot;
      this.min = min;
      this.max = max;
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      var f = expr.factory();
      var solution = dev.symshapes.expr.solve.LinearSolver.solve(f.eq(expr, f.integer(a)), symbol);
      if (solution instanceof dev.symshapes.expr.solve.Solution.Solved solved
          && solved.kind() == ExprKind.EQ
          && solved.rhs().constantValue() != null
          && solved.rhs().constantValue().fitsLong()) {
        long x = solved.rhs().constantValue().longValueExact();
        v[slot] = x;
        if (exprs.exact(expr, v).equals(IntValue.of(a))) {
          checkRange(a, min, max);
          return;
        }
      }
      throw notOfTheForm(path, a, expr, symbol);
    }
  }

  private static InputCheckException notOfTheForm(String path, long a, IntExpr expr, Sym s) {
    return new InputCheckException(
        "Expected input "
            + path
            + " = "
            + a
            + " to be of the form "
            + expr
            + ", where "
            + s
            + " is an integer");
  }

  /** A dimension with several symbols: compared once all symbols are bound. */
  private final class Deferred extends DimCheck {
    private final IntExpr expr;
    private final int index;
    private SlotExprs.IntFn fn;

    Deferred(String path, IntExpr expr, int index) {
      super(path);
      this.expr = expr;
      this.index = index;
    }

    @Override
    public String toString() {
      return path + " == " + expr;
    }

    void compile(SlotExprs e) {
      this.fn = e.compile(expr);
    }

    @Override
    void check(long a, long[] v, long[] actual) {
      actual[index] = a;
    }

    void checkValue(long[] v, long a) {
      long expected;
      try {
        expected = fn.eval(v);
      } catch (ArithmeticException overflow) {
        IntValue x = exprs.exact(expr, v);
        if (!x.equals(IntValue.of(a))) {
          throw notEqual(expr, x, a);
        }
        return;
      }
      if (a != expected) {
        throw notEqual(expr, expected, a);
      }
    }
  }

  private final class Residual {
    private final BoolExpr expr;
    private final SlotExprs.BoolFn fn;
    private final String message;

    Residual(BoolExpr expr, SlotExprs.BoolFn fn, String message) {
      this.expr = expr;
      this.fn = fn;
      this.message = message;
    }

    void check(long[] v) {
      boolean ok;
      try {
        ok = fn.test(v);
      } catch (ArithmeticException overflow) {
        try {
          ok = exprs.exact(expr, v);
        } catch (ArithmeticException e) {
          throw new InputCheckException(message + " (" + e.getMessage() + ")");
        }
      }
      if (!ok) {
        throw new InputCheckException(message);
      }
    }
  }

  /** The number of leaves. */
  int numLeaves() {
    return leaves.length;
  }

  /** For tests: the plan's residual guards. */
  ImmutableList<BoolExpr> residualExprs() {
    ImmutableList.Builder<BoolExpr> b = ImmutableList.builder();
    for (Residual r : residuals) {
      b.add(r.expr);
    }
    return b.build();
  }
}
