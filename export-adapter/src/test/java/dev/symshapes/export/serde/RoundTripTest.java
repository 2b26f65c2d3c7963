package dev.symshapes.export.serde;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.tutorial.TutorialCase;
import dev.symshapes.export.tutorial.TutorialCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code load(save(ep))} for every program of {@link SerdePrograms}: it prints identically, has
 * equal range constraints and signature, runs to the same results, and writing it again gives the
 * same JSON.
 */
class RoundTripTest {
  @TempDir Path dir;

  static Stream<SerdePrograms.Case> cases() {
    List<SerdePrograms.Case> all = new ArrayList<>(SerdePrograms.flowCases());
    for (TutorialCase c : TutorialCases.all()) {
      all.addAll(SerdePrograms.TUTORIAL.getOrDefault(c.id(), List.of()));
    }
    return all.stream();
  }

  @Test
  void everyRegisteredTutorialCaseHasItsPrograms() {
    for (TutorialCase c : TutorialCases.all()) {
      assertThat(SerdePrograms.TUTORIAL)
          .as(
              "tutorial case %s is registered but SerdePrograms.TUTORIAL lists no programs for it:"
                  + " add them",
              c.id())
          .containsKey(c.id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void archiveRoundTrip(SerdePrograms.Case c) {
    ExportedProgram ep = c.program();
    Path file = dir.resolve("model.pt2");
    Pt2Archive.save(ep, file);
    ExportedProgram loaded = Pt2Archive.load(file);
    assertSame(ep, loaded);
    Object expected = ep.module().call(c.inputs().get());
    Object actual = loaded.module().call(c.inputs().get());
    assertSameValue(expected, actual, "output");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jsonRoundTripIsStable(SerdePrograms.Case c) {
    ExportedProgram ep = c.program();
    String json = ProgramJson.write(ep);
    ExportedProgram loaded =
        ProgramJson.read(
            json.getBytes(UTF_8), ep.stateDict(), ep.constants(), LoadOptions.defaults());
    assertSame(ep, loaded);
    assertThat(ProgramJson.write(loaded)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loadedShapeEnvKnowsTheSymbols(SerdePrograms.Case c) {
    ExportedProgram ep = c.program();
    ExportedProgram loaded =
        ProgramJson.read(json(ep), ep.stateDict(), ep.constants(), LoadOptions.defaults());
    // Every range constraint holds in the re-created environment: the bound of each key lies in
    // its declared range.
    loaded
        .rangeConstraints()
        .forEach(
            (e, r) ->
                assertThat(
                        r.lower().compareTo(loaded.shapeEnv().bound(e).lower()) <= 0
                            || !r.lower().isFinite())
                    .as(
                        "lower bound of %s: declared %s, environment %s",
                        e, r, loaded.shapeEnv().bound(e))
                    .isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theSolverProvesTheSameAboutTheLoadedProgram(SerdePrograms.Case c) {
    ExportedProgram ep = c.program();
    ExportedProgram loaded =
        ProgramJson.read(json(ep), ep.stateDict(), ep.constants(), LoadOptions.defaults());
    assertThat(ConstraintReport.of(loaded).toString())
        .isEqualTo(ConstraintReport.of(ep).toString());
  }

  private static byte[] json(ExportedProgram ep) {
    return ProgramJson.write(ep).getBytes(UTF_8);
  }

  static void assertSame(ExportedProgram ep, ExportedProgram loaded) {
    assertThat(loaded.toString()).isEqualTo(ep.toString());
    assertThat(loaded.guards().rangeConstraintsString())
        .isEqualTo(ep.guards().rangeConstraintsString());
    GraphSignature a = ep.graphSignature();
    GraphSignature b = loaded.graphSignature();
    assertThat(b.inputs()).isEqualTo(a.inputs());
    assertThat(b.outputs()).hasSameSizeAs(a.outputs());
    for (int i = 0; i < a.outputs().size(); i++) {
      GraphSignature.OutputSpec x = a.outputs().get(i);
      GraphSignature.OutputSpec y = b.outputs().get(i);
      assertThat(y.kind()).isEqualTo(x.kind());
      assertThat(y.name()).isEqualTo(x.name());
      assertThat(y.argumentType()).isEqualTo(x.argumentType());
      assertThat(y.target()).isEqualTo(x.target());
      assertSameValue(x.value().orElse(null), y.value().orElse(null), "constant output " + i);
    }
    assertThat(loaded.argsSpec()).isEqualTo(ep.argsSpec());
    assertThat(loaded.outSpec()).isEqualTo(ep.outSpec());
    assertThat(loaded.userInputNames()).isEqualTo(ep.userInputNames());
    assertThat(loaded.guards().pythonGuards()).isEqualTo(ep.guards().pythonGuards());
    assertThat(loaded.stateDict().keySet()).isEqualTo(ep.stateDict().keySet());
    ep.stateDict()
        .forEach((k, v) -> assertThat(loaded.stateDict().get(k).contentEquals(v)).as(k).isTrue());
    ep.constants()
        .forEach((k, v) -> assertThat(loaded.constants().get(k).contentEquals(v)).as(k).isTrue());
  }

  static void assertSameValue(Object a, Object b, String where) {
    if (a instanceof Tensor x) {
      assertThat(b).as(where).isInstanceOf(Tensor.class);
      assertThat(((Tensor) b).data().contentEquals(x.data())).as(where).isTrue();
    } else if (a instanceof Object[] x) {
      assertThat(b).as(where).isInstanceOf(Object[].class);
      Object[] y = (Object[]) b;
      assertThat(y).as(where).hasSameSizeAs(x);
      for (int i = 0; i < x.length; i++) {
        assertSameValue(x[i], y[i], where + "[" + i + "]");
      }
    } else if (a instanceof List<?> x) {
      assertThat(b).as(where).isInstanceOf(List.class);
      List<?> y = (List<?>) b;
      assertThat(y).as(where).hasSameSizeAs(x);
      for (int i = 0; i < x.size(); i++) {
        assertSameValue(x.get(i), y.get(i), where + "[" + i + "]");
      }
    } else {
      assertThat(plain(b)).as(where).isEqualTo(plain(a));
    }
  }

  /** Integers as {@code Long}, floats as {@code Double}, constant symbolic values as constants. */
  private static Object plain(Object v) {
    if (v instanceof SymInt s) {
      return s.constantValue();
    }
    if (v instanceof SymBool b) {
      return b.expr().isTrue();
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }
}
