package dev.symshapes.export.serde.internal;

import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.expr.text.ExprPrinter;
import dev.symshapes.expr.text.ExprSyntaxException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code guards_code} of a program: Python conditions over the inputs, in the spelling of
 * PyTorch's guards ({@code L['x'].size()[0] <= 8}, {@code L['y'].size()[0] == 2*L['x'].size()[0]},
 * {@code 2 <= L['x'].size()[0] and L['x'].size()[0] <= 512}). Each source ({@code
 * L['x'].size()[0]}, {@code L['x'].stride()[1]}, {@code L['x'].storage_offset()}, {@code L['n']},
 * {@code L['xs'][0].size()[1]}) is replaced by what the program's placeholder says it is, and the
 * result is read by the expression parser, which reads Python syntax.
 */
final class GuardsCode {
  private static final Pattern SOURCE =
      Pattern.compile(
          "L\\['[^'\\\\]*'\\](?:\\[\\d+\\])*(?:\\.size\\(\\)\\[\\d+\\]|\\.stride\\(\\)\\[\\d+\\]|\\.storage_offset\\(\\))?");

  private GuardsCode() {}

  /**
   * The condition of {@code code}.
   *
   * @param sources source text to the expression of the program it stands for
   * @throws SerdeException naming the guard when it refers to something the program has no input
   *     for or does not parse
   */
  static BoolExpr parse(String code, Map<String, IntExpr> sources, ExprFactory f, String where) {
    Matcher m = SOURCE.matcher(code);
    StringBuilder sb = new StringBuilder();
    int last = 0;
    while (m.find()) {
      IntExpr e = sources.get(m.group());
      if (e == null) {
        throw new SerdeException(
            where
                + ": the guard '"
                + code
                + "' refers to "
                + m.group()
                + ", which is not an input of the program");
      }
      sb.append(code, last, m.start()).append('(').append(ExprPrinter.sympy().print(e)).append(')');
      last = m.end();
    }
    sb.append(code.substring(last));
    try {
      return ExprParser.of(f).parseBool(sb.toString());
    } catch (ExprSyntaxException e) {
      throw new SerdeException(where + ": cannot read the guard '" + code + "': " + e.detail(), e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new SerdeException(
          where + ": cannot read the guard '" + code + "': " + e.getMessage(), e);
    }
  }
}
