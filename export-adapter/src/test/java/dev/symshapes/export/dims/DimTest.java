package dev.symshapes.export.dims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.dynamic.Dim;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Dim API: names, ranges, derived forms, and the errors for forms it does not support. */
class DimTest {
  static Stream<Arguments> printed() {
    Dim dx = Dim.of("dx", 4, 256);
    return Stream.of(
        Arguments.of(Dim.AUTO, "Dim.AUTO"),
        Arguments.of(Dim.DYNAMIC, "Dim.DYNAMIC"),
        Arguments.of(Dim.STATIC, "Dim.STATIC"),
        Arguments.of(Dim.of("dx"), "Dim('dx')"),
        Arguments.of(Dim.of("dh").withMax(512), "Dim('dh', max=512)"),
        Arguments.of(Dim.of("d").withMin(3), "Dim('d', min=3)"),
        Arguments.of(dx, "Dim('dx', min=4, max=256)"),
        Arguments.of(dx.times(2), "2*dx"),
        Arguments.of(dx.times(2).plus(1), "2*dx + 1"),
        Arguments.of(dx.plus(1).times(2), "2*dx + 2"),
        Arguments.of(dx.minus(3), "dx - 3"),
        Arguments.of(dx.plus(-3), "dx - 3"),
        Arguments.of(dx.times(1), "Dim('dx', min=4, max=256)"),
        Arguments.of(dx.plus(2).minus(2), "Dim('dx', min=4, max=256)"));
  }

  @ParameterizedTest
  @MethodSource("printed")
  void printsAsPyTorch(Dim d, String text) {
    assertThat(d).hasToString(text);
  }

  @Test
  void derivedDimsKnowTheirRootAndRange() {
    Dim dx = Dim.of("dx", 4, 256);
    Dim d = dx.times(2).plus(1);
    assertThat(d.kind()).isEqualTo(Dim.Kind.DERIVED);
    assertThat(d.root()).isEqualTo(dx);
    assertThat(d.coefficient()).isEqualTo(2);
    assertThat(d.offset()).isEqualTo(1);
    assertThat(d.range()).hasToString("VR[9, 513]");
    assertThat(d.min()).isEqualTo(9);
    assertThat(d.max()).hasValue(513);
    assertThat(Dim.of("dx").times(4).max()).isEmpty();
    assertThat(dx.root()).isSameAs(dx);
  }

  @Test
  void dimsMakesUnrelatedNamedDims() {
    List<Dim> d = Dim.dims("dx", "dy", "d1");
    assertThat(d).extracting(Dim::name).containsExactly("dx", "dy", "d1");
    assertThat(d).allSatisfy(x -> assertThat(x.range()).hasToString("VR[0, int_oo]"));
    assertThat(Dim.dims(2, 8, "a", "b"))
        .extracting(Dim::toString)
        .containsExactly("Dim('a', min=2, max=8)", "Dim('b', min=2, max=8)");
  }

  @Test
  void equalityIsByNameRangeAndDerivation() {
    assertThat(Dim.of("dx")).isEqualTo(Dim.dims("dx").get(0)).hasSameHashCodeAs(Dim.of("dx"));
    assertThat(Dim.of("dx", 2, 5)).isEqualTo(Dim.of("dx").withMin(2).withMax(5));
    assertThat(Dim.of("dx").times(2)).isEqualTo(Dim.of("dx").plus(1).times(2).minus(2));
    assertThat(Dim.of("dx")).isNotEqualTo(Dim.of("dy")).isNotEqualTo(Dim.of("dx", 2, 5));
    assertThat(Dim.of("dx").times(2)).isNotEqualTo(Dim.of("dx").times(3));
    assertThat(Dim.AUTO).isNotEqualTo(Dim.DYNAMIC).isNotEqualTo(Dim.of("AUTO"));
  }

  static Stream<Arguments> badForms() {
    Dim dx = Dim.of("dx");
    return Stream.of(
        Arguments.of(
            (Runnable) () -> dx.times(0),
            "Attempted to multiply 0 with dx, where a positive integer was expected. (Only"
                + " increasing linear operations with integer coefficients are supported.)"),
        Arguments.of(
            (Runnable) () -> dx.times(-2),
            "Attempted to multiply -2 with dx, where a positive integer was expected. (Only"
                + " increasing linear operations with integer coefficients are supported.)"),
        Arguments.of(
            (Runnable) () -> Dim.AUTO.plus(1),
            "Attempted to add 1 to Dim.AUTO, where a named Dim was expected: only named dims"
                + " (Dim.of(\"dx\")) can be derived. (Only increasing linear operations with integer"
                + " coefficients are supported.)"),
        Arguments.of(
            (Runnable) () -> Dim.STATIC.times(2),
            "Attempted to multiply 2 with Dim.STATIC, where a named Dim was expected: only named"
                + " dims (Dim.of(\"dx\")) can be derived. (Only increasing linear operations with"
                + " integer coefficients are supported.)"),
        Arguments.of(
            (Runnable) () -> dx.minus(1),
            "Expected derived min value of dx - 1 to be >= 0. Please specify an appropriate min"
                + " value for dx (currently 0)."),
        Arguments.of(
            (Runnable) () -> Dim.of("dx", 0, Long.MAX_VALUE / 2).times(4),
            "Expected derived max value of 4*dx to be <= 9223372036854775806. Please specify an"
                + " appropriate max value for dx (currently 4611686018427387903)."),
        Arguments.of(
            (Runnable) () -> Dim.of("dx").times(Long.MAX_VALUE / 2).times(4),
            "Derived dim 4611686018427387903*4 of dx overflows a long"),
        Arguments.of(
            (Runnable) () -> Dim.of("dx", 0, Long.MAX_VALUE - 1).plus(1),
            "Expected derived max value of dx + 1 to be <= 9223372036854775806. Please specify an"
                + " appropriate max value for dx (currently 9223372036854775806)."),
        Arguments.of(
            (Runnable) () -> Dim.of("dx", 5, 3),
            "Cannot create Dim with inconsistent min=5, max=3"),
        Arguments.of((Runnable) () -> Dim.of("dx", -1, 3), "Dim dx: min (-1) must be >= 0"),
        Arguments.of(
            (Runnable) () -> Dim.of("2dx"), "Dim name must be a valid identifier, got 2dx"),
        Arguments.of(
            (Runnable) () -> Dim.of("d x"), "Dim name must be a valid identifier, got d x"),
        Arguments.of(
            (Runnable) () -> dx.times(2).withMax(4),
            "withMax applies to a named Dim such as Dim.of(\"dx\"), not to 2*dx"),
        Arguments.of((Runnable) () -> Dim.AUTO.root(), "Dim.AUTO has no root"));
  }

  @ParameterizedTest
  @MethodSource("badForms")
  void unsupportedFormsFailAtConstruction(Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
