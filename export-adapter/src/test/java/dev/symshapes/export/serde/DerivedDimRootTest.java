package dev.symshapes.export.serde;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.program.ExportedProgram;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A derived dim whose root is no input's size ({@code x: [Dim("dx", 4, 512) * 4, 3]}, T12's second
 * program): the guards name the root by the dim's name ({@code L['x'].size()[0] == 4*dx}), and
 * loading ties that name to the program's symbol {@code s1} again, or says why it cannot.
 */
class DerivedDimRootTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static ExportedProgram t12Divisible() {
    return SerdePrograms.tutorial("T12-2").program();
  }

  @Test
  void theRootNamedInTheGuardsIsTheProgramsSymbolAgain() {
    ExportedProgram ep = t12Divisible();
    assertThat(ep.guards().pythonGuards())
        .contains("L['x'].size()[0] == 4*dx", "4 <= dx and dx <= 512");
    ExportedProgram loaded =
        ProgramJson.read(
            ProgramJson.write(ep).getBytes(UTF_8),
            ep.stateDict(),
            ep.constants(),
            LoadOptions.defaults());
    // The loaded program binds its symbolic sizes (static ones are checked by their guards) and
    // the root, by its name, as the exported one does.
    assertThat(ep.guards().bindings().toString()).endsWith("SourceBinding[source=dx, expr=s1]]");
    assertThat(loaded.guards().bindings().toString())
        .isEqualTo(
            "[SourceBinding[source=L['x'].size()[0], expr=4*s1],"
                + " SourceBinding[source=dx, expr=s1]]");
    // Both guards follow from the bindings and ranges: nothing is left to check separately.
    assertThat(loaded.guards().residualChecks()).isEmpty();
    assertThat(loaded.module().call(SerdePrograms.randn(36, 3), SerdePrograms.randn(2, 2)))
        .isNotNull();
  }

  @Test
  void aNameNoEqualityTiesToASymbolIsRefused() throws IOException {
    ObjectNode json = (ObjectNode) M.readTree(ProgramJson.write(t12Divisible()));
    ArrayNode guards = (ArrayNode) json.get("guards_code");
    assertThat(guards.get(0).textValue()).isEqualTo("L['x'].size()[0] == 4*dx");
    guards.set(0, "L['x'].size()[0] == 3*dx");
    assertThatThrownBy(
            () -> ProgramJson.read(json.toString().getBytes(UTF_8), LoadOptions.defaults()))
        .isInstanceOf(SerdeException.class)
        .hasMessage(
            "guards_code[0]: the guard 'L['x'].size()[0] == 3*dx' refers to dx, which is not an"
                + " input of the program and no equality guard ties to one of its symbols");
  }
}
