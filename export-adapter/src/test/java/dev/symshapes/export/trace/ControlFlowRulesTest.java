package dev.symshapes.export.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.trace.ControlFlowException.Rule;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented restriction of the control-flow operators, broken once: the error names the rule
 * ({@link ControlFlowException#rule()}) and says what was wrong, word for word.
 */
class ControlFlowRulesTest {
  private static Tensor x33() {
    return Torch.randn(1, 3, 3);
  }

  private static Object export1(java.util.function.Function<Tensor, Object> f) {
    return Export.export(new Fn.One(f), new Object[] {x33()});
  }

  private static Object export2(java.util.function.BiFunction<Tensor, Tensor, Object> f) {
    return Export.export(new Fn.Two(f), new Object[] {x33(), Torch.randn(2, 2, 3)});
  }

  private static Arguments rule(String name, Supplier<Object> run, Rule rule, String message) {
    return Arguments.of(name, run, rule, message);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        rule(
            "Java if on a traced tensor",
            () -> export1(x -> x.sum().gt(0).bool() ? x.sin() : x.cos()),
            Rule.DATA_DEPENDENT_BRANCH,
            "Dynamic control flow is not supported at the moment. Please use"
                + " dev.symshapes.export.trace.ControlFlow.cond to explicitly capture the control"
                + " flow. (A Java if or loop asked for the value of a traced tensor, which is not"
                + " known while exporting.)"),
        rule(
            "predicate is an integer",
            () -> export1(x -> ControlFlow.cond(3, o -> o.get(0), o -> o.get(0), List.of(x))),
            Rule.PREDICATE,
            "cond: Expected pred to be bool or single-element tensor, but got an Integer (3). The"
                + " predicate must be a boolean (a Java boolean or a SymBool) or a tensor with one"
                + " element."),
        rule(
            "predicate is a tensor of 9 elements",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.gt(0), o -> o.get(0).sin(), o -> o.get(0).cos(), List.of(x))),
            Rule.PREDICATE,
            "cond: Expected pred to be bool or single-element tensor, but got a tensor b8[3, 3]."
                + " The predicate must be a boolean (a Java boolean or a SymBool) or a tensor with"
                + " one element."),
        rule(
            "an operand is not a tensor",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0), o -> o.get(0), o -> o.get(0), List.of(x, 3))),
            Rule.OPERANDS,
            "cond: Expect operands to only consist of tensors, but operand 1 is an Integer (3)."),
        rule(
            "branches return different shapes",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0), o -> o.get(0).sin(), o -> o.get(0).sum(), List.of(x))),
            Rule.OUTPUTS,
            "cond: Expected each tensor to have same metadata but got:\n"
                + "  true_fn returns f32[3, 3]\n"
                + "  false_fn returns f32[]\n"
                + "(output 0; both branches must return tensors of the same dtype and shape)"),
        rule(
            "branches return different dtypes",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0), o -> o.get(0).sin(), o -> o.get(0).gt(0), List.of(x))),
            Rule.OUTPUTS,
            "cond: Expected each tensor to have same metadata but got:\n"
                + "  true_fn returns f32[3, 3]\n"
                + "  false_fn returns b8[3, 3]\n"
                + "(output 0; both branches must return tensors of the same dtype and shape)"),
        rule(
            "branches return different numbers of tensors",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0),
                            o -> List.of(o.get(0).sin()),
                            o -> List.of(o.get(0).sin(), o.get(0).cos()),
                            List.of(x))),
            Rule.OUTPUTS,
            "cond: Expected to return same number of outputs but got:\n"
                + "  true branch returns 1 item(s)\n"
                + "  false branch returns 2 item(s)"),
        rule(
            "a branch returns a non-tensor",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0),
                            o -> List.of(o.get(0).sin(), 1),
                            o -> List.of(o.get(0).cos(), 1),
                            List.of(x))),
            Rule.OUTPUTS,
            "Expect outputs of cond's true_fn to only contain tensors, but output 1 is an Integer"
                + " (1)."),
        rule(
            "a branch mutates its input",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0),
                            o -> o.get(0).add_(1).sin(),
                            o -> o.get(0).cos(),
                            List.of(x))),
            Rule.INPUT_MUTATION,
            "cond's true_fn is modifying its input 'x' (aten::add_.Tensor at node 'add_')!"
                + " Consider cloning the input before modifying it: the bodies of control-flow"
                + " operators cannot mutate their inputs."),
        rule(
            "a branch mutates a view of its input",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0),
                            o -> o.get(0).view(9).relu_().sin(),
                            o -> o.get(0).view(9).cos(),
                            List.of(x))),
            Rule.INPUT_MUTATION,
            "cond's true_fn is modifying its input 'x' (aten::relu_ at node 'relu_')! Consider"
                + " cloning the input before modifying it: the bodies of control-flow operators"
                + " cannot mutate their inputs."),
        rule(
            "a branch returns its input",
            () ->
                export1(
                    x ->
                        ControlFlow.cond(
                            x.sum().gt(0), o -> o.get(0), o -> o.get(0).cos(), List.of(x))),
            Rule.INPUT_ALIAS,
            "cond's true_fn is aliasing its input 'x': it returns the input or a view of it. If"
                + " you are returning a view of the input, please make sure to clone it."),
        rule(
            "a branch uses a tensor it was not given",
            () ->
                export2(
                    (x, y) ->
                        ControlFlow.cond(
                            x.sum().gt(0), o -> y.sin(), o -> o.get(0).cos(), List.of(x))),
            Rule.CAPTURE,
            "cond's true_fn uses a tensor (node 'y') that it was not given: the bodies of"
                + " control-flow operators cannot access closure variables; pass it in the"
                + " operands instead."),
        rule(
            "a branch combines its input with a captured tensor",
            () ->
                export2(
                    (x, y) ->
                        ControlFlow.cond(
                            x.sum().gt(0),
                            o -> o.get(0).sin(),
                            o -> o.get(0).select(0, 0).add(y.select(0, 0)),
                            List.of(x))),
            Rule.CAPTURE,
            "cond's false_fn uses a tensor (node 'y') that it was not given: the bodies of"
                + " control-flow operators cannot access closure variables; pass it in the"
                + " operands instead."),
        rule(
            "map over a non-tensor",
            () -> export1(x -> ControlFlow.map(o -> o.get(0), List.of(x, "no"))),
            Rule.OPERANDS,
            "map: Mapped xs can only consist of tensors with at least one dimension. Got xs [a"
                + " tensor f32[3, 3], a String (no)]."),
        rule(
            "map over inconsistent leading dimensions",
            () -> export2((x, y) -> ControlFlow.map(o -> o.get(0).sum(), List.of(x, y))),
            Rule.OPERANDS,
            "map: Leading dimensions of mapped xs must be consistent. Got shapes [[3, 3], [2, 3]]."),
        rule(
            "map with a non-tensor argument",
            () -> export1(x -> ControlFlow.map(o -> o.get(0), x, 2.5)),
            Rule.OPERANDS,
            "map: Expect args to only consist of tensors, but argument 0 is a Double (2.5)."),
        rule(
            "map's body mutates its input",
            () -> export1(x -> ControlFlow.map(o -> o.get(0).add_(1.0).mul(2), x)),
            Rule.INPUT_MUTATION,
            "map's body_fn is modifying its input 'x' (aten::add_.Tensor at node 'add_')! Consider"
                + " cloning the input before modifying it: the bodies of control-flow operators"
                + " cannot mutate their inputs."),
        rule(
            "while_loop's cond_fn returns a float",
            () ->
                export1(
                    x ->
                        ControlFlow.whileLoop(
                            o -> o.get(0).sum(), o -> List.of(o.get(0).mul(2)), List.of(x))),
            Rule.OUTPUTS,
            "while_loop: cond_fn must return a boolean scalar tensor, but it returned f32[]."),
        rule(
            "while_loop's body changes the shape",
            () ->
                export1(
                    x ->
                        ControlFlow.whileLoop(
                            o -> o.get(0).sum().lt(10),
                            o -> List.of(o.get(0).sum(List.of(0L), false)),
                            List.of(x))),
            Rule.OUTPUTS,
            "while_loop: Expected the metadata of body_fn's result 0 (f32[3]) to be the same as the"
                + " metadata of carried input 0 (f32[3, 3]): a loop carries tensors of fixed dtype"
                + " and shape."),
        rule(
            "while_loop carries a non-tensor",
            () ->
                export1(
                    x -> ControlFlow.whileLoop(o -> o.get(0).sum().lt(1), o -> o, List.of(x, 0L))),
            Rule.OPERANDS,
            "while_loop: Expect carried_inputs to only consist of tensors, but carried input 1 is"
                + " a Long (0)."),
        rule(
            "scan's combine_fn returns too few tensors",
            () ->
                export2(
                    (x, y) ->
                        ControlFlow.scan(o -> List.of(), List.of(x.select(0, 0)), List.of(x))),
            Rule.OUTPUTS,
            "scan: combine_fn must return the 1 carried tensor(s) followed by the per-step"
                + " outputs, but it returned 0 tensor(s)."),
        rule(
            "scan's carry changes dtype",
            () ->
                export1(
                    x ->
                        ControlFlow.scan(
                            o -> List.of(o.get(0).gt(0)), List.of(x.select(0, 0)), List.of(x))),
            Rule.OUTPUTS,
            "scan: Expected the metadata of combine_fn's result 0 (b8[3]) to be the same as the"
                + " metadata of init 0 (f32[3]): a loop carries tensors of fixed dtype and shape."),
        rule(
            "scan over nothing",
            () -> export1(x -> ControlFlow.scan(o -> o, List.of(x), List.of())),
            Rule.OPERANDS,
            "scan: xs must hold at least one tensor, each with at least one dimension. Got xs"
                + " []."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void breakingTheRuleFailsWithItsMessage(
      String name, Supplier<Object> run, Rule rule, String message) {
    assertThatThrownBy(run::get)
        .isInstanceOfSatisfying(
            ControlFlowException.class, e -> assertThat(e.rule()).isEqualTo(rule))
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eagerCases")
  void runningDirectlyChecksTheSameRules(String name, Supplier<Object> run, Rule rule, String m) {
    assertThatThrownBy(run::get)
        .isInstanceOfSatisfying(
            ControlFlowException.class, e -> assertThat(e.rule()).isEqualTo(rule))
        .hasMessage(m);
  }

  static Stream<Arguments> eagerCases() {
    Tensor x = x33();
    return Stream.of(
        rule(
            "predicate is a tensor of 9 elements",
            () -> ControlFlow.cond(x.gt(0), o -> o.get(0), o -> o.get(0), List.of(x)),
            Rule.PREDICATE,
            "cond: Expected pred to be bool or single-element tensor, but got a tensor b8[3, 3]."
                + " The predicate must be a boolean (a Java boolean or a SymBool) or a tensor with"
                + " one element."),
        rule(
            "an operand is not a tensor",
            () -> ControlFlow.cond(true, o -> o.get(0), o -> o.get(0), List.of(x, DType.INT64)),
            Rule.OPERANDS,
            "cond: Expect operands to only consist of tensors, but operand 1 is a DType (INT64)."),
        rule(
            "map over a zero-length dimension",
            () -> ControlFlow.map(o -> o.get(0), Torch.zeros(0, 3)),
            Rule.OPERANDS,
            "map: Leading dimensions of mapped xs cannot be 0."),
        rule(
            "while_loop's body changes the shape",
            () ->
                ControlFlow.whileLoop(
                    o -> o.get(0).sum().lt(100),
                    o -> List.of(o.get(0).flatten().add(1)),
                    List.of(x)),
            Rule.OUTPUTS,
            "while_loop: Expected the metadata of body_fn's result 0 (f32[9]) to be the same as the"
                + " metadata of carried input 0 (f32[3, 3]): a loop carries tensors of fixed dtype"
                + " and shape."));
  }
}
