package dev.symshapes.export.serde;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader accepts besides what symshapes writes, as PyTorch's reader does ({@code
 * _dict_to_dataclass} and {@code ExportedProgramDeserializer} of {@code serialize.py}): missing
 * optional fields, other minor versions and {@code 0.0}, expressions in sympy's {@code str} form
 * (older writers); and what it refuses, with messages that name the JSON path.
 */
class ReadCompatibilityTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static ObjectNode fixture() throws IOException {
    return (ObjectNode) M.readTree(PyTorchFixtureTest.fixture("pytorch_dynamic_cond.json"));
  }

  private static String read(JsonNode n) {
    return ProgramJson.read(n.toString().getBytes(UTF_8), LoadOptions.defaults()).toString();
  }

  private static void refused(JsonNode n, String message) {
    assertThatThrownBy(() -> ProgramJson.read(n.toString().getBytes(UTF_8), LoadOptions.defaults()))
        .isInstanceOf(SerdeException.class)
        .hasMessage(message);
  }

  @Test
  void missingOptionalFieldsAreDefaults() throws IOException {
    ObjectNode ep = fixture();
    for (String f : List.of("verifiers", "torch_version", "guards_code")) {
      ep.remove(f);
    }
    ObjectNode gm = (ObjectNode) ep.get("graph_module");
    gm.remove("metadata");
    gm.remove("treespec_namedtuple_fields");
    for (JsonNode g : ep.findParents("nodes")) {
      ((ObjectNode) g)
          .remove(List.of("is_single_tensor_return", "custom_obj_values", "sym_float_values"));
    }
    for (JsonNode node : ep.findParents("target")) {
      ((ObjectNode) node).remove(List.of("name", "is_hop_single_tensor_return", "metadata"));
    }
    for (JsonNode named : ep.findParents("kind")) {
      ((ObjectNode) named).remove("kind");
    }
    for (JsonNode expr : ep.findParents("expr_str")) {
      ((ObjectNode) expr).remove("hint");
    }
    // Without is_hop_single_tensor_return, a higher-order op with one tensor output returns that
    // tensor, not a tuple of it: PyTorch's rule for files written before the field existed.
    assertThat(read(ep))
        .isEqualTo(
            PyTorchFixtureTest.PRINTED.replace(
                "            cond = torch.ops.higher_order.cond(gt, true_graph_0, false_graph_0, [x])\n"
                    + "            getitem: \"f32[s0, 4]\" = cond[0]\n",
                "            getitem: \"f32[s0, 4]\" = torch.ops.higher_order.cond(gt, true_graph_0,"
                    + " false_graph_0, [x])\n"));
  }

  @Test
  void sympyStrExpressionsOfOlderWriters() throws IOException {
    String text = new String(PyTorchFixtureTest.fixture("pytorch_dynamic_cond.json"), UTF_8);
    String s0 = "Symbol('s0', integer=True, positive=True)";
    String u0 = "Symbol('u0', integer=True)";
    text =
        text.replace("Mul(Integer(2), " + s0 + ", " + u0 + ")", "2*s0*u0")
            .replace("Mul(Integer(2), " + s0 + ")", "2*s0")
            .replace("StrictGreaterThan(" + s0 + ", Integer(4))", "s0 > 4")
            .replace("GreaterThan(" + u0 + ", Integer(0))", "u0 >= 0")
            .replace("LessThan(" + u0 + ", Integer(16))", "u0 <= 16")
            .replace(s0, "s0")
            .replace(u0, "u0");
    assertThat(text).doesNotContain("Symbol(");
    assertThat(read(M.readTree(text))).isEqualTo(PyTorchFixtureTest.PRINTED);
  }

  @Test
  void versions() throws IOException {
    ObjectNode ep = fixture();
    ((ObjectNode) ep.get("schema_version")).put("minor", 99);
    assertThat(read(ep)).isEqualTo(PyTorchFixtureTest.PRINTED);
    ((ObjectNode) ep.get("schema_version")).put("major", 0).put("minor", 0);
    assertThat(read(ep)).isEqualTo(PyTorchFixtureTest.PRINTED);
    ((ObjectNode) ep.get("schema_version")).put("major", 9);
    refused(
        ep,
        "schema version 9.0 is not supported: symshapes reads PyTorch's export schema 8.x (the"
            + " file was written by 2.8.0)");
    ep.remove("schema_version");
    refused(ep, "$: missing field 'schema_version'");
  }

  @Test
  void malformedDocuments() throws IOException {
    ObjectNode ep = fixture();
    JsonNode input = ep.get("graph_module").get("graph").get("inputs").get(0);
    ((ObjectNode) input).put("as_int", 3);
    refused(
        ep,
        "graph_module.graph.inputs[0]: a union must have exactly one key, not 2 [as_tensor, as_int]");

    ep = fixture();
    ((ObjectNode) ep.get("graph_module").get("graph").get("nodes").get(1))
        .put("target", "_operator.getattr");
    refused(ep, "graph_module.graph.nodes[1].target: unknown target '_operator.getattr'");

    ep = fixture();
    ((ObjectNode)
            ep.get("graph_module")
                .get("graph")
                .get("tensor_values")
                .get("x")
                .get("sizes")
                .get(0)
                .get("as_expr"))
        .put("expr_str", "Symbol('s0', integer=True) +");
    refused(
        ep,
        "graph_module.graph.tensor_values.x.sizes[0].as_expr.expr_str: unexpected text at column 28"
            + " of the sympy expression 'Symbol('s0', integer=True) +'");

    ep = fixture();
    ((ObjectNode)
            ep.get("graph_module")
                .get("graph")
                .get("nodes")
                .get(4)
                .get("inputs")
                .get(1)
                .get("arg")
                .get("as_tensor"))
        .put("name", "nowhere");
    refused(
        ep,
        "graph_module.graph.nodes[4].inputs[1].arg.as_tensor: 'nowhere' is not defined before it is used");

    ep = fixture();
    ((ObjectNode) ep.get("range_constraints"))
        .set("s0", M.readTree("{\"min_val\": 8, \"max_val\": 4}"));
    refused(ep, "range_constraints.s0: the range [8, 4] is empty");

    refused(M.readTree("[]"), "$: expected an object, found a list");
    assertThatThrownBy(() -> ProgramJson.read("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(SerdeException.class)
        .hasMessageStartingWith("JSON: not valid JSON: Duplicate field 'a'");
  }

  @Test
  void symbolsOtherThanSizesAndUnbackedIntegersAreRefused() throws IOException {
    String text =
        new String(PyTorchFixtureTest.fixture("pytorch_dynamic_cond.json"), UTF_8)
            .replace("'u0'", "'zuf0'");
    assertThatThrownBy(() -> ProgramJson.read(text.getBytes(UTF_8), LoadOptions.defaults()))
        .isInstanceOf(SerdeException.class)
        .hasMessage(
            "symbol 'zuf0' is not supported: symshapes reads backed symbols s<n> and unbacked symbols u<n>");
  }
}
