package dev.symshapes.expr.internal;

import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolConst;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntCall;
import dev.symshapes.expr.IntConst;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntInfinity;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Logic;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Relation;
import dev.symshapes.expr.Sym;
import java.util.List;

/**
 * sympy's orderings, re-implemented so that canonical forms print in the order sympy prints them.
 *
 * <p>{@link #compare} is sympy's {@code default_sort_key}: a key {@code (class_key, (len(args),
 * args), exponent, coefficient)} where {@code class_key} puts numbers first, then symbols ({@code
 * (2, 0, 'Symbol')}), then function applications such as {@code FloorDiv} ({@code (4, 10000,
 * name)}), then everything else ({@code (5, 0, name)}: {@code Add}, {@code Mul}, {@code Max},
 * relations). A scaled term {@code c*m} and a power {@code b**e} are keyed by their core {@code m}
 * / {@code b}, so {@code 2*s0} sorts next to {@code s0}.
 *
 * <p>{@link #compareMonomials} is the order of the terms of a sum in sympy's {@code
 * as_ordered_terms}: lexicographic on the exponent vectors over the generators sorted by {@link
 * #compare}, larger exponents first, so {@code s2*s3 + s2 + 2} and {@code s0 + s1**2}.
 */
public final class SympyOrder {
  private SympyOrder() {}

  private static final int CLASS_NUMBER = 1;
  private static final int CLASS_ATOM = 2;
  private static final int CLASS_FUNCTION = 4;
  private static final int CLASS_BASIC = 5;

  /** sympy's {@code default_sort_key} comparison; negative when {@code a} sorts first. */
  public static int compare(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    // Two deep expressions that differ only near their leaves are compared all the way down.
    if (DeepStack.needed(Math.min(a.depth(), b.depth()))) {
      return DeepStack.call(() -> compareKeys(a, b));
    }
    return compareKeys(a, b);
  }

  private static int compareKeys(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    if (a.kind() == ExprKind.SYMBOL && b.kind() == ExprKind.SYMBOL) {
      return ((Sym) a).name().compareTo(((Sym) b).name());
    }
    boolean na = isNumber(a);
    boolean nb = isNumber(b);
    if (na || nb) {
      if (na && nb) {
        return compareNumbers(a, b);
      }
      return na ? -1 : 1;
    }
    Expr ca = core(a);
    Expr cb = core(b);
    int c = compareCores(ca, cb);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(exponent(a), exponent(b));
    if (c != 0) {
      return c;
    }
    return coefficient(a).compareTo(coefficient(b));
  }

  /**
   * The order of two distinct monomials in a sum, as sympy's {@code as_ordered_terms} puts them;
   * negative when {@code m1} comes first.
   */
  public static int compareMonomials(IntExpr m1, IntExpr m2) {
    if (m1 == m2) {
      return 0;
    }
    int n1 = factorCount(m1);
    int n2 = factorCount(m2);
    int i = 0;
    int j = 0;
    while (i < n1 && j < n2) {
      IntExpr b1 = base(m1, i);
      IntExpr b2 = base(m2, j);
      if (b1 == b2) {
        int e1 = exp(m1, i);
        int e2 = exp(m2, j);
        if (e1 != e2) {
          return e1 > e2 ? -1 : 1;
        }
        i++;
        j++;
        continue;
      }
      // The generator that sorts first appears in one monomial only: that monomial goes first.
      return compare(b1, b2) < 0 ? -1 : 1;
    }
    if (i < n1) {
      return -1;
    }
    if (j < n2) {
      return 1;
    }
    return 0;
  }

  /**
   * True when sympy prints the sum with its constant first: a positive constant plus one term made
   * of a negative coefficient and a single factor, as in {@code 1 - u0} and {@code 2 - 2*u0}
   * (whereas {@code -u0 - 1} and {@code -s1*u0 + 1} keep the usual order).
   */
  public static boolean constantFirst(Add a) {
    return a.termCount() == 1
        && a.constant().signum() > 0
        && a.coefficients().get(0).signum() < 0
        && factorCount(a.monomials().get(0)) == 1;
  }

  // ---- pieces of the key ----

  private static boolean isNumber(Expr e) {
    return e.kind() == ExprKind.INT_CONST || e.kind() == ExprKind.INT_INFINITY;
  }

  private static int compareNumbers(Expr a, Expr b) {
    int ra = infinityRank(a);
    int rb = infinityRank(b);
    if (ra != 0 || rb != 0) {
      return Integer.compare(ra, rb);
    }
    return ((IntConst) a).value().compareTo(((IntConst) b).value());
  }

  private static int infinityRank(Expr e) {
    if (e.kind() != ExprKind.INT_INFINITY) {
      return 0;
    }
    return ((IntInfinity) e).isNegative() ? -1 : 1;
  }

  /**
   * The expression without its numeric coefficient and exponent (sympy's as_coeff_Mul,
   * as_base_exp).
   */
  private static Expr core(Expr e) {
    if (e.kind() == ExprKind.ADD) {
      Add a = (Add) e;
      if (a.termCount() == 1 && a.constant().isZero()) {
        return core(a.monomials().get(0));
      }
      return e;
    }
    if (e.kind() == ExprKind.MUL && ((Mul) e).baseCount() == 1) {
      return ((Mul) e).bases().get(0);
    }
    return e;
  }

  private static int exponent(Expr e) {
    if (e.kind() == ExprKind.ADD) {
      Add a = (Add) e;
      if (a.termCount() == 1 && a.constant().isZero()) {
        return exponent(a.monomials().get(0));
      }
      return 1;
    }
    if (e.kind() == ExprKind.MUL && ((Mul) e).baseCount() == 1) {
      return ((Mul) e).exponent(0);
    }
    return 1;
  }

  private static IntValue coefficient(Expr e) {
    if (e.kind() == ExprKind.ADD) {
      Add a = (Add) e;
      if (a.termCount() == 1 && a.constant().isZero()) {
        return a.coefficients().get(0);
      }
    }
    return IntValue.ONE;
  }

  private static int classMajor(Expr e) {
    switch (e.kind()) {
      case INT_CONST:
      case INT_INFINITY:
        return CLASS_NUMBER;
      case SYMBOL:
        return CLASS_ATOM;
      case FLOOR_DIV:
      case CLEAN_DIV:
      case MOD:
      case MODULAR_INDEXING:
      case WHERE:
        return CLASS_FUNCTION;
      default:
        return CLASS_BASIC;
    }
  }

  /** The class name sympy (or PyTorch's sympy functions) would use for this kind. */
  private static String className(Expr e) {
    switch (e.kind()) {
      case SYMBOL:
        return "Symbol";
      case FLOOR_DIV:
        return "FloorDiv";
      case CLEAN_DIV:
        return "CleanDiv";
      case MOD:
        return "Mod";
      case MODULAR_INDEXING:
        return "ModularIndexing";
      case WHERE:
        return "Where";
      case MIN:
        return "Min";
      case MAX:
        return "Max";
      case ADD:
        return "Add";
      case MUL:
        return "Mul";
      case EQ:
        return "Equality";
      case NE:
        return "Unequality";
      case LT:
        return "StrictLessThan";
      case LE:
        return "LessThan";
      case GT:
        return "StrictGreaterThan";
      case GE:
        return "GreaterThan";
      case AND:
        return "And";
      case OR:
        return "Or";
      case NOT:
        return "Not";
      case BOOL_CONST:
        return ((BoolConst) e).value() ? "BooleanTrue" : "BooleanFalse";
      default:
        return "Number";
    }
  }

  private static int compareCores(Expr a, Expr b) {
    if (a == b) {
      return 0;
    }
    boolean na = isNumber(a);
    boolean nb = isNumber(b);
    if (na || nb) {
      if (na && nb) {
        return compareNumbers(a, b);
      }
      return na ? -1 : 1;
    }
    int c = Integer.compare(classMajor(a), classMajor(b));
    if (c != 0) {
      return c;
    }
    // The middle element of a function's class key is 10000 for every fixed-arity function here.
    c = className(a).compareTo(className(b));
    if (c != 0) {
      return c;
    }
    return compareArgs(a, b);
  }

  /** Compares {@code (len(args), args)} of two cores of the same class. */
  private static int compareArgs(Expr a, Expr b) {
    switch (a.kind()) {
      case SYMBOL:
        return ((Sym) a).name().compareTo(((Sym) b).name());
      case ADD:
        return compareAddArgs((Add) a, (Add) b);
      case MUL:
        return compareMulArgs((Mul) a, (Mul) b);
      case EQ:
      case NE:
      case LT:
      case LE:
      case GT:
      case GE:
        {
          Relation ra = (Relation) a;
          Relation rb = (Relation) b;
          int c = compare(ra.lhs(), rb.lhs());
          return c != 0 ? c : compare(ra.rhs(), rb.rhs());
        }
      case AND:
      case OR:
      case NOT:
        return compareLists(((Logic) a).args(), ((Logic) b).args());
      case BOOL_CONST:
        return 0;
      default:
        return compareLists(((IntCall) a).args(), ((IntCall) b).args());
    }
  }

  private static int compareLists(List<? extends Expr> a, List<? extends Expr> b) {
    int c = Integer.compare(a.size(), b.size());
    if (c != 0) {
      return c;
    }
    for (int i = 0; i < a.size(); i++) {
      c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareMulArgs(Mul a, Mul b) {
    int c = Integer.compare(a.baseCount(), b.baseCount());
    if (c != 0) {
      return c;
    }
    for (int i = 0; i < a.baseCount(); i++) {
      c = compare(a.bases().get(i), b.bases().get(i));
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.exponent(i), b.exponent(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int termCount(Add a) {
    return a.termCount() + (a.constant().isZero() ? 0 : 1);
  }

  private static int compareAddArgs(Add a, Add b) {
    int c = Integer.compare(termCount(a), termCount(b));
    if (c != 0) {
      return c;
    }
    int n = termCount(a);
    for (int i = 0; i < n; i++) {
      c = compareTerm(a, orderedTerm(a, i), b, orderedTerm(b, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Index of the i-th printed term: a monomial index, or -1 for the constant. */
  private static int orderedTerm(Add a, int i) {
    if (!a.constant().isZero()) {
      if (constantFirst(a)) {
        return i == 0 ? -1 : i - 1;
      }
      if (i == a.termCount()) {
        return -1;
      }
    }
    return i;
  }

  private static int compareTerm(Add a, int ia, Add b, int ib) {
    if (ia < 0 || ib < 0) {
      if (ia < 0 && ib < 0) {
        return a.constant().compareTo(b.constant());
      }
      return ia < 0 ? -1 : 1;
    }
    IntExpr ma = a.monomials().get(ia);
    IntExpr mb = b.monomials().get(ib);
    int c = compareCores(core(ma), core(mb));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(exponent(ma), exponent(mb));
    if (c != 0) {
      return c;
    }
    return a.coefficients().get(ia).compareTo(b.coefficients().get(ib));
  }

  // ---- factor lists of monomials ----

  private static int factorCount(IntExpr m) {
    return m.kind() == ExprKind.MUL ? ((Mul) m).baseCount() : 1;
  }

  private static IntExpr base(IntExpr m, int i) {
    return m.kind() == ExprKind.MUL ? ((Mul) m).bases().get(i) : m;
  }

  private static int exp(IntExpr m, int i) {
    return m.kind() == ExprKind.MUL ? ((Mul) m).exponent(i) : 1;
  }
}
