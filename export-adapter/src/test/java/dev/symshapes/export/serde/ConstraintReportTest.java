package dev.symshapes.export.serde;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.program.ExportedProgram;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What {@link ConstraintReport} proves about the conditions and ranges of programs. */
class ConstraintReportTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String U0 = "Symbol('u0', integer=True)";

  /** The PyTorch fixture with more asserts, a guard, and a loose range for u0. */
  static ExportedProgram annotated() throws IOException {
    ObjectNode ep =
        (ObjectNode) M.readTree(PyTorchFixtureTest.fixture("pytorch_dynamic_cond.json"));
    ObjectNode graph = (ObjectNode) ep.get("graph_module").get("graph");
    ArrayNode nodes = (ArrayNode) graph.get("nodes");
    ObjectNode bools = (ObjectNode) graph.get("sym_bool_values");
    int at = 11; // after the assert u0 <= 16
    String[][] extra = {
      {"ge_1", "_operator.ge", "-5", "GreaterThan(" + U0 + ", Integer(-5))", "u0 >= -5"},
      {"gt_1", "_operator.gt", "100", "StrictGreaterThan(" + U0 + ", Integer(100))", "u0 > 100"},
      {"le_1", "_operator.le", "12", "LessThan(" + U0 + ", Integer(12))", "u0 <= 12"},
    };
    for (String[] e : extra) {
      nodes.insert(
          at++,
          M.readTree(
              "{\"target\": \""
                  + e[1]
                  + "\", \"inputs\": [{\"name\": \"a\", \"arg\": {\"as_sym_int\":"
                  + " {\"as_name\": \"item\"}}, \"kind\": 1}, {\"name\": \"b\", \"arg\": {\"as_int\": "
                  + e[2]
                  + "}, \"kind\": 1}], \"outputs\": [{\"as_sym_bool\": {\"as_name\": \""
                  + e[0]
                  + "\"}}], \"metadata\": {}, \"is_hop_single_tensor_return\": null, \"name\": \""
                  + e[0]
                  + "\"}"));
      nodes.insert(
          at++,
          M.readTree(
              "{\"target\": \"torch.ops.aten._assert_scalar.default\", \"inputs\": [{\"name\":"
                  + " \"self\", \"arg\": {\"as_sym_bool\": {\"as_name\": \""
                  + e[0]
                  + "\"}}, \"kind\":"
                  + " 1}, {\"name\": \"assert_msg\", \"arg\": {\"as_string\": \"Runtime assertion failed"
                  + " for expression "
                  + e[4]
                  + " on node '"
                  + e[0]
                  + "'\"}, \"kind\": 1}], \"outputs\":"
                  + " [], \"metadata\": {}, \"is_hop_single_tensor_return\": null, \"name\":"
                  + " \"_assert_scalar_"
                  + e[0]
                  + "\"}"));
      bools.set(
          e[0], M.readTree("{\"as_expr\": {\"expr_str\": \"" + e[3] + "\", \"hint\": null}}"));
    }
    ((ObjectNode) ep.get("range_constraints").get("u0")).put("max_val", 64);
    ((ArrayNode) ep.get("guards_code")).add("L['x'].size()[0] != 7").add("L['x'].size()[0] >= 2");
    return ProgramJson.read(ep.toString().getBytes(UTF_8), LoadOptions.defaults());
  }

  @Test
  void provesWhatItCan() throws IOException {
    assertThat(ConstraintReport.of(annotated()).toString())
        .isEqualTo(
            "Runtime asserts:\n"
                + "    _assert_scalar_default: u0 >= 0: redundant (proved by range from what is checked before it)\n"
                + "    _assert_scalar_default_1: u0 <= 16: needed\n"
                + "    _assert_scalar_ge_1: u0 >= -5: redundant (proved by range from what is checked before it)\n"
                + "    _assert_scalar_gt_1: u0 > 100: can never hold (refuted by range from what is checked before it)\n"
                + "    _assert_scalar_le_1: u0 <= 12: needed\n"
                + "Guards:\n"
                + "    Ne(s0, 7): needed\n"
                + "Ranges:\n"
                + "    s0: VR[2, 32]: tight\n"
                + "    2*s0: VR[4, 64]: tight\n"
                + "    u0: VR[0, 64]: can be tightened to VR[0, 12]\n");
  }

  @Test
  void unenforcedRangesOfUnbackedSymbols() throws IOException {
    ObjectNode ep =
        (ObjectNode) M.readTree(PyTorchFixtureTest.fixture("pytorch_dynamic_cond.json"));
    ((ObjectNode) ep.get("range_constraints").get("u0")).put("max_val", 8);
    ExportedProgram p = ProgramJson.read(ep.toString().getBytes(UTF_8), LoadOptions.defaults());
    assertThat(ConstraintReport.of(p).toString())
        .endsWith(
            "    u0: VR[0, 8]: not enforced when the program runs; its checks only ensure VR[0, 16]\n");
  }

  @Test
  void freshlyExportedPrograms() {
    ExportedProgram t17 = SerdePrograms.tutorial("T17-1").program();
    assertThat(ConstraintReport.of(t17).toString())
        .isEqualTo(
            "Runtime asserts:\n"
                + "    _assert_scalar_default: u0 >= 10: needed\n"
                + "    _assert_scalar_default_1: u0 <= 60: needed\n"
                + "Guards:\n"
                + "    (none)\n"
                + "Ranges:\n"
                + "    u0: VR[10, 60]: enforced by the runtime asserts\n");
    ExportedProgram branch = SerdePrograms.flow("branch guard").program();
    assertThat(ConstraintReport.of(branch).toString())
        .isEqualTo(
            "Runtime asserts:\n"
                + "    (none)\n"
                + "Guards:\n"
                + "    Ne(s0, s1): needed\n"
                + "Ranges:\n"
                + "    s0: VR[2, int_oo]: tight\n"
                + "    s1: VR[2, int_oo]: tight\n");
  }
}
