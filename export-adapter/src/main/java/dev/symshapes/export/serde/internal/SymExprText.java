package dev.symshapes.export.serde.internal;

import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.expr.Add;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.IntConst;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Mul;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.expr.text.ExprSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code expr_str} of a {@code SymExpr}: PyTorch writes {@code sympy.srepr(expr)} ({@code
 * _print_sympy} in {@code torch/_export/serde/serialize.py}), such as {@code Add(Mul(Integer(2),
 * Symbol('s0', integer=True, positive=True)), Integer(1))}; older releases wrote {@code str(expr)}
 * ({@code 2*s0 + 1}). PyTorch reads both with {@code sympy.sympify}; this class writes the first
 * and reads both (the second with {@link ExprParser}).
 *
 * <p>Class names are sympy's ({@code Equality}, {@code StrictGreaterThan}, ...) and torch's ({@code
 * FloorDiv}, {@code PythonMod}, {@code CleanDiv}, {@code ModularIndexing}, {@code Where}). Symbols
 * named {@code s<n>} carry sympy's assumptions of backed sizes ({@code integer=True,
 * positive=True}), others {@code integer=True}; the reader ignores assumptions.
 */
public final class SymExprText {
  /** Deeper expressions are refused before they can exhaust the stack. */
  static final int MAX_DEPTH = 200;

  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private SymExprText() {}

  /** {@code sympy.srepr} of {@code e}. */
  public static String srepr(Expr e) {
    StringBuilder sb = new StringBuilder();
    write(e, sb);
    return sb.toString();
  }

  private static void write(Expr e, StringBuilder sb) {
    switch (e.kind()) {
      case INT_CONST:
        sb.append("Integer(").append(((IntConst) e).value()).append(')');
        return;
      case SYMBOL:
        {
          String name = ((Sym) e).name();
          sb.append("Symbol('").append(name).append("', integer=True");
          if (name.startsWith("s")) {
            sb.append(", positive=True");
          }
          sb.append(')');
          return;
        }
      case ADD:
        {
          Add a = (Add) e;
          List<String> terms = new ArrayList<>();
          if (!a.constant().isZero()) {
            terms.add("Integer(" + a.constant() + ")");
          }
          for (int i = 0; i < a.termCount(); i++) {
            IntValue c = a.coefficients().get(i);
            IntExpr m = a.monomials().get(i);
            if (c.isOne()) {
              terms.add(srepr(m));
            } else {
              StringBuilder t = new StringBuilder("Mul(Integer(").append(c).append("), ");
              writeFactors(m, t);
              terms.add(t.append(')').toString());
            }
          }
          if (terms.size() == 1) {
            sb.append(terms.get(0));
          } else {
            sb.append("Add(").append(String.join(", ", terms)).append(')');
          }
          return;
        }
      case MUL:
        {
          Mul m = (Mul) e;
          if (m.baseCount() == 1) {
            writePower(m.bases().get(0), m.exponent(0), sb);
          } else {
            sb.append("Mul(");
            writeFactors(m, sb);
            sb.append(')');
          }
          return;
        }
      case FLOOR_DIV:
        call("FloorDiv", e.children(), sb);
        return;
      case CLEAN_DIV:
        call("CleanDiv", e.children(), sb);
        return;
      case MOD:
        call("PythonMod", e.children(), sb);
        return;
      case MODULAR_INDEXING:
        call("ModularIndexing", e.children(), sb);
        return;
      case MIN:
        call("Min", e.children(), sb);
        return;
      case MAX:
        call("Max", e.children(), sb);
        return;
      case WHERE:
        call("Where", e.children(), sb);
        return;
      case BOOL_CONST:
        sb.append(((BoolExpr) e).isTrue() ? "true" : "false");
        return;
      case EQ:
        call("Equality", e.children(), sb);
        return;
      case NE:
        call("Unequality", e.children(), sb);
        return;
      case LT:
        call("StrictLessThan", e.children(), sb);
        return;
      case LE:
        call("LessThan", e.children(), sb);
        return;
      case GT:
        call("StrictGreaterThan", e.children(), sb);
        return;
      case GE:
        call("GreaterThan", e.children(), sb);
        return;
      case AND:
        call("And", e.children(), sb);
        return;
      case OR:
        call("Or", e.children(), sb);
        return;
      case NOT:
        call("Not", e.children(), sb);
        return;
      default:
        throw new SerdeException("cannot write the expression " + e + " as a sympy expression");
    }
  }

  /** The factors of a monomial (or a single expression), comma separated. */
  private static void writeFactors(IntExpr m, StringBuilder sb) {
    if (!(m instanceof Mul mul)) {
      write(m, sb);
      return;
    }
    for (int i = 0; i < mul.baseCount(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      writePower(mul.bases().get(i), mul.exponent(i), sb);
    }
  }

  private static void writePower(IntExpr base, int exponent, StringBuilder sb) {
    if (exponent == 1) {
      write(base, sb);
      return;
    }
    sb.append("Pow(");
    write(base, sb);
    sb.append(", Integer(").append(exponent).append("))");
  }

  private static void call(String name, List<? extends Expr> args, StringBuilder sb) {
    sb.append(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(args.get(i), sb);
    }
    sb.append(')');
  }

  /**
   * Reads an {@code expr_str} in either form into {@code f}'s expressions.
   *
   * @param where the JSON path, for messages
   * @throws SerdeException naming {@code where} and what is wrong
   */
  public static Expr parse(String text, ExprFactory f, String where) {
    if (text.contains("Symbol(") || text.contains("Integer(") || isBoolWord(text)) {
      return new SreprReader(text, f, where).read();
    }
    try {
      return ExprParser.of(f).parse(text);
    } catch (ExprSyntaxException e) {
      throw new SerdeException(where + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new SerdeException(where + ": cannot read '" + text + "': " + e.getMessage(), e);
    }
  }

  private static boolean isBoolWord(String s) {
    return s.equals("true") || s.equals("false");
  }

  /** Reads an integer {@code expr_str}. */
  public static IntExpr parseInt(String text, ExprFactory f, String where) {
    Expr e = parse(text, f, where);
    if (!(e instanceof IntExpr i)) {
      throw new SerdeException(where + ": '" + text + "' is not an integer expression");
    }
    return i;
  }

  /** Reads a boolean {@code expr_str}. */
  public static BoolExpr parseBool(String text, ExprFactory f, String where) {
    Expr e = parse(text, f, where);
    if (!(e instanceof BoolExpr b)) {
      throw new SerdeException(where + ": '" + text + "' is not a boolean expression");
    }
    return b;
  }

  /** A recursive-descent reader of sympy's {@code srepr} form. */
  private static final class SreprReader {
    private final String s;
    private final ExprFactory f;
    private final String where;
    private int pos;
    private int depth;

    SreprReader(String s, ExprFactory f, String where) {
      this.s = s;
      this.f = f;
      this.where = where;
    }

    Expr read() {
      Expr e = term();
      skipSpaces();
      if (pos != s.length()) {
        throw error("unexpected text");
      }
      return e;
    }

    private SerdeException error(String what) {
      return new SerdeException(
          where + ": " + what + " at column " + (pos + 1) + " of the sympy expression '" + s + "'");
    }

    private void skipSpaces() {
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    private boolean eat(char c) {
      skipSpaces();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!eat(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private String identifier() {
      skipSpaces();
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos || Character.isDigit(s.charAt(start))) {
        pos = start;
        throw error("expected a name");
      }
      return s.substring(start, pos);
    }

    private Expr term() {
      if (++depth > MAX_DEPTH) {
        throw error("expression nested deeper than " + MAX_DEPTH + " levels");
      }
      try {
        String name = identifier();
        switch (name) {
          case "true":
            return f.trueExpr();
          case "false":
            return f.falseExpr();
          default:
            break;
        }
        expect('(');
        Expr e = call(name);
        expect(')');
        return e;
      } finally {
        depth--;
      }
    }

    private Expr call(String name) {
      switch (name) {
        case "Symbol":
          return symbol();
        case "Integer":
          return f.integer(integer());
        case "One":
          return f.one();
        case "Zero":
          return f.zero();
        case "NegativeOne":
          return f.minusOne();
        default:
          break;
      }
      List<Expr> args = new ArrayList<>();
      skipSpaces();
      if (pos < s.length() && s.charAt(pos) != ')') {
        args.add(term());
        while (eat(',')) {
          args.add(term());
        }
      }
      try {
        return build(name, args);
      } catch (ArithmeticException | IllegalArgumentException e) {
        throw error(name + ": " + e.getMessage());
      }
    }

    private Expr build(String name, List<Expr> a) {
      switch (name) {
        case "Add":
          return f.sum(ints(name, a, 1));
        case "Mul":
          return f.product(ints(name, a, 1));
        case "Pow":
          {
            List<IntExpr> x = ints(name, a, 2);
            exactly(name, a, 2);
            IntValue n = x.get(1).constantValue();
            if (n == null || n.signum() < 0 || !n.fitsLong() || n.longValueExact() > 64) {
              throw error("Pow needs a constant exponent between 0 and 64");
            }
            return f.pow(x.get(0), (int) n.longValueExact());
          }
        case "FloorDiv":
          exactly(name, a, 2);
          return f.floorDiv(ints(name, a, 2).get(0), ints(name, a, 2).get(1));
        case "CleanDiv":
          exactly(name, a, 2);
          return f.cleanDiv(ints(name, a, 2).get(0), ints(name, a, 2).get(1));
        case "CeilDiv":
          exactly(name, a, 2);
          return f.ceilDiv(ints(name, a, 2).get(0), ints(name, a, 2).get(1));
        case "Mod":
        case "PythonMod":
          exactly(name, a, 2);
          return f.mod(ints(name, a, 2).get(0), ints(name, a, 2).get(1));
        case "ModularIndexing":
          {
            exactly(name, a, 3);
            List<IntExpr> x = ints(name, a, 3);
            return f.modularIndexing(x.get(0), x.get(1), x.get(2));
          }
        case "Min":
          return f.min(ints(name, a, 1));
        case "Max":
          return f.max(ints(name, a, 1));
        case "Where":
          {
            exactly(name, a, 3);
            if (!(a.get(0) instanceof BoolExpr c)
                || !(a.get(1) instanceof IntExpr p)
                || !(a.get(2) instanceof IntExpr q)) {
              throw error("Where needs a condition and two integers");
            }
            return f.where(c, p, q);
          }
        case "Equality":
          return relation(ExprKind.EQ, name, a);
        case "Unequality":
          return relation(ExprKind.NE, name, a);
        case "StrictLessThan":
          return relation(ExprKind.LT, name, a);
        case "LessThan":
          return relation(ExprKind.LE, name, a);
        case "StrictGreaterThan":
          return relation(ExprKind.GT, name, a);
        case "GreaterThan":
          return relation(ExprKind.GE, name, a);
        case "And":
          return f.and(bools(name, a));
        case "Or":
          return f.or(bools(name, a));
        case "Not":
          exactly(name, a, 1);
          return f.not(bools(name, a).get(0));
        default:
          throw error("unknown sympy function " + name);
      }
    }

    private Expr relation(ExprKind kind, String name, List<Expr> a) {
      exactly(name, a, 2);
      List<IntExpr> x = ints(name, a, 2);
      return f.relation(kind, x.get(0), x.get(1));
    }

    private void exactly(String name, List<Expr> a, int n) {
      if (a.size() != n) {
        throw error(name + " takes " + n + " arguments, not " + a.size());
      }
    }

    private List<IntExpr> ints(String name, List<Expr> a, int min) {
      if (a.size() < min) {
        throw error(name + " takes at least " + min + " arguments");
      }
      List<IntExpr> out = new ArrayList<>(a.size());
      for (Expr e : a) {
        if (!(e instanceof IntExpr i)) {
          throw error("the arguments of " + name + " must be integers");
        }
        out.add(i);
      }
      return out;
    }

    private List<BoolExpr> bools(String name, List<Expr> a) {
      if (a.isEmpty()) {
        throw error(name + " takes at least 1 argument");
      }
      List<BoolExpr> out = new ArrayList<>(a.size());
      for (Expr e : a) {
        if (!(e instanceof BoolExpr b)) {
          throw error("the arguments of " + name + " must be booleans");
        }
        out.add(b);
      }
      return out;
    }

    private IntValue integer() {
      skipSpaces();
      int start = pos;
      if (pos < s.length() && s.charAt(pos) == '-') {
        pos++;
      }
      int digits = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (digits == pos) {
        throw error("expected an integer");
      }
      if (pos - digits > 4000) {
        throw error("integer with more than 4000 digits");
      }
      return IntValue.parse(s.substring(start, pos));
    }

    private Sym symbol() {
      skipSpaces();
      if (pos >= s.length() || (s.charAt(pos) != '\'' && s.charAt(pos) != '"')) {
        throw error("expected the symbol's name in quotes");
      }
      char q = s.charAt(pos++);
      int start = pos;
      while (pos < s.length() && s.charAt(pos) != q) {
        pos++;
      }
      if (pos >= s.length()) {
        throw error("unterminated symbol name");
      }
      String name = s.substring(start, pos++);
      if (!NAME.matcher(name).matches()) {
        throw error("'" + name + "' is not a symbol name");
      }
      // Assumptions (integer=True, positive=True, ...) are sympy's business: skip them.
      while (eat(',')) {
        identifier();
        expect('=');
        identifier();
      }
      try {
        return f.symbol(name);
      } catch (IllegalArgumentException e) {
        throw error("'" + name + "' is not a symbol name (" + e.getMessage() + ")");
      }
    }
  }
}
