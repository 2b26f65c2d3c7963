package dev.symshapes.export.dims;

import static dev.symshapes.export.dims.ViolationRoundTripTest.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symshapes.export.dynamic.Dim;
import dev.symshapes.export.dynamic.DynamicShapes;
import dev.symshapes.solver.constraint.SuggestedFix;
import dev.symshapes.solver.constraint.SuggestedFix.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Applying suggested fixes to specs, case by case, and fixes that do not fit the spec. */
class RefineTest {
  private final Dim dx = Dim.of("dx");
  private final Dim dy = Dim.of("dy", 0, 64);

  @Test
  void specializeComposesWithDerivedDims() {
    Map<String, Object> s =
        spec("x", List.of(dx, dx.times(2).plus(1)), "y", Arrays.asList(null, dx));
    Map<String, Object> r =
        DynamicShapes.refine(s, List.of(new SuggestedFix.Specialize(Target.dim("dx"), 4)));
    assertThat(r).hasToString("{x=[4, 9], y=[null, 4]}");
  }

  @Test
  void relateMakesADerivedDimAndComposes() {
    Map<String, Object> s = spec("x", List.of(dx), "y", List.of(dy, dy.times(3)));
    Map<String, Object> r =
        DynamicShapes.refine(s, List.of(new SuggestedFix.Relate(Target.dim("dy"), "dx", 2, 1)));
    assertThat(r).hasToString("{x=[Dim('dx')], y=[2*dx + 1, 6*dx + 3]}");
  }

  @Test
  void newRangesApplyToDerivedDimsAndIntroduceRoots() {
    Map<String, Object> s = spec("x", List.of(dx, dx.plus(1)), "z", Map.of(0, dy));
    Map<String, Object> r =
        DynamicShapes.refine(
            s,
            List.of(
                new SuggestedFix.NewRange("dx", 4, OptionalLong.of(100)),
                new SuggestedFix.NewRange("_dy", 1, OptionalLong.of(16)),
                new SuggestedFix.Relate(Target.dim("dy"), "_dy", 4, 0)));
    assertThat(r).hasToString("{x=[Dim('dx', min=4, max=100), dx + 1], z={0=4*_dy}}");
    Dim derived = (Dim) ((List<?>) r.get("x")).get(1);
    assertThat(derived.range()).hasToString("VR[5, 101]");
  }

  @Test
  void pathFixesChangeOnePosition() {
    Map<String, Object> s =
        spec(
            "w",
            Arrays.asList(Dim.AUTO, Dim.DYNAMIC),
            "xs",
            List.of(List.of(Dim.AUTO), List.of(dx)));
    Map<String, Object> r =
        DynamicShapes.refine(
            s,
            List.of(
                new SuggestedFix.Specialize(Target.specPath("dynamic_shapes['w'][1]"), 5),
                new SuggestedFix.Relate(Target.specPath("dynamic_shapes['xs'][0][0]"), "dx", 1, 0),
                new SuggestedFix.MakeAuto(Target.specPath("dynamic_shapes['xs'][1][0]"))));
    assertThat(r).hasToString("{w=[Dim.AUTO, 5], xs=[[Dim('dx')], [Dim.AUTO]]}");
    assertThat(s).hasToString("{w=[Dim.AUTO, Dim.DYNAMIC], xs=[[Dim.AUTO], [Dim('dx')]]}");
  }

  @Test
  void fixesThatDoNotFitTheSpec() {
    Map<String, Object> s = spec("x", List.of(dx));
    assertThatThrownBy(
            () ->
                DynamicShapes.refine(s, List.of(new SuggestedFix.Specialize(Target.dim("dq"), 4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("suggested fix 'dq = 4' names dq, which the spec does not use");
    assertThatThrownBy(
            () ->
                DynamicShapes.refine(
                    s,
                    List.of(
                        new SuggestedFix.Specialize(Target.specPath("dynamic_shapes['x'][3]"), 4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "suggested fix 'dynamic_shapes['x'][3]' names a position the spec does not have");
    assertThatThrownBy(
            () ->
                DynamicShapes.refine(
                    spec("x", List.of(dx), "y", List.of(dy)),
                    List.of(
                        new SuggestedFix.Relate(Target.dim("dx"), "dy", 1, 0),
                        new SuggestedFix.Relate(Target.dim("dy"), "dx", 1, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the suggested fixes for dx are circular");
  }
}
