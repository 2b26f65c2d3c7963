package dev.symshapes.export.trace;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.Export;
import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.tensor.CreationKernels;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.export.tensor.Generator;
import dev.symshapes.export.tutorial.models.DynamicModel;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Models called or exported with the wrong inputs fail with a message that names the model, the
 * input and what was wrong; shapes that break a broadcast name the op and both shapes, eagerly and
 * while exporting.
 */
class BadCallsTest {
  private final Generator g = new Generator(5);

  private Tensor randn(long... shape) {
    return Tensor.of(CreationKernels.randn(shape, DType.FLOAT32, g));
  }

  @Test
  void wrongNumberOfInputs() {
    assertThatThrownBy(
            () ->
                Export.export(
                    new DynamicModel(), new Object[] {randn(6, 5), randn(4), randn(8, 4)}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "DynamicModel.forward takes 4 inputs (w, x, y, z) but 3 example inputs were given");
    assertThatThrownBy(
            () -> new DynamicModel().call(randn(6, 5), randn(4), randn(8, 4), randn(32), randn(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DynamicModel.forward takes 4 inputs (w, x, y, z) but 5 were given");
  }

  @Test
  void wrongTypesOfInputs() {
    assertThatThrownBy(
            () ->
                Export.export(
                    new DynamicModel(), new Object[] {randn(6, 5), 4, randn(8, 4), randn(32)}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DynamicModel.forward takes a Tensor as input 1 (x), but got Integer 4");
    assertThatThrownBy(() -> new DynamicModel().call(randn(6, 5), randn(4), "y", randn(32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DynamicModel.forward takes a Tensor as input 2 (y), but got String y");
    assertThatThrownBy(() -> new DynamicModel().call(randn(6, 5), randn(4), randn(8, 4), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::add.Tensor: argument 'other' (position 1) must be a Tensor or a number, but got"
                + " None");
    assertThatThrownBy(
            () ->
                Export.export(
                    new DynamicModel(),
                    new Object[] {randn(6, 5), new Date(0), randn(8, 4), randn(32)}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "input at inputs['x'] is a java.util.Date; inputs must be tensors, integers, booleans,"
                + " floats, strings, null, or lists/arrays of these");
  }

  @Test
  void aBrokenBroadcastNamesTheOpAndBothShapes() {
    String message =
        "aten::add.Tensor: The size of tensor a (4) must match the size of tensor b (5) at"
            + " non-singleton dimension 1 (shapes [4] and [8, 5])";
    assertThatThrownBy(() -> new DynamicModel().call(randn(6, 5), randn(4), randn(8, 5), randn(40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(
            () ->
                Export.export(
                    new DynamicModel(),
                    new Object[] {randn(6, 5), randn(4), randn(8, 5), randn(40)}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    // With symbolic sizes: the guard that failed, at the example values, and the model's line.
    assertThatThrownBy(
            () ->
                Export.export(
                    new DynamicModel(),
                    new Object[] {randn(6, 5), randn(4), randn(8, 5), randn(40)},
                    Map.of("x", List.of(Dim.AUTO), "y", List.of(Dim.AUTO, Dim.AUTO))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "aten::add.Tensor: The size of tensor a (4) must match the size of tensor b (5) at"
                + " non-singleton dimension 1 (shapes [s0] and [s1, s2]) (check(Eq(s0, s2)) failed"
                + " on the example inputs (s0 = 4, s2 = 5) at DynamicModel.java:19 in forward)");
  }
}
