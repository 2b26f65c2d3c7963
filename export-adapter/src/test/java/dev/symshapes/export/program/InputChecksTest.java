package dev.symshapes.export.program;

import static dev.symshapes.export.program.Models.randn;
import static dev.symshapes.export.program.Models.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.base.Suppliers;
import dev.symshapes.export.Export;
import dev.symshapes.export.ExportMode;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.nn.Linear;
import dev.symshapes.export.ops.RuntimeAssertionException;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.tutorial.models.DynamicModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input check of {@link ExportedModule}, word for word: PyTorch's messages from {@code
 * _check_inputs_match}, {@code _check_input_constraints_for_graph} and {@code _check_symint}
 * ({@code torch/_export/utils.py}, {@code torch/export/_unlift.py}), and the guards function's
 * {@code Guard failed: ...}.
 */
class InputChecksTest {
  private static final Supplier<ExportedModule> STATIC_DYNAMIC_MODEL =
      Suppliers.memoize(
          () ->
              Export.export(
                      new DynamicModel(),
                      new Object[] {randn(6, 5), randn(4), randn(8, 4), randn(32)})
                  .module());

  private static final Supplier<ExportedModule> AUTO_DYNAMIC_MODEL =
      Suppliers.memoize(
          () ->
              Export.export(
                      new DynamicModel(),
                      new Object[] {randn(6, 5), randn(4), randn(8, 4), randn(32)},
                      Map.of(
                          "w", List.of(Dim.AUTO, Dim.AUTO),
                          "x", List.of(Dim.AUTO),
                          "y", List.of(Dim.AUTO, Dim.AUTO),
                          "z", List.of(Dim.AUTO)))
                  .module());

  private static final Supplier<ExportedModule> LIN_ONE =
      Suppliers.memoize(
          () ->
              Export.export(
                      new Linear(4, 3),
                      new Object[] {randn(1, 4)},
                      Map.of("input", List.of(Dim.AUTO, Dim.STATIC)))
                  .module());

  private static final Supplier<ExportedModule> BOUNDED =
      Suppliers.memoize(
          () ->
              Export.export(
                      new Models.Bounded(),
                      new Object[] {randn(6, 2)},
                      Map.of("w", List.of(Dim.AUTO, Dim.STATIC)))
                  .module());

  private static final Supplier<ExportedModule> DERIVED =
      Suppliers.memoize(
          () ->
              Export.export(
                      new Models.Derived(),
                      new Object[] {randn(8), randn(4)},
                      Map.of("y", List.of(Dim.AUTO), "x", List.of(Dim.AUTO)))
                  .module());

  private static final Supplier<ExportedModule> BRANCH =
      Suppliers.memoize(
          () ->
              Export.export(
                      new Models.Branch(),
                      new Object[] {randn(3), randn(4)},
                      Map.of("x", List.of(Dim.AUTO), "y", List.of(Dim.AUTO)))
                  .module());

  private static final Supplier<ExportedModule> MIXED =
      Suppliers.memoize(
          () -> {
            Map<String, Object> spec = new HashMap<>();
            spec.put("a", java.util.Arrays.asList(Dim.AUTO, null));
            spec.put("b", null);
            spec.put("n", null);
            spec.put("flag", null);
            return Export.export(
                    new Models.Mixed(), new Object[] {randn(4, 4), randn(3, 3), 16, false}, spec)
                .module();
          });

  private static final Supplier<ExportedModule> INT_INPUT =
      Suppliers.memoize(
          () ->
              Export.export(
                      new Models.IntInput(), new Object[] {randn(3), 5}, Map.of("n", Dim.DYNAMIC))
                  .module());

  private static final Supplier<ExportedModule> LIST_INPUT =
      Suppliers.memoize(
          () ->
              Export.export(
                      new Models.ListInput(),
                      new Object[] {List.of(randn(3), randn(3)), randn(3)},
                      Map.of(
                          "xs",
                          List.of(List.of(Dim.AUTO), List.of(Dim.AUTO)),
                          "y",
                          List.of(Dim.AUTO)))
                  .module());

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "T06 static size",
            STATIC_DYNAMIC_MODEL,
            new Object[] {randn(6, 5), randn(4), randn(3, 4), randn(12)},
            "Expected input at *args[2].shape[0] to be equal to 8, but got 3. If you meant for"
                + " this dimension to be dynamic, please re-export and specify dynamic_shapes"
                + " (e.g. with Dim.DYNAMIC)"),
        Arguments.of(
            "T11 0/1 specialization",
            LIN_ONE,
            new Object[] {randn(2, 4)},
            "Expected input at *args[0].shape[0] to be equal to 1, but got 2. If you meant for"
                + " this dimension to be dynamic, please re-export and specify dynamic_shapes"
                + " (e.g. with Dim.DYNAMIC)"),
        Arguments.of(
            "T07 derived size s2*s3",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 5), randn(3), randn(5, 3), randn(16)},
            "Expected input at *args[3].shape[0] to be equal to s2*s3 = 15, but got 16"),
        Arguments.of(
            "T07 equal symbols (y.shape[1] is x.shape[0])",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 5), randn(3), randn(5, 4), randn(20)},
            "Expected input at *args[2].shape[1] to be equal to 3, but got 4"),
        Arguments.of(
            "T07 specialized size w.shape[1] = 5",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 6), randn(3), randn(5, 3), randn(15)},
            "Expected input at *args[0].shape[1] to be equal to 5, but got 6. If you meant for"
                + " this dimension to be dynamic, please re-export and specify dynamic_shapes"
                + " (e.g. with Dim.DYNAMIC)"),
        Arguments.of(
            "T07 default lower bound 2",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(1, 5), randn(3), randn(5, 3), randn(15)},
            "Expected input at *args[0].shape[0] to be >= 2, but got 1"),
        Arguments.of(
            "upper bound",
            BOUNDED,
            new Object[] {randn(600, 2)},
            "Expected input at *args[0].shape[0] to be <= 512, but got 600"),
        Arguments.of(
            "lower bound",
            BOUNDED,
            new Object[] {randn(3, 2)},
            "Expected input at *args[0].shape[0] to be >= 4, but got 3"),
        Arguments.of(
            "derived size not of the form 2*s1",
            DERIVED,
            new Object[] {randn(7), randn(3)},
            "Expected input *args[0].shape[0] = 7 to be of the form 2*s1, where s1 is an integer"),
        Arguments.of(
            "derived size out of its range",
            DERIVED,
            new Object[] {randn(2), randn(1)},
            "Expected input at *args[0].shape[0] to be >= 4, but got 2"),
        Arguments.of(
            "root of a derived size",
            DERIVED,
            new Object[] {randn(8), randn(5)},
            "Expected input at *args[1].shape[0] to be equal to 4, but got 5"),
        Arguments.of(
            "residual guard",
            BRANCH,
            new Object[] {randn(5), randn(5)},
            "Guard failed: x.size()[0] != y.size()[0]"),
        Arguments.of(
            "rank",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 5), randn(3, 1), randn(5, 3), randn(15)},
            "Unexpected number of dimensions in input at *args[1].shape (expected"
                + " torch.Size([s2]), got torch.Size([3, 1]))"),
        Arguments.of(
            "a number where a tensor is expected",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 5), 3, randn(5, 3), randn(15)},
            "Expected input at *args[1] to be a tensor, but got <class 'int'>"),
        Arguments.of(
            "null where a tensor is expected",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 5), null, randn(5, 3), randn(15)},
            "Trying to flatten user inputs with exported input tree spec: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*,\n"
                + "    *,\n"
                + "    *,\n"
                + "    *]),\n"
                + "  TreeSpec(dict, [], [])])\n"
                + "but actually got inputs with tree spec of: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*,\n"
                + "    TreeSpec(NoneType, None, []),\n"
                + "    *,\n"
                + "    *]),\n"
                + "  TreeSpec(dict, [], [])]).\n"
                + "Please check that the inputs have the same number and type of args and kwargs"
                + " as the ones you used when tracing."),
        Arguments.of(
            "too few arguments",
            LIN_ONE,
            new Object[] {},
            "Trying to flatten user inputs with exported input tree spec: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*]),\n"
                + "  TreeSpec(dict, [], [])])\n"
                + "but actually got inputs with tree spec of: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, []),\n"
                + "  TreeSpec(dict, [], [])]).\n"
                + "Please check that the inputs have the same number and type of args and kwargs"
                + " as the ones you used when tracing."),
        Arguments.of(
            "too many arguments",
            LIN_ONE,
            new Object[] {randn(1, 4), randn(1, 4)},
            "Trying to flatten user inputs with exported input tree spec: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*]),\n"
                + "  TreeSpec(dict, [], [])])\n"
                + "but actually got inputs with tree spec of: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*,\n"
                + "    *]),\n"
                + "  TreeSpec(dict, [], [])]).\n"
                + "Please check that the inputs have the same number and type of args and kwargs"
                + " as the ones you used when tracing."),
        Arguments.of(
            "T14 specialized int",
            MIXED,
            new Object[] {randn(5, 4), randn(3, 3), 17, false},
            "Expected input at *args[2] to be equal to 16, but got 17"),
        Arguments.of(
            "T14 specialized bool",
            MIXED,
            new Object[] {randn(5, 4), randn(3, 3), 16, true},
            "Expected input at *args[3] to be equal to False, but got True"),
        Arguments.of(
            "T14 a bool where an int is expected",
            MIXED,
            new Object[] {randn(5, 4), randn(3, 3), true, false},
            "Expected input at *args[2] to be equal to 16, but got True"),
        Arguments.of(
            "T14 static tensor (null spec)",
            MIXED,
            new Object[] {randn(5, 4), randn(3, 4), 16, false},
            "Expected input at *args[1].shape[1] to be equal to 3, but got 4. If you meant for"
                + " this dimension to be dynamic, please re-export and specify dynamic_shapes"
                + " (e.g. with Dim.DYNAMIC)"),
        Arguments.of(
            "T14 static dimension (null entry)",
            MIXED,
            new Object[] {randn(5, 5), randn(3, 3), 16, false},
            "Expected input at *args[0].shape[1] to be equal to 4, but got 5. If you meant for"
                + " this dimension to be dynamic, please re-export and specify dynamic_shapes"
                + " (e.g. with Dim.DYNAMIC)"),
        Arguments.of(
            "dynamic int: not an int",
            INT_INPUT,
            new Object[] {randn(3), randn(1)},
            "Expected input at *args[1] to be an int, but got <class 'torch.Tensor'>"),
        Arguments.of(
            "list input: element size",
            LIST_INPUT,
            new Object[] {List.of(randn(4), randn(5)), randn(4)},
            "Expected input at *args[0][1].shape[0] to be equal to 4, but got 5"),
        Arguments.of(
            "list input: list length",
            LIST_INPUT,
            new Object[] {List.of(randn(4)), randn(4)},
            "Trying to flatten user inputs with exported input tree spec: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [TreeSpec(list, None, [*,\n"
                + "      *]),\n"
                + "    *]),\n"
                + "  TreeSpec(dict, [], [])])\n"
                + "but actually got inputs with tree spec of: \n"
                + "TreeSpec(tuple, None, [TreeSpec(tuple, None, [TreeSpec(list, None, [*]),\n"
                + "    *]),\n"
                + "  TreeSpec(dict, [], [])]).\n"
                + "Please check that the inputs have the same number and type of args and kwargs"
                + " as the ones you used when tracing."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void rejects(String name, Supplier<ExportedModule> module, Object[] inputs, String message) {
    assertThatThrownBy(() -> module.get().call(inputs))
        .isInstanceOf(InputCheckException.class)
        .hasMessage(message);
    // checkInputs is the same check without running the program
    assertThatThrownBy(() -> module.get().checkInputs(inputs))
        .isInstanceOf(InputCheckException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(
            "T07 new sizes",
            AUTO_DYNAMIC_MODEL,
            new Object[] {randn(7, 5), randn(3), randn(5, 3), randn(15)}),
        Arguments.of("T11 the example size", LIN_ONE, new Object[] {randn(1, 4)}),
        Arguments.of("bounds are inclusive (512)", BOUNDED, new Object[] {randn(512, 2)}),
        Arguments.of("bounds are inclusive (4)", BOUNDED, new Object[] {randn(4, 2)}),
        Arguments.of("derived size", DERIVED, new Object[] {randn(10), randn(5)}),
        Arguments.of("residual guard holds", BRANCH, new Object[] {randn(5), randn(6)}),
        Arguments.of(
            "T14 new dynamic size", MIXED, new Object[] {randn(9, 4), randn(3, 3), 16, false}),
        Arguments.of(
            "T14 int as a Long", MIXED, new Object[] {randn(9, 4), randn(3, 3), 16L, false}),
        Arguments.of("dynamic int", INT_INPUT, new Object[] {randn(3), 7}),
        Arguments.of("dynamic int as a SymInt", INT_INPUT, new Object[] {randn(3), SymInt.of(7)}),
        Arguments.of(
            "list input", LIST_INPUT, new Object[] {List.of(randn(6), randn(6)), randn(6)}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void accepts(String name, Supplier<ExportedModule> module, Object[] inputs) {
    module.get().checkInputs(inputs);
    assertThat(module.get().call(inputs)).isNotNull();
  }

  @Test
  void inSpecPrintsAsPyTorch() {
    assertThat(LIN_ONE.get().inSpec())
        .hasToString(
            "TreeSpec(tuple, None, [TreeSpec(tuple, None, [*]),\n  TreeSpec(dict, [], [])])");
  }

  @Test
  void t17RuntimeAssert() {
    ExportedModule m =
        Export.export(
                new Models.CheckedItem(),
                new Object[] {scalar(32), randn(4)},
                java.util.Map.of(),
                dev.symshapes.solver.ShapeEnv.builder(),
                ExportMode.STRICT)
            .module();
    assertThatThrownBy(() -> m.call(scalar(5), randn(4)))
        .isInstanceOf(RuntimeAssertionException.class)
        .hasMessage("Runtime assertion failed for expression u0 >= 10 on node 'ge_1'");
    assertThatThrownBy(() -> m.call(scalar(61), randn(4)))
        .isInstanceOf(RuntimeAssertionException.class)
        .hasMessage("Runtime assertion failed for expression u0 <= 60 on node 'le_1'");
    assertThat(m.call(scalar(60), randn(4))).isNotNull();
  }
}
