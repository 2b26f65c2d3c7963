package dev.symshapes.export.dims;

import static dev.symshapes.export.dims.ViolationRoundTripTest.randn;
import static dev.symshapes.export.dims.ViolationRoundTripTest.spec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapesException;
import dev.symshapes.export.trace.Module;
import dev.symshapes.export.trace.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad specs: each a {@link DynamicShapesException} that names the spec path. */
class SpecErrorsTest {
  /** A tensor, a list of tensors, an integer and a flag. */
  public static final class Inputs extends Module {
    public Tensor forward(Tensor x, List<Tensor> ys, Tensor z, long n, boolean flag) {
      return x.add(1);
    }
  }

  private static Object[] inputs() {
    return new Object[] {randn(6, 4), List.of(randn(6), randn(12)), randn(1, 8), 3L, true};
  }

  static Stream<Arguments> cases() {
    Dim dx = Dim.of("dx", 4, 256);
    return Stream.of(
        Arguments.of(
            "unknown input name",
            spec("w", List.of(Dim.AUTO)),
            "When `dynamic_shapes` is specified as a dict, its top-level keys must be the arg names"
                + " ['x', 'ys', 'z', 'n', 'flag'] of `inputs`, but here they are ['w']."
                + " Alternatively, you could also ignore arg names entirely and specify"
                + " `dynamic_shapes` as a list/tuple matching `inputs`."),
        Arguments.of(
            "wrong nesting: a tensor's spec for a list input",
            spec("ys", List.of(Dim.AUTO)),
            "Detected mismatch between the structure of `inputs` and `dynamic_shapes`:"
                + " `inputs['ys']` has 2 elements, but `dynamic_shapes['ys']` is [Dim.AUTO]"),
        Arguments.of(
            "wrong nesting: a list where a dimension goes",
            spec("x", List.of(List.of(dx), Dim.AUTO)),
            "Unexpected dimension #0 in input tensor shape [[Dim('dx', min=4, max=256)],"
                + " Dim.AUTO] specified at `dynamic_shapes['x']` (expected None, an int, a Dim,"
                + " Dim.AUTO, Dim.STATIC, or Dim.DYNAMIC, but got [Dim('dx', min=4, max=256)]"
                + " instead)"),
        Arguments.of(
            "a Dim on a boolean input",
            spec("flag", dx),
            "Cannot associate shape Dim('dx', min=4, max=256) specified at"
                + " `dynamic_shapes['flag']` to non-tensor type <class 'bool'> at"
                + " `inputs['flag']` (expected None)"),
        Arguments.of(
            "a named Dim on an integer input",
            spec("n", dx),
            "Unable to specify input integers as dynamic through named Dims. Please use"
                + " Dim.AUTO/DYNAMIC instead. (got Dim('dx', min=4, max=256) at"
                + " `dynamic_shapes['n']` for the integer input at `inputs['n']`)"),
        Arguments.of(
            "inconsistent definitions of one name",
            spec("x", Arrays.asList(Dim.of("d", 2, 64), null), "z", List.of(Dim.AUTO, Dim.of("d"))),
            "Found different definitions Dim('d', min=2, max=64) and Dim('d') for the same"
                + " symbolic dimension d! (at `dynamic_shapes['x'][0]` and"
                + " `dynamic_shapes['z'][1]`)"),
        Arguments.of(
            "a range without sizes of at least 2 (min > max once intersected)",
            spec("x", Arrays.asList(Dim.of("dx", 0, 1), null)),
            "Dim('dx', max=1) at `dynamic_shapes['x'][0]` has no value a dynamic size can take:"
                + " sizes of dynamic dimensions are at least 2, but its max is 1."),
        Arguments.of(
            "an example outside the range",
            spec("x", Arrays.asList(Dim.of("dx", 8, 16), null)),
            "inputs['x'].shape[0] = 6 is outside the range [8, 16] of Dim('dx', min=8, max=16)"
                + " specified at `dynamic_shapes['x'][0]`"),
        Arguments.of(
            "a derived dim whose example is not of its form",
            spec("ys", List.of(List.of(Dim.of("d")), List.of(Dim.of("d").times(5)))),
            "Expected inputs['ys'][1].shape[0] = 12 to be of the form 5*d, where d is an integer"
                + " (as specified at `dynamic_shapes['ys'][1][0]`)"),
        Arguments.of(
            "examples that disagree on a name",
            spec("ys", List.of(List.of(Dim.of("d")), List.of(Dim.of("d")))),
            "The example inputs disagree on the value of d: inputs['ys'][0].shape[0] = 6 at"
                + " `dynamic_shapes['ys'][0][0]` gives d = 6, but inputs['ys'][1].shape[0] = 12 at"
                + " `dynamic_shapes['ys'][1][0]` gives d = 12"),
        Arguments.of(
            "Dim.DYNAMIC on a size-1 example",
            spec("z", List.of(Dim.DYNAMIC, Dim.AUTO)),
            "Received user-specified dim hint Dim.DYNAMIC at `dynamic_shapes['z'][0]`, but export"
                + " 0/1 specialized due to hint of 1 for dimension inputs['z'].shape[0]. Use an"
                + " example input of size at least 2 for this dimension, or Dim.AUTO."),
        Arguments.of(
            "a named Dim on a size-1 example",
            spec("z", List.of(Dim.of("dz"), Dim.AUTO)),
            "Received user-specified Dim('dz') at `dynamic_shapes['z'][0]`, but export 0/1"
                + " specialized due to hint of 1 for dimension inputs['z'].shape[0]. Use an example"
                + " input of size at least 2 for this dimension."),
        Arguments.of(
            "an integer input that is not the example",
            spec("n", 4),
            "Expected inputs['n'] = 3 to be 4, as specified at `dynamic_shapes['n']`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void namesTheSpecPath(String what, Map<String, Object> spec, String message) {
    assertThatThrownBy(() -> Export.export(new Inputs(), inputs(), spec))
        .isInstanceOf(DynamicShapesException.class)
        .hasMessage(message);
  }
}
