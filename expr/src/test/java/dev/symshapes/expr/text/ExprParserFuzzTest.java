package dev.symshapes.expr.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.ExprKind;
import dev.symshapes.expr.Mul;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Feeds arbitrary text to the parser: it must return an expression or throw {@link
 * ExprSyntaxException}; anything else (NullPointerException, ArithmeticException,
 * StackOverflowError, ClassCastException, ...) is a finding. What it returns must print and read
 * back as the same node.
 *
 * <p>{@code mvn verify} runs it in Jazzer's regression mode on the seeds under {@code
 * src/test/resources/dev/symshapes/expr/text/ExprParserFuzzTestInputs/parseArbitraryText/}. To fuzz
 * (for {@code maxDuration}, the generated corpus goes to {@code expr/.cifuzz-corpus/}):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl expr test -Dtest=ExprParserFuzzTest -Djacoco.skip=true
 * </pre>
 *
 * Turn each finding into a golden case in {@link ExprParserErrorTest} or {@link
 * ExprParserGoldenTest} and keep the input as a seed.
 */
class ExprParserFuzzTest {
  private static final ExprFactory FACTORY = ExprFactory.create();
  private static final ExprParser PARSER = ExprParser.of(FACTORY);

  @FuzzTest(maxDuration = "5m")
  @DictionaryEntries({
    "Eq(",
    "Ne(",
    "Lt(",
    "Le(",
    "Gt(",
    "Ge(",
    "And(",
    "Or(",
    "Not(",
    "Max(",
    "Min(",
    "max(",
    "min(",
    "Mod(",
    "PythonMod(",
    "FloorDiv(",
    "CleanDiv(",
    "CeilDiv(",
    "ModularIndexing(",
    "Where(",
    "int_oo",
    "-int_oo",
    "True",
    "False",
    " and ",
    " or ",
    "not ",
    " if ",
    " else ",
    "//",
    "**",
    "<=",
    ">=",
    "==",
    "!=",
    "s0",
    "s1",
    "u0",
    "9223372036854775808",
    ", "
  })
  void parseArbitraryText(byte[] data) {
    String input = new String(data, StandardCharsets.UTF_8);
    Expr e;
    try {
      e = PARSER.parse(input);
    } catch (ExprSyntaxException ex) {
      assertThat(ex.getMessage())
          .isEqualTo(
              "syntax error at column " + ex.column() + " in '" + input + "': " + ex.detail());
      assertThat(ex.parsedPrefix() + ex.remaining()).isEqualTo(input);
      return;
    }
    assertThat(e.factory()).isSameAs(FACTORY);
    if (!hasUnexpandedProduct(e)) {
      assertThat(PARSER.parse(ExprPrinter.sympy().print(e))).isSameAs(e);
    }
  }

  /**
   * Past the factory's expansion budget, products of sums have more than one form (see {@link
   * ParseRun}), so the round trip is only checked without them.
   */
  private static boolean hasUnexpandedProduct(Expr root) {
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (!seen.add(e)) {
        continue;
      }
      if (e.kind() == ExprKind.MUL) {
        for (Expr b : ((Mul) e).bases()) {
          if (b.kind() == ExprKind.ADD) {
            return true;
          }
        }
      }
      e.children().forEach(pending::push);
    }
    return false;
  }
}
