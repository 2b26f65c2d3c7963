package dev.symshapes.export.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.symshapes.export.program.TreeSpec;
import dev.symshapes.export.serde.internal.SymExprText;
import dev.symshapes.export.serde.internal.TreeSpecJson;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.text.ExprParser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code expr_str} form (sympy's {@code srepr}) and the tree-spec strings: golden tables, and
 * the property that reading what was written gives the same expression.
 */
class SymExprTextTest {
  private static final int RUNS = Integer.getInteger("symshapes.props.runs", 300);
  private static final ExprFactory F = ExprFactory.create();
  private static final ExprParser P = ExprParser.of(F);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s0 | Symbol('s0', integer=True, positive=True)",
        "u0 | Symbol('u0', integer=True)",
        "2*s0 | Mul(Integer(2), Symbol('s0', integer=True, positive=True))",
        "2*s0 + 1 | Add(Integer(1), Mul(Integer(2), Symbol('s0', integer=True, positive=True)))",
        "s2*s3 | Mul(Symbol('s2', integer=True, positive=True), Symbol('s3', integer=True, positive=True))",
        "s0**2 | Pow(Symbol('s0', integer=True, positive=True), Integer(2))",
        "-u0 | Mul(Integer(-1), Symbol('u0', integer=True))",
        "((s0//2)) | FloorDiv(Symbol('s0', integer=True, positive=True), Integer(2))",
        "Mod(u0, 3) | PythonMod(Symbol('u0', integer=True), Integer(3))",
        "Max(1, u0) | Max(Integer(1), Symbol('u0', integer=True))",
        "u0 >= 10 | GreaterThan(Symbol('u0', integer=True), Integer(10))",
        "s0 > 4 | StrictGreaterThan(Symbol('s0', integer=True, positive=True), Integer(4))",
        "Eq(s0, s1) | Equality(Symbol('s0', integer=True, positive=True), Symbol('s1', integer=True, positive=True))",
        "Ne(s0, 7) | Unequality(Symbol('s0', integer=True, positive=True), Integer(7))",
      })
  void sreprGoldens(String sympy, String srepr) {
    Expr e = P.parse(sympy);
    assertThat(SymExprText.srepr(e)).isEqualTo(srepr);
    assertThat(SymExprText.parse(srepr, F, "t")).isSameAs(e);
    assertThat(SymExprText.parse(sympy, F, "t")).isSameAs(e);
  }

  @Test
  void sreprReadsBackWhatItWrites() {
    qt().withExamples(RUNS)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Expr e = random(new Random(seed), 4);
              assertThat(SymExprText.parse(SymExprText.srepr(e), F, "t")).as("%s", e).isSameAs(e);
            });
  }

  private static Expr random(Random r, int depth) {
    return r.nextInt(4) == 0 ? randomBool(r, depth) : randomInt(r, depth);
  }

  private static IntExpr randomInt(Random r, int depth) {
    List<String> names = List.of("s0", "s1", "u0", "u1");
    if (depth == 0 || r.nextInt(3) == 0) {
      return r.nextBoolean() ? F.symbol(names.get(r.nextInt(4))) : F.integer(r.nextInt(21) - 10);
    }
    IntExpr a = randomInt(r, depth - 1);
    IntExpr b = randomInt(r, depth - 1);
    switch (r.nextInt(7)) {
      case 0:
        return F.add(a, b);
      case 1:
        return F.mul(a, b);
      case 2:
        return F.floorDiv(a, F.integer(r.nextInt(5) + 1));
      case 3:
        return F.mod(a, F.integer(r.nextInt(5) + 1));
      case 4:
        return F.max(a, b);
      case 5:
        return F.min(a, b);
      default:
        return F.sub(a, b);
    }
  }

  private static BoolExpr randomBool(Random r, int depth) {
    IntExpr a = randomInt(r, depth - 1);
    IntExpr b = randomInt(r, depth - 1);
    switch (r.nextInt(5)) {
      case 0:
        return F.ge(a, b);
      case 1:
        return F.lt(a, b);
      case 2:
        return F.eq(a, b);
      case 3:
        return F.ne(a, b);
      default:
        return depth > 1 ? F.and(randomBool(r, depth - 1), randomBool(r, depth - 1)) : F.le(a, b);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Add(Integer(1) | expected ')' at column 15 of the sympy expression 'Add(Integer(1)'",
        "Frob(Integer(1)) | unknown sympy function Frob at column 16 of the sympy expression 'Frob(Integer(1))'",
        "Pow(Symbol('s0'), Symbol('s1')) | Pow needs a constant exponent between 0 and 64 at column 31 of the sympy expression 'Pow(Symbol('s0'), Symbol('s1'))'",
        "Symbol('1x') | '1x' is not a symbol name at column 12 of the sympy expression 'Symbol('1x')'",
      })
  void sreprErrors(String text, String message) {
    assertThatThrownBy(() -> SymExprText.parse(text, F, "p"))
        .isInstanceOf(SerdeException.class)
        .hasMessage("p: " + message);
  }

  @Test
  void deeplyNestedSreprIsRefused() {
    String deep = "Add(".repeat(300) + "Integer(1)" + ")".repeat(300);
    assertThatThrownBy(() -> SymExprText.parse(deep, F, "p"))
        .isInstanceOf(SerdeException.class)
        .hasMessageStartingWith("p: expression nested deeper than 200 levels at column");
  }

  @Test
  void treeSpecs() {
    String leaf = "{\"type\": null, \"context\": null, \"children_spec\": []}";
    TreeSpec t =
        TreeSpec.tuple(
            List.of(
                TreeSpec.tuple(
                    List.of(
                        TreeSpec.leaf(), TreeSpec.list(List.of(TreeSpec.leaf())), TreeSpec.none())),
                TreeSpec.emptyDict()));
    String text = TreeSpecJson.dumps(t);
    assertThat(text)
        .isEqualTo(
            "[1, {\"type\": \"builtins.tuple\", \"context\": \"null\", \"children_spec\": [{\"type\":"
                + " \"builtins.tuple\", \"context\": \"null\", \"children_spec\": ["
                + leaf
                + ", {\"type\": \"builtins.list\", \"context\": \"null\", \"children_spec\": ["
                + leaf
                + "]}, {\"type\": \"builtins.NoneType\", \"context\": \"null\", \"children_spec\":"
                + " []}]}, {\"type\": \"builtins.dict\", \"context\": \"[]\", \"children_spec\": []}]}]");
    assertThat(TreeSpecJson.loads(text, "in_spec", 64)).isEqualTo(t);
    assertThatThrownBy(() -> TreeSpecJson.loads("[2, " + leaf + "]", "in_spec", 64))
        .isInstanceOf(SerdeException.class)
        .hasMessage("in_spec: tree spec protocol 2 is not supported (only 1)");
    assertThatThrownBy(
            () ->
                TreeSpecJson.loads(
                    "[1, {\"type\": \"collections.OrderedDict\", \"context\": \"[]\", \"children_spec\": []}]",
                    "in_spec",
                    64))
        .isInstanceOf(SerdeException.class)
        .hasMessage("in_spec[1]: tree spec type 'collections.OrderedDict' is not supported");
  }
}
