package dev.symshapes.benchmarks.expr;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import dev.symshapes.benchmarks.expr.RawExpr.Op;
import dev.symshapes.expr.ExprFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The expression corpus shared by the benchmarks and the peers: {@value #SIZE} distinct random
 * shape expressions over at most four symbols ({@code s0..s3}), operator nesting depth at most
 * {@value #MAX_DEPTH}, operators {@code + * // % max min}, drawn from a seeded generator and
 * written one per line in {@link RawExpr}'s prefix text.
 *
 * <p>The distribution imitates shape arithmetic: sums and products of symbols and small constants,
 * floor divisions and remainders mostly by small positive constants (sometimes by a
 * sub-expression), and max/min. An expression is kept only when symshapes' factory accepts it (its
 * divisors are not the zero polynomial), so that no system divides by zero.
 *
 * <p>Written by {@code java -cp benchmarks/target/benchmarks.jar
 * dev.symshapes.benchmarks.expr.ShapeCorpus [PATH [COUNT [SEED]]]}; the JMH benchmarks write the
 * default file themselves when it is missing, and the sympy script reads the same file.
 */
public final class ShapeCorpus {
  /** The seed of the published figures. */
  public static final long SEED = 20260101L;

  /** The number of expressions of the published figures. */
  public static final int SIZE = 100_000;

  /** The maximum operator nesting depth. */
  public static final int MAX_DEPTH = 4;

  /** Where the benchmarks and the peer script look for the corpus, relative to the repository. */
  public static final String DEFAULT_PATH = "benchmarks/target/expr-corpus.txt";

  private static final String[] SYMBOLS = {"s0", "s1", "s2", "s3"};
  private static final long[] DIVISORS = {2, 2, 2, 3, 4, 4, 8, 16, 32, 64, 5, 7};

  private final SplittableRandom random;

  private ShapeCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Writes the corpus: {@code [PATH [COUNT [SEED]]]}, and prints its size and SHA-256. */
  public static void main(String[] args) throws IOException {
    Path path = Path.of(args.length > 0 ? args[0] : DEFAULT_PATH);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : SIZE;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
    write(path, generate(seed, count));
    describe(path, System.out);
  }

  /** {@code count} distinct expressions drawn with {@code seed}. */
  public static List<RawExpr> generate(long seed, int count) {
    checkArgument(count > 0, "count (%s) must be > 0", count);
    ShapeCorpus g = new ShapeCorpus(seed);
    ExprFactory f = ExprFactory.create();
    SymshapesBuilder check = new SymshapesBuilder(f);
    Set<String> seen = new LinkedHashSet<>();
    List<RawExpr> out = new ArrayList<>(count);
    while (out.size() < count) {
      RawExpr e = g.operation(MAX_DEPTH);
      String text = e.toString();
      if (text.indexOf('s') < 0 || !seen.add(text)) {
        continue;
      }
      try {
        check.build(e);
      } catch (ArithmeticException divisionByZero) {
        continue;
      }
      out.add(e);
    }
    return out;
  }

  /**
   * An endless supply of random trees drawn with {@code seed}, from the corpus' distribution but
   * neither deduplicated nor checked for zero divisors.
   */
  public static Supplier<RawExpr> trees(long seed) {
    ShapeCorpus g = new ShapeCorpus(seed);
    return () -> g.operation(MAX_DEPTH);
  }

  /** Reads the corpus at {@code path}, writing the default corpus there first if it is missing. */
  public static List<RawExpr> load(Path path) throws IOException {
    if (!Files.exists(path)) {
      write(path, generate(SEED, SIZE));
    }
    List<RawExpr> out = new ArrayList<>();
    int line = 0;
    for (String text : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      try {
        out.add(RawExpr.parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + ":" + line + ": " + e.getMessage(), e);
      }
    }
    checkArgument(!out.isEmpty(), "corpus %s is empty", path);
    return out;
  }

  /** Writes one expression per line. */
  public static void write(Path path, List<RawExpr> corpus) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      for (RawExpr e : corpus) {
        w.write(e.toString());
        w.write('\n');
      }
    }
  }

  /** Prints the number of lines and the SHA-256 of the file, as the sympy script does. */
  public static void describe(Path path, PrintStream out) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();
    out.printf(
        "corpus %s: %d expressions, sha256 %s%n", path, lines, Hashing.sha256().hashBytes(bytes));
  }

  private RawExpr operation(int depth) {
    int pick = random.nextInt(10);
    Op op =
        pick < 3
            ? Op.ADD
            : pick < 5
                ? Op.MUL
                : pick < 7 ? Op.FLOOR_DIV : pick < 8 ? Op.MOD : pick < 9 ? Op.MAX : Op.MIN;
    RawExpr a = any(depth - 1);
    RawExpr b = (op == Op.FLOOR_DIV || op == Op.MOD) ? divisor(depth - 1) : any(depth - 1);
    return RawExpr.of(op, a, b);
  }

  private RawExpr any(int depth) {
    // Leaves get likelier towards the bottom, so sizes vary from one operation to full trees.
    if (depth == 0 || random.nextInt(MAX_DEPTH + 1) > depth) {
      return leaf();
    }
    return operation(depth);
  }

  private RawExpr divisor(int depth) {
    if (depth == 0 || random.nextInt(10) < 7) {
      return RawExpr.constant(DIVISORS[random.nextInt(DIVISORS.length)]);
    }
    return any(depth);
  }

  private RawExpr leaf() {
    if (random.nextInt(20) < 13) {
      return RawExpr.symbol(SYMBOLS[random.nextInt(SYMBOLS.length)]);
    }
    // Mostly small positive constants, as in shapes; sometimes -1 or -2 (differences, offsets).
    int c = random.nextInt(12);
    return RawExpr.constant(c < 10 ? c + 1 : -(c - 9));
  }
}
