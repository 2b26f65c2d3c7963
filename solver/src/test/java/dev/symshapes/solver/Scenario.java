package dev.symshapes.solver;

import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.range.IntRange;
import java.util.ArrayList;
import java.util.List;

/**
 * A random shape-environment session decoded from an array of small integers (so that QuickTheories
 * can shrink it): three symbols, each backed (a size with an example value and a declared range),
 * unbacked (range fixed by two checks) or unbacked and size-like; then a few facts, each added with
 * {@code check}, {@code evaluateExpr} or {@code guardOrFalse}; then queries. Every symbol is
 * confined to a small box, so that enumerating the box finds every assignment that satisfies the
 * facts.
 */
final class Scenario {
  /** How a symbol is made. */
  enum SymKind {
    BACKED,
    UNBACKED,
    SIZE_LIKE
  }

  /** How a fact is added. */
  enum FactMode {
    CHECK,
    EVALUATE,
    GUARD_OR_FALSE
  }

  /** A symbol: its kind, declared range and (for backed symbols) example value. */
  record SymSpec(SymKind kind, int lo, int hi, int hint) {}

  /** A relation over the symbols: {@code op(term(lhs), term(rhs))}. */
  record Rel(ExprKind op, int[] lhs, int[] rhs) {}

  /** A fact and how it is added. */
  record FactSpec(FactMode mode, Rel rel) {}

  static final int SYMBOLS = 3;
  static final int FACTS = 5;
  static final int QUERIES = 6;
  private static final int SYM_INTS = 4;
  private static final int TERM_INTS = 4;
  private static final int REL_INTS = 1 + 2 * TERM_INTS;
  static final int LENGTH = SYMBOLS * SYM_INTS + FACTS * (1 + REL_INTS) + QUERIES * REL_INTS;

  /** Unbacked symbols range over at most this box. */
  static final int UNBACKED_LO = -3;

  static final int UNBACKED_HI = 6;

  /** Backed symbols (sizes) range over at most this box. */
  static final int BACKED_HI = 6;

  private static final ExprKind[] OPS = {
    ExprKind.EQ, ExprKind.NE, ExprKind.LT, ExprKind.LE, ExprKind.GT, ExprKind.GE
  };
  private static final int[] DIVISORS = {2, 3, -2, 4};

  final List<SymSpec> symbols = new ArrayList<>();
  final List<FactSpec> facts = new ArrayList<>();
  final List<Rel> queries = new ArrayList<>();

  private Scenario() {}

  static Scenario decode(Integer[] s) {
    Scenario sc = new Scenario();
    int p = 0;
    for (int i = 0; i < SYMBOLS; i++) {
      SymKind kind = SymKind.values()[Math.floorMod(s[p], 3)];
      int boxLo = kind == SymKind.UNBACKED ? UNBACKED_LO : 0;
      int boxHi = kind == SymKind.BACKED ? BACKED_HI : UNBACKED_HI;
      int width = boxHi - boxLo + 1;
      int a = boxLo + Math.floorMod(s[p + 1], width);
      int b = boxLo + Math.floorMod(s[p + 2], width);
      int lo = Math.min(a, b);
      int hi = Math.max(a, b);
      int hint = lo + Math.floorMod(s[p + 3], hi - lo + 1);
      sc.symbols.add(new SymSpec(kind, lo, hi, hint));
      p += SYM_INTS;
    }
    for (int i = 0; i < FACTS; i++) {
      FactMode mode = FactMode.values()[Math.floorMod(s[p], 3)];
      sc.facts.add(new FactSpec(mode, rel(s, p + 1)));
      p += 1 + REL_INTS;
    }
    for (int i = 0; i < QUERIES; i++) {
      Rel q = rel(s, p);
      if (Math.floorMod(s[p + 1], 2) == 0) {
        // Half of the queries restate a fact with another relation and a shifted constant, so that
        // the axiom tier is asked about the polynomials it knows.
        Rel fact = sc.facts.get(i % FACTS).rel();
        int[] rhs = fact.rhs().clone();
        rhs[3] += s[p + 2] / 2;
        q = new Rel(q.op(), fact.lhs(), rhs);
      }
      sc.queries.add(q);
      p += REL_INTS;
    }
    return sc;
  }

  private static Rel rel(Integer[] s, int p) {
    int[] lhs = new int[TERM_INTS];
    int[] rhs = new int[TERM_INTS];
    for (int i = 0; i < TERM_INTS; i++) {
      lhs[i] = s[p + 1 + i];
      rhs[i] = s[p + 1 + TERM_INTS + i];
    }
    return new Rel(OPS[Math.floorMod(s[p], OPS.length)], lhs, rhs);
  }

  /** Creates the symbols in {@code env}; unbacked ranges are set by checks. */
  List<IntExpr> createSymbols(ShapeEnv env) {
    ExprFactory f = env.factory();
    List<IntExpr> out = new ArrayList<>();
    for (int i = 0; i < symbols.size(); i++) {
      SymSpec sp = symbols.get(i);
      switch (sp.kind()) {
        case BACKED:
          out.add(
              env.createSymbol(
                  sp.hint(),
                  Source.size("x", i),
                  SymbolSpec.dynamic()
                      .withRange(IntRange.of(sp.lo(), sp.hi()))
                      .withZeroOne(ZeroOne.KEEP_SYMBOLIC)));
          break;
        default:
          IntExpr u = env.createUnbackedSymInt();
          env.check(f.ge(u, f.integer(sp.lo())));
          env.check(f.le(u, f.integer(sp.hi())));
          if (sp.kind() == SymKind.SIZE_LIKE) {
            env.markSizeLike((dev.symshapes.expr.Sym) u);
          }
          out.add(u);
          break;
      }
    }
    return out;
  }

  /** The relation built over {@code syms}. */
  static BoolExpr build(ExprFactory f, Rel r, List<IntExpr> syms) {
    return f.relation(r.op(), term(f, r.lhs(), syms), term(f, r.rhs(), syms));
  }

  /**
   * A term: {@code x + c}, {@code k*x + y + c}, {@code x - y + c}, {@code x*y + c}, {@code (x +
   * c)//d}, {@code (x + y) % d}, {@code Max(x, y + c)}, {@code Min(x, c)}, a constant, or a
   * division by a symbol, {@code (x + c)//y} or {@code x % (y + c)}, whose divisor may be (or be
   * made) 0: such a term has no value there.
   */
  static IntExpr term(ExprFactory f, int[] t, List<IntExpr> syms) {
    IntExpr x = syms.get(Math.floorMod(t[1], syms.size()));
    IntExpr y = syms.get(Math.floorMod(t[2], syms.size()));
    IntExpr c = f.integer(t[3]);
    int d = DIVISORS[Math.floorMod(t[3], DIVISORS.length)];
    switch (Math.floorMod(t[0], 11)) {
      case 0:
        return f.add(x, c);
      case 1:
        return f.add(f.scale(x, IntValue.of(Math.floorMod(t[2], 5) - 2)), y, c);
      case 2:
        return f.add(f.sub(x, y), c);
      case 3:
        return f.add(f.mul(x, y), c);
      case 4:
        return f.floorDiv(f.add(x, c), f.integer(d));
      case 5:
        return f.mod(f.add(x, y), f.integer(Math.abs(d)));
      case 6:
        return f.max(x, f.add(y, c));
      case 7:
        return f.min(x, c);
      case 9:
        return y == f.zero() ? c : f.floorDiv(f.add(x, c), y);
      case 10:
        IntExpr divisor = f.add(y, f.integer(Math.floorMod(t[3], 3) - 1));
        return divisor.isConstant() && divisor.constantValue().isZero() ? c : f.mod(x, divisor);
      default:
        return c;
    }
  }

  /** A readable description for failure reports (symbols named as the environment names them). */
  String describe() {
    ExprFactory f = ExprFactory.create();
    List<IntExpr> syms = new ArrayList<>();
    int backed = 0;
    int unbacked = 0;
    StringBuilder sb = new StringBuilder("\n");
    for (SymSpec sp : symbols) {
      IntExpr s;
      if (sp.kind() == SymKind.BACKED) {
        s = sp.lo() == sp.hi() ? f.integer(sp.lo()) : f.symbol("s" + backed++);
        sb.append(s).append(" = ").append(sp.hint());
      } else {
        s = f.symbol("u" + unbacked++);
        sb.append(s).append(sp.kind() == SymKind.SIZE_LIKE ? " (size-like)" : "");
      }
      sb.append(" in [").append(sp.lo()).append(", ").append(sp.hi()).append("]\n");
      syms.add(s);
    }
    for (FactSpec fs : facts) {
      sb.append(fs.mode()).append(' ').append(build(f, fs.rel(), syms)).append('\n');
    }
    for (Rel q : queries) {
      sb.append("query ").append(build(f, q, syms)).append('\n');
    }
    return sb.toString();
  }
}
