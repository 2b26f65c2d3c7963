package dev.symshapes.export.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symshapes.export.program.ExportedProgram;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON that symshapes writes, checked field by field against PyTorch's schema ({@code
 * torch/_export/serde/schema.py}, {@code SCHEMA_VERSION = (8, 17)}), written out below as a table:
 * every dataclass is an object with exactly its fields, in order; every union an object with
 * exactly one key among its fields; every enum an integer among its values; a float a number or one
 * of the strings {@code Infinity}, {@code -Infinity}, {@code NaN}; an optional field may be {@code
 * null}. The same table checks the hand-written PyTorch fixture, so the table itself is tested
 * against a file in PyTorch's format.
 */
class SchemaFieldsTest {
  @TempDir Path dir;

  /** {@code Name: field type, field type, ...}; {@code union Name: ...} for unions. */
  private static final String[] SCHEMA = {
    "ExportedProgram: graph_module GraphModule, opset_version dict<int>, range_constraints"
        + " dict<RangeConstraint>, schema_version SchemaVersion, verifiers list<str>, torch_version"
        + " str, guards_code list<str>",
    "GraphModule: graph Graph, signature GraphSignature, module_call_graph list<ModuleCallEntry>,"
        + " metadata dict<str>, treespec_namedtuple_fields dict<NamedTupleDef>",
    "Graph: inputs list<Argument>, outputs list<Argument>, nodes list<Node>, tensor_values"
        + " dict<TensorMeta>, sym_int_values dict<SymInt>, sym_bool_values dict<SymBool>,"
        + " is_single_tensor_return bool, custom_obj_values dict<CustomObjArgument>,"
        + " sym_float_values dict<SymFloat>",
    "Node: target str, inputs list<NamedArgument>, outputs list<Argument>, metadata dict<str>,"
        + " is_hop_single_tensor_return ?bool, name ?str",
    "NamedArgument: name str, arg Argument, kind ?ArgumentKind",
    "union Argument: as_none bool, as_tensor TensorArgument, as_tensors list<TensorArgument>,"
        + " as_int int, as_ints list<int>, as_float float, as_floats list<float>, as_string str,"
        + " as_strings list<str>, as_sym_int SymIntArgument, as_sym_ints list<SymIntArgument>,"
        + " as_scalar_type ScalarType, as_memory_format MemoryFormat, as_layout Layout, as_device"
        + " Device, as_bool bool, as_bools list<bool>, as_sym_bool SymBoolArgument, as_sym_bools"
        + " list<SymBoolArgument>, as_graph GraphArgument, as_optional_tensors"
        + " list<OptionalTensorArgument>, as_custom_obj CustomObjArgument, as_operator str,"
        + " as_sym_float SymFloatArgument, as_sym_floats list<SymFloatArgument>,"
        + " as_optional_tensor OptionalTensorArgument, as_complex ComplexValue, as_nested_tensors"
        + " list<list<TensorArgument>>, as_int_lists list<list<int>>",
    "TensorArgument: name str",
    "TokenArgument: name str",
    "CustomObjArgument: name str, class_fqn str",
    "ComplexValue: real float, imag float",
    "GraphArgument: name str, graph Graph",
    "union SymIntArgument: as_name str, as_int int",
    "union SymFloatArgument: as_name str, as_float float",
    "union SymBoolArgument: as_name str, as_bool bool",
    "union OptionalTensorArgument: as_tensor TensorArgument, as_none bool",
    "TensorMeta: dtype ScalarType, sizes list<SymInt>, requires_grad bool, device Device, strides"
        + " list<SymInt>, storage_offset SymInt, layout Layout",
    "Device: type str, index ?int",
    "union SymInt: as_expr SymExpr, as_int int",
    "union SymFloat: as_expr SymExpr, as_float float",
    "union SymBool: as_expr SymExpr, as_bool bool",
    "SymExpr: expr_str str, hint ?SymExprHint",
    "union SymExprHint: as_int int, as_bool bool, as_float float",
    "GraphSignature: input_specs list<InputSpec>, output_specs list<OutputSpec>",
    "union InputSpec: user_input UserInputSpec, parameter InputToParameterSpec, buffer"
        + " InputToBufferSpec, tensor_constant InputToTensorConstantSpec, custom_obj"
        + " InputToCustomObjSpec, token InputTokenSpec, constant_input InputToConstantInputSpec",
    "UserInputSpec: arg Argument",
    "InputToParameterSpec: arg TensorArgument, parameter_name str",
    "InputToBufferSpec: arg TensorArgument, buffer_name str, persistent bool",
    "InputToTensorConstantSpec: arg TensorArgument, tensor_constant_name str",
    "InputToCustomObjSpec: arg CustomObjArgument, custom_obj_name str",
    "InputTokenSpec: arg TokenArgument",
    "InputToConstantInputSpec: name str, value ConstantValue",
    "union ConstantValue: as_none bool, as_int int, as_float float, as_string str, as_bool bool",
    "union OutputSpec: user_output UserOutputSpec, loss_output LossOutputSpec, buffer_mutation"
        + " BufferMutationSpec, gradient_to_parameter GradientToParameterSpec,"
        + " gradient_to_user_input GradientToUserInputSpec, user_input_mutation"
        + " UserInputMutationSpec, token OutputTokenSpec, parameter_mutation"
        + " ParameterMutationSpec",
    "UserOutputSpec: arg Argument",
    "LossOutputSpec: arg TensorArgument",
    "BufferMutationSpec: arg TensorArgument, buffer_name str",
    "ParameterMutationSpec: arg TensorArgument, parameter_name str",
    "GradientToParameterSpec: arg TensorArgument, parameter_name str",
    "GradientToUserInputSpec: arg TensorArgument, user_input_name str",
    "UserInputMutationSpec: arg TensorArgument, user_input_name str",
    "OutputTokenSpec: arg TokenArgument",
    "RangeConstraint: min_val ?int, max_val ?int",
    "ModuleCallSignature: inputs list<Argument>, outputs list<Argument>, in_spec str, out_spec"
        + " str, forward_arg_names ?list<str>",
    "ModuleCallEntry: fqn str, signature ?ModuleCallSignature",
    "NamedTupleDef: field_names list<str>",
    "SchemaVersion: major int, minor int",
    "PayloadMeta: path_name str, is_param bool, use_pickle bool, tensor_meta ?TensorMeta",
    "PayloadConfig: config dict<PayloadMeta>",
  };

  /** The IntEnums and their values. */
  private static final Map<String, Set<Integer>> ENUMS =
      Map.of(
          "ScalarType", Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 28, 29, 30, 31, 32),
          "Layout", Set.of(0, 1, 2, 3, 4, 5, 6, 7),
          "MemoryFormat", Set.of(0, 1, 2, 3, 4),
          "ArgumentKind", Set.of(0, 1, 2));

  private record Type(boolean union, LinkedHashMap<String, String> fields) {}

  private static final Map<String, Type> TYPES = new LinkedHashMap<>();

  static {
    for (String line : SCHEMA) {
      boolean union = line.startsWith("union ");
      String body = union ? line.substring(6) : line;
      int colon = body.indexOf(':');
      LinkedHashMap<String, String> fields = new LinkedHashMap<>();
      for (String f : body.substring(colon + 1).split(",(?![^<]*>)")) {
        String[] p = f.trim().split(" ", 2);
        fields.put(p[0], p[1]);
      }
      TYPES.put(body.substring(0, colon), new Type(union, fields));
    }
  }

  static void check(JsonNode n, String type, String path, List<String> errors) {
    if (type.startsWith("?")) {
      if (n.isNull()) {
        return;
      }
      type = type.substring(1);
    }
    if (type.startsWith("list<")) {
      if (!n.isArray()) {
        errors.add(path + ": expected a list");
        return;
      }
      String inner = type.substring(5, type.length() - 1);
      for (int i = 0; i < n.size(); i++) {
        check(n.get(i), inner, path + "[" + i + "]", errors);
      }
      return;
    }
    if (type.startsWith("dict<")) {
      if (!n.isObject()) {
        errors.add(path + ": expected an object");
        return;
      }
      String inner = type.substring(5, type.length() - 1);
      n.fields().forEachRemaining(e -> check(e.getValue(), inner, path + "." + e.getKey(), errors));
      return;
    }
    switch (type) {
      case "str":
        if (!n.isTextual()) {
          errors.add(path + ": expected a string, found " + n);
        }
        return;
      case "int":
        if (!n.isIntegralNumber()) {
          errors.add(path + ": expected an integer, found " + n);
        }
        return;
      case "bool":
        if (!n.isBoolean()) {
          errors.add(path + ": expected a boolean, found " + n);
        }
        return;
      case "float":
        if (!n.isNumber()
            && !(n.isTextual() && Set.of("Infinity", "-Infinity", "NaN").contains(n.textValue()))) {
          errors.add(path + ": expected a float, found " + n);
        }
        return;
      default:
        break;
    }
    if (ENUMS.containsKey(type)) {
      if (!n.isIntegralNumber() || !ENUMS.get(type).contains(n.intValue())) {
        errors.add(path + ": expected a " + type + " value (an integer), found " + n);
      }
      return;
    }
    Type t = TYPES.get(type);
    if (t == null) {
      throw new IllegalStateException("no schema type " + type);
    }
    if (!n.isObject()) {
      errors.add(path + ": expected a " + type + " object, found " + n);
      return;
    }
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    if (t.union()) {
      if (keys.size() != 1 || !t.fields().containsKey(keys.get(0))) {
        errors.add(
            path
                + ": a "
                + type
                + " union must have exactly one of "
                + t.fields().keySet()
                + ", found "
                + keys);
        return;
      }
      check(n.get(keys.get(0)), t.fields().get(keys.get(0)), path + "." + keys.get(0), errors);
      return;
    }
    if (!keys.equals(new ArrayList<>(t.fields().keySet()))) {
      errors.add(
          path + ": " + type + " must have the fields " + t.fields().keySet() + ", found " + keys);
      return;
    }
    for (Iterator<Map.Entry<String, String>> it = t.fields().entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, String> f = it.next();
      check(n.get(f.getKey()), f.getValue(), path + "." + f.getKey(), errors);
    }
  }

  static List<String> errors(JsonNode n, String type) {
    List<String> errors = new ArrayList<>();
    check(n, type, "$", errors);
    return errors;
  }

  static JsonNode tree(String json) throws IOException {
    return new ObjectMapper().readTree(json);
  }

  static java.util.stream.Stream<SerdePrograms.Case> cases() {
    return RoundTripTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFieldFollowsTheSchema(SerdePrograms.Case c) throws IOException {
    JsonNode n = tree(ProgramJson.write(c.program()));
    assertThat(errors(n, "ExportedProgram")).isEmpty();
    assertThat(n.get("schema_version").toString()).isEqualTo("{\"major\":8,\"minor\":17}");
    // Every symbolic expression is sympy's srepr.
    n.findValues("expr_str")
        .forEach(e -> assertThat(e.textValue()).containsAnyOf("Symbol(", "Integer("));
  }

  @Test
  void thePyTorchFixtureFollowsTheSchemaTable() throws IOException {
    JsonNode n =
        tree(
            new String(
                PyTorchFixtureTest.fixture("pytorch_dynamic_cond.json"),
                java.nio.charset.StandardCharsets.UTF_8));
    assertThat(errors(n, "ExportedProgram")).isEmpty();
  }

  @Test
  void theTableCatchesDeviations() throws IOException {
    assertThat(errors(tree("{\"as_int\": 1, \"as_bool\": true}"), "Argument"))
        .containsExactly(
            "$: a Argument union must have exactly one of "
                + TYPES.get("Argument").fields().keySet()
                + ", found [as_int, as_bool]");
    assertThat(errors(tree("{\"min_val\": 2}"), "RangeConstraint"))
        .containsExactly(
            "$: RangeConstraint must have the fields [min_val, max_val], found [min_val]");
    assertThat(
            errors(
                tree("{\"name\": \"x\", \"arg\": {\"as_int\": 1}, \"kind\": \"POSITIONAL\"}"),
                "NamedArgument"))
        .containsExactly(
            "$.kind: expected a ArgumentKind value (an integer), found \"POSITIONAL\"");
  }

  @Test
  void specificFacts() throws IOException {
    ExportedProgram t07 = SerdePrograms.tutorial("T07-1").program();
    JsonNode n = tree(ProgramJson.write(t07));
    // An infinite bound is null.
    assertThat(n.get("range_constraints").toString())
        .isEqualTo(
            "{\"s0\":{\"min_val\":2,\"max_val\":null},\"s2\":{\"min_val\":2,\"max_val\":null},"
                + "\"s3\":{\"min_val\":2,\"max_val\":null},\"s2*s3\":{\"min_val\":4,\"max_val\":null}}");
    JsonNode graph = n.get("graph_module").get("graph");
    // Symbolic sizes: srepr with the hint.
    assertThat(graph.get("tensor_values").get("z").get("sizes").toString())
        .isEqualTo(
            "[{\"as_expr\":{\"expr_str\":\"Mul(Symbol('s2', integer=True, positive=True),"
                + " Symbol('s3', integer=True, positive=True))\",\"hint\":{\"as_int\":32}}}]");
    assertThat(graph.get("tensor_values").get("z").get("dtype").intValue()).isEqualTo(7);
    assertThat(graph.get("tensor_values").get("z").get("layout").intValue()).isEqualTo(7);
    // Inputs named after the op schema's arguments, with ArgumentKind integers.
    JsonNode linear = null;
    for (JsonNode node : graph.get("nodes")) {
      if (node.get("name").textValue().equals("linear")) {
        linear = node;
      }
    }
    assertThat(linear).as("the linear node").isNotNull();
    assertThat(linear.toString())
        .isEqualTo(
            "{\"target\":\"torch.ops.aten.linear.default\",\"inputs\":[{\"name\":\"input\","
                + "\"arg\":{\"as_tensor\":{\"name\":\"w\"}},\"kind\":1},{\"name\":\"weight\",\"arg\":"
                + "{\"as_tensor\":{\"name\":\"p_l_weight\"}},\"kind\":1},{\"name\":\"bias\",\"arg\":"
                + "{\"as_tensor\":{\"name\":\"p_l_bias\"}},\"kind\":1}],\"outputs\":[{\"as_tensor\":"
                + "{\"name\":\"linear\"}}],\"metadata\":{},\"is_hop_single_tensor_return\":null,"
                + "\"name\":\"linear\"}");
    JsonNode sig = n.get("graph_module").get("signature");
    assertThat(sig.get("input_specs").get(0).toString())
        .isEqualTo(
            "{\"parameter\":{\"arg\":{\"name\":\"p_l_weight\"},\"parameter_name\":\"l.weight\"}}");
    JsonNode call = n.get("graph_module").get("module_call_graph").get(0);
    assertThat(call.get("fqn").textValue()).isEmpty();
    String leaf = "{\"type\": null, \"context\": null, \"children_spec\": []}";
    assertThat(call.get("signature").get("in_spec").textValue())
        .isEqualTo(
            "[1, {\"type\": \"builtins.tuple\", \"context\": \"null\", \"children_spec\":"
                + " [{\"type\": \"builtins.tuple\", \"context\": \"null\", \"children_spec\": ["
                + String.join(", ", leaf, leaf, leaf, leaf)
                + "]}, {\"type\": \"builtins.dict\", \"context\": \"[]\", \"children_spec\":"
                + " []}]}]");
    assertThat(call.get("signature").get("forward_arg_names").toString())
        .isEqualTo("[\"w\",\"x\",\"y\",\"z\"]");
  }

  @Test
  void symOpsAndAsserts() throws IOException {
    ExportedProgram t17 = SerdePrograms.tutorial("T17-1").program();
    JsonNode nodes = tree(ProgramJson.write(t17)).get("graph_module").get("graph").get("nodes");
    assertThat(nodes.get(1).get("target").textValue()).isEqualTo("_operator.ge");
    assertThat(nodes.get(1).get("inputs").toString())
        .isEqualTo(
            "[{\"name\":\"a\",\"arg\":{\"as_sym_int\":{\"as_name\":\"item\"}},\"kind\":1},"
                + "{\"name\":\"b\",\"arg\":{\"as_int\":10},\"kind\":1}]");
    assertThat(nodes.get(2).get("target").textValue())
        .isEqualTo("torch.ops.aten._assert_scalar.default");
    assertThat(nodes.get(2).get("outputs").toString()).isEqualTo("[]");
    JsonNode boolValue =
        tree(ProgramJson.write(t17))
            .get("graph_module")
            .get("graph")
            .get("sym_bool_values")
            .get("ge_1");
    assertThat(boolValue.toString())
        .isEqualTo(
            "{\"as_expr\":{\"expr_str\":\"GreaterThan(Symbol('u0', integer=True), Integer(10))\","
                + "\"hint\":null}}");
  }

  @Test
  void payloadConfigFollowsTheSchema() throws IOException {
    Path file = dir.resolve("m.pt2");
    Pt2Archive.save(SerdePrograms.tutorial("T01-1").program(), file);
    try (ZipFile z = new ZipFile(file.toFile())) {
      List<String> names = new ArrayList<>();
      z.stream().forEach(e -> names.add(e.getName()));
      assertThat(names)
          .containsExactly(
              "m/data/weights/weight_0",
              "m/data/weights/weight_1",
              "m/data/weights/model_weights_config.json",
              "m/data/constants/model_constants_config.json",
              "m/models/model.json",
              "m/data/sample_inputs/model.pt",
              "m/archive_format",
              "m/archive_version",
              "m/byteorder",
              "m/.data/version");
      JsonNode config =
          new ObjectMapper()
              .readTree(z.getInputStream(z.getEntry("m/data/weights/model_weights_config.json")));
      assertThat(errors(config, "PayloadConfig")).isEmpty();
      assertThat(config.get("config").get("lin.weight").get("path_name").textValue())
          .isEqualTo("weight_0");
      assertThat(z.getEntry("m/data/weights/weight_0").getSize()).isEqualTo(10 * 100 * 4);
      assertThat(
              new String(
                  z.getInputStream(z.getEntry("m/archive_format")).readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("pt2");
    }
  }
}
