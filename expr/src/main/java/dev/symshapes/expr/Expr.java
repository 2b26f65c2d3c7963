package dev.symshapes.expr;

import com.google.common.collect.ImmutableSet;
import dev.symshapes.expr.text.ExprPrinter;
import java.util.List;

/**
 * A symbolic integer or boolean expression in canonical form.
 *
 * <p>Expressions are immutable and hash-consed: they are made only by an {@link ExprFactory}, which
 * canonicalizes them at construction and interns the result, so that two expressions that are equal
 * as polynomials (after the canonical rewrites documented on {@link ExprFactory}) are one instance.
 * {@link #equals} is structural and therefore syntactic; it never tries to decide semantic
 * equality, which is the shape environment's job. Expressions made by different factories are never
 * equal and cannot be combined.
 *
 * <p>{@link #toString()} prints in sympy's {@code str} style, the style PyTorch users read in logs:
 * {@code Eq(s2*s3, s5)}, {@code ((u0//2)) >= 5}, {@code Max(1, u0)}.
 *
 * <p>Instances are safe to share between threads.
 */
public abstract sealed class Expr permits IntExpr, BoolExpr {
  private final ExprFactory factory;
  private final int hash;
  private final int depth;

  Expr(ExprFactory factory, int hash, int depth) {
    this.factory = factory;
    this.hash = hash;
    this.depth = depth;
  }

  /** The kind of this expression; code that walks expressions switches on it. */
  public abstract ExprKind kind();

  /** The factory that made this expression; expressions of different factories never mix. */
  public final ExprFactory factory() {
    return factory;
  }

  /**
   * The symbols this expression mentions, computed once at construction. The order is deterministic
   * (it follows the canonical form) but carries no meaning.
   */
  public abstract ImmutableSet<Sym> freeSymbols();

  /**
   * The direct sub-expressions: the monomials of an {@link Add} (without their coefficients), the
   * bases of a {@link Mul}, the arguments of calls, relations and connectives; empty for constants
   * and symbols.
   */
  public abstract List<? extends Expr> children();

  /** The height of the expression tree: 1 for constants and symbols. */
  public final int depth() {
    return depth;
  }

  /** True for integer and boolean constants, including {@code int_oo}. */
  public boolean isConstant() {
    return false;
  }

  /** True when this is an integer-valued expression ({@link IntExpr}). */
  public final boolean isInt() {
    return kind().sort() == ExprKind.Sort.INT;
  }

  /**
   * Compares the fields of two expressions of the same class, sub-expressions by identity. Called
   * only when the kinds and hash codes match; correct because sub-expressions are interned.
   */
  abstract boolean sameShallow(Expr other);

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Expr e)) {
      return false;
    }
    return e.hash == hash
        && e.factory == factory
        && e.kind() == kind()
        && e.getClass() == getClass()
        && sameShallow(e);
  }

  @Override
  public final int hashCode() {
    return hash;
  }

  /** Prints in sympy's {@code str} style; see {@link ExprPrinter#sympy()}. */
  @Override
  public final String toString() {
    return ExprPrinter.sympy().print(this);
  }

  /**
   * Combines a hash with the next field's. Not {@code 31*h + v}: that is linear, and canonical
   * forms are full of small, structured differences (symbols {@code s0..s3} hash to consecutive
   * values, divisors are small constants), so {@code Mod(s1, 2)} and {@code Mod(s0, 33)} had the
   * same hash; a benchmark corpus gave 18% of its nodes a hash shared with another node, and
   * interning spent its time comparing them. This is one round of MurmurHash3's mixing.
   */
  static int mix(int h, int v) {
    int k = v * 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15) * 0x1b873593;
    return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
  }
}
