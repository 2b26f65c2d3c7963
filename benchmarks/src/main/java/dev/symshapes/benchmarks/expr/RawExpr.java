package dev.symshapes.benchmarks.expr;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.List;

/**
 * A shape expression as written in the corpus, before any system canonicalizes it: a symbol, an
 * integer constant, or a binary operation. Every system of the comparison (symshapes, sympy, Symja)
 * builds its own expression from this tree, so the workload is the same for all.
 *
 * <p>The text form is a neutral prefix notation, one expression per line: {@code (+ (* s0 3) (// s1
 * 4))}. Operators: {@code +}, {@code *}, {@code //} (Python floor division), {@code %} (Python
 * remainder: the sign follows the divisor), {@code max}, {@code min}.
 */
public record RawExpr(Op op, String symbol, BigInteger constant, List<RawExpr> args) {

  /** The node kinds of the corpus. */
  public enum Op {
    /** A symbol such as {@code s0}. */
    SYMBOL(null),
    /** An integer constant. */
    CONSTANT(null),
    /** {@code a + b}. */
    ADD("+"),
    /** {@code a * b}. */
    MUL("*"),
    /** Python {@code a // b}. */
    FLOOR_DIV("//"),
    /** Python {@code a % b}. */
    MOD("%"),
    /** {@code max(a, b)}. */
    MAX("max"),
    /** {@code min(a, b)}. */
    MIN("min");

    private final String token;

    Op(String token) {
      this.token = token;
    }

    /** The operator's token in the prefix text, or null for leaves. */
    public String token() {
      return token;
    }

    /** The operator written {@code token}. */
    public static Op ofToken(String token) {
      for (Op op : values()) {
        if (token.equals(op.token)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown operator '" + token + "'");
    }
  }

  /** Validates the fields. */
  public RawExpr {
    checkArgument(
        (op == Op.SYMBOL) == (symbol != null), "symbol (%s) is set exactly for SYMBOL", symbol);
    checkArgument(
        (op == Op.CONSTANT) == (constant != null),
        "constant (%s) is set exactly for CONSTANT",
        constant);
    args = ImmutableList.copyOf(args);
    checkArgument(
        args.size() == (op == Op.SYMBOL || op == Op.CONSTANT ? 0 : 2),
        "%s takes %s arguments, got %s",
        op,
        op == Op.SYMBOL || op == Op.CONSTANT ? 0 : 2,
        args.size());
  }

  /** The symbol {@code name}. */
  public static RawExpr symbol(String name) {
    return new RawExpr(Op.SYMBOL, name, null, List.of());
  }

  /** The constant {@code v}. */
  public static RawExpr constant(long v) {
    return new RawExpr(Op.CONSTANT, null, BigInteger.valueOf(v), List.of());
  }

  /** The constant {@code v}. */
  public static RawExpr constant(BigInteger v) {
    return new RawExpr(Op.CONSTANT, null, v, List.of());
  }

  /** The binary operation {@code op(a, b)}. */
  public static RawExpr of(Op op, RawExpr a, RawExpr b) {
    return new RawExpr(op, null, null, List.of(a, b));
  }

  /** The first argument of an operation. */
  public RawExpr left() {
    return args.get(0);
  }

  /** The second argument of an operation. */
  public RawExpr right() {
    return args.get(1);
  }

  /** Operator nesting depth: 0 for a leaf. */
  public int depth() {
    return args.isEmpty() ? 0 : 1 + Math.max(left().depth(), right().depth());
  }

  /** The prefix text: {@code (+ (* s0 3) (// s1 4))}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    write(sb);
    return sb.toString();
  }

  private void write(StringBuilder sb) {
    switch (op) {
      case SYMBOL -> sb.append(symbol);
      case CONSTANT -> sb.append(constant);
      default -> {
        sb.append('(').append(op.token()).append(' ');
        left().write(sb);
        sb.append(' ');
        right().write(sb);
        sb.append(')');
      }
    }
  }

  /**
   * Reads the prefix text of one expression.
   *
   * @throws IllegalArgumentException naming the column when the text is malformed
   */
  public static RawExpr parse(String text) {
    int[] pos = {0};
    RawExpr e = read(text, pos);
    skipSpaces(text, pos);
    checkArgument(pos[0] == text.length(), "trailing text at column %s in '%s'", pos[0] + 1, text);
    return e;
  }

  private static RawExpr read(String text, int[] pos) {
    skipSpaces(text, pos);
    checkArgument(pos[0] < text.length(), "unexpected end of '%s'", text);
    if (text.charAt(pos[0]) == '(') {
      pos[0]++;
      Op op = Op.ofToken(token(text, pos));
      checkArgument(op.token() != null, "'%s' is not an operator in '%s'", op, text);
      RawExpr a = read(text, pos);
      RawExpr b = read(text, pos);
      skipSpaces(text, pos);
      checkArgument(
          pos[0] < text.length() && text.charAt(pos[0]) == ')',
          "expected ')' at column %s in '%s'",
          pos[0] + 1,
          text);
      pos[0]++;
      return of(op, a, b);
    }
    String t = token(text, pos);
    char c = t.charAt(0);
    if (c == '-' || Character.isDigit(c)) {
      return constant(new BigInteger(t));
    }
    return symbol(t);
  }

  private static String token(String text, int[] pos) {
    skipSpaces(text, pos);
    int start = pos[0];
    while (pos[0] < text.length()
        && !Character.isWhitespace(text.charAt(pos[0]))
        && text.charAt(pos[0]) != '('
        && text.charAt(pos[0]) != ')') {
      pos[0]++;
    }
    checkArgument(pos[0] > start, "expected a token at column %s in '%s'", start + 1, text);
    return text.substring(start, pos[0]);
  }

  private static void skipSpaces(String text, int[] pos) {
    while (pos[0] < text.length() && Character.isWhitespace(text.charAt(pos[0]))) {
      pos[0]++;
    }
  }
}
