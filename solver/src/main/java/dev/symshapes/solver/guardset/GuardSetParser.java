package dev.symshapes.solver.guardset;

import com.google.common.collect.ImmutableList;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.expr.text.ExprSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the guard-set text format, one item per line:
 *
 * <pre>
 * # a comment; a '#' also starts a comment at the end of a line
 * range s0 [2, 512]        # bounds are integers, int_oo or -int_oo
 * hint s0 6                # the example value of a backed symbol
 * Eq(s1, s0 + 2)           # a guard: a boolean expression in sympy syntax (or Python's)
 * s2 != s3
 * </pre>
 *
 * <p>Blank lines are ignored. A line that cannot be read is reported with its line and column
 * ({@link GuardSetSyntaxException}) and left out; the other lines are still read, so that one
 * mistake does not hide the rest of a file.
 */
public final class GuardSetParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern RANGE =
      Pattern.compile("range\\s+(\\S+)\\s*\\[([^,\\]]*),([^\\]]*)\\]\\s*");
  private static final Pattern HINT = Pattern.compile("hint\\s+(\\S+)\\s+(\\S+)\\s*");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /**
   * What was read.
   *
   * @param guardSet the lines that could be read
   * @param errors the lines that could not, in order
   */
  public record Result(GuardSet guardSet, ImmutableList<GuardSetSyntaxException> errors) {}

  private final ExprFactory factory;
  private final ExprParser parser;

  private GuardSetParser(ExprFactory factory) {
    this.factory = factory;
    this.parser = ExprParser.of(factory);
  }

  /** A parser making expressions with {@code factory}. */
  public static GuardSetParser of(ExprFactory factory) {
    return new GuardSetParser(factory);
  }

  /** Reads {@code text}; bad lines are in the result's errors. */
  public Result parse(String text) {
    return parse(text.lines().toList());
  }

  /** Reads {@code lines} (line 1 first). */
  public Result parse(List<String> lines) {
    GuardSet.Builder b = GuardSet.builder(factory);
    List<GuardSetSyntaxException> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      try {
        line(b, lines.get(i), i + 1);
      } catch (GuardSetSyntaxException e) {
        errors.add(e);
      }
    }
    return new Result(b.build(), ImmutableList.copyOf(errors));
  }

  /** Reads {@code text}, failing on the first bad line. */
  public GuardSet parseStrict(String text) {
    Result r = parse(text);
    if (!r.errors().isEmpty()) {
      throw r.errors().get(0);
    }
    return r.guardSet();
  }

  private void line(GuardSet.Builder b, String raw, int n) {
    int hash = raw.indexOf('#');
    String text = hash >= 0 ? raw.substring(0, hash) : raw;
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    String body = text.substring(start);
    if (body.isBlank()) {
      return;
    }
    if (body.startsWith("range") && body.length() > 5 && Character.isWhitespace(body.charAt(5))) {
      range(b, body, n, start);
    } else if (body.startsWith("hint")
        && body.length() > 4
        && Character.isWhitespace(body.charAt(4))) {
      hint(b, body, n, start);
    } else {
      guard(b, body, n, start);
    }
  }

  private void range(GuardSet.Builder b, String body, int n, int offset) {
    Matcher m = RANGE.matcher(body);
    if (!m.matches()) {
      throw new GuardSetSyntaxException(
          n, offset + 1, "expected 'range NAME [LO, HI]', got '" + body.strip() + "'");
    }
    Sym s = symbol(m.group(1), n, offset + m.start(1));
    Bound lo = bound(m.group(2), n, offset + m.start(2));
    Bound hi = bound(m.group(3), n, offset + m.start(3));
    if (lo.isPositiveInfinity() || hi.isNegativeInfinity() || lo.compareTo(hi) > 0) {
      throw new GuardSetSyntaxException(
          n,
          offset + m.start(2) + 1 + (m.group(2).length() - m.group(2).stripLeading().length()),
          "empty range ["
              + lo
              + ", "
              + hi
              + "] for "
              + s
              + ": the lower bound must not exceed"
              + " the upper one");
    }
    try {
      b.range(s, IntRange.of(lo, hi));
    } catch (IllegalArgumentException e) {
      throw new GuardSetSyntaxException(n, offset + 1, e.getMessage());
    }
  }

  private void hint(GuardSet.Builder b, String body, int n, int offset) {
    Matcher m = HINT.matcher(body);
    if (!m.matches()) {
      throw new GuardSetSyntaxException(
          n, offset + 1, "expected 'hint NAME VALUE', got '" + body.strip() + "'");
    }
    Sym s = symbol(m.group(1), n, offset + m.start(1));
    String v = m.group(2);
    if (!INTEGER.matcher(v).matches()) {
      throw new GuardSetSyntaxException(
          n, offset + m.start(2) + 1, "expected an integer hint, got '" + v + "'");
    }
    try {
      b.hint(s, IntValue.parse(v.startsWith("+") ? v.substring(1) : v));
    } catch (IllegalArgumentException e) {
      throw new GuardSetSyntaxException(n, offset + 1, e.getMessage());
    }
  }

  private void guard(GuardSet.Builder b, String body, int n, int offset) {
    String expr = body.strip();
    Expr e;
    try {
      e = parser.parse(expr);
    } catch (ExprSyntaxException ex) {
      throw new GuardSetSyntaxException(n, offset + ex.column(), ex.getMessage());
    }
    if (e.isInt()) {
      throw new GuardSetSyntaxException(
          n, offset + 1, "expected a guard (a boolean expression), got the integer " + e);
    }
    b.guard((BoolExpr) e, n);
  }

  private Sym symbol(String name, int n, int index) {
    if (!NAME.matcher(name).matches()) {
      throw new GuardSetSyntaxException(n, index + 1, "expected a symbol name, got '" + name + "'");
    }
    return factory.symbol(name);
  }

  private static Bound bound(String raw, int n, int index) {
    String t = raw.strip();
    int col = index + 1 + (raw.length() - raw.stripLeading().length());
    if (t.equals("int_oo") || t.equals("oo")) {
      return Bound.INT_OO;
    }
    if (t.equals("-int_oo") || t.equals("-oo")) {
      return Bound.NEG_INT_OO;
    }
    if (!INTEGER.matcher(t).matches()) {
      throw new GuardSetSyntaxException(
          n, col, "expected an integer, int_oo or -int_oo, got '" + t + "'");
    }
    return Bound.of(IntValue.parse(t.startsWith("+") ? t.substring(1) : t));
  }
}
