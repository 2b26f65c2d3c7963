package dev.symshapes.export.serde;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.trace.Tensor;
import dev.symshapes.export.tutorial.TutorialCase;
import dev.symshapes.export.tutorial.TutorialCases;
import dev.symshapes.export.tutorial.TutorialRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code load(save(ep))} for every program of {@link SerdePrograms}, the programs every registered
 * tutorial case records and the export-flow models: it prints identically, has equal range
 * constraints and signature, runs to the same results, and writing it again gives the same JSON.
 */
class RoundTripTest {
  @TempDir Path dir;

  static Stream<SerdePrograms.Case> cases() {
    return SerdePrograms.all().stream();
  }

  @Test
  void tutorialCasesRecordProgramsUnlessTheyAreAboutAnError() {
    Map<String, ImmutableList<TutorialRun.Recorded>> recorded = SerdePrograms.recorded();
    assertThat(recorded.keySet())
        .containsExactlyElementsOf(TutorialCases.all().stream().map(TutorialCase::id).toList());
    assertThat(SerdePrograms.NO_PROGRAM.keySet())
        .as("cases listed as exporting no program must be registered")
        .isSubsetOf(recorded.keySet());
    recorded.forEach(
        (id, programs) -> {
          if (SerdePrograms.NO_PROGRAM.containsKey(id)) {
            assertThat(programs)
                .as(
                    "tutorial case %s is listed in SerdePrograms.NO_PROGRAM (%s) but records"
                        + " programs: take it out of the list",
                    id, SerdePrograms.NO_PROGRAM.get(id))
                .isEmpty();
          } else {
            assertThat(programs)
                .as(
                    "tutorial case %s records no program: call run.exported(ep, inputs) for each"
                        + " program it exports, or list it in SerdePrograms.NO_PROGRAM with why",
                    id)
                .isNotEmpty();
          }
        });
  }

  @Test
  void recordedProgramsAreNumberedFromOneInExportOrder() {
    ImmutableList<TutorialRun.Recorded> t24 = SerdePrograms.recorded().get("T24");
    assertThat(t24)
        .extracting(TutorialRun.Recorded::name)
        .containsExactly("T24-1", "T24-2", "T24-3");
    // The second program is the one whose predicate stays symbolic: dimension 2 is s0.
    assertThat(t24.get(1).program().toString()).contains("x: \"f32[6, 4, s0]\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void archiveRoundTrip(SerdePrograms.Case c) {
    ExportedProgram ep = c.program();
    Path file = dir.resolve("model.pt2");
    Pt2Archive.save(ep, file);
    ExportedProgram loaded = Pt2Archive.load(file, SerdePrograms.loadOptions(ep));
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
            json.getBytes(UTF_8), ep.stateDict(), ep.constants(), SerdePrograms.loadOptions(ep));
    assertSame(ep, loaded);
    assertThat(ProgramJson.write(loaded)).isEqualTo(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loadedShapeEnvKnowsTheSymbols(SerdePrograms.Case c) {
    ExportedProgram ep = c.program();
    ExportedProgram loaded =
        ProgramJson.read(json(ep), ep.stateDict(), ep.constants(), SerdePrograms.loadOptions(ep));
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
        ProgramJson.read(json(ep), ep.stateDict(), ep.constants(), SerdePrograms.loadOptions(ep));
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
