package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.program.GraphSignature.OutputSpec;
import dev.symshapes.export.program.TreeSpec;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link ExportedProgram} as PyTorch's top-level {@code ExportedProgram} dataclass
 * ({@code ExportedProgramSerializer.serialize} of {@code torch/_export/serde/serialize.py}; field
 * order of {@code schema.py}):
 *
 * <ul>
 *   <li>{@code range_constraints}: {@code str(symbol)} to {@code {"min_val", "max_val"}}, an
 *       infinite bound as {@code null} ({@code serialize_range_constraints});
 *   <li>{@code module_call_graph}: one entry for the root module ({@code fqn} ""), whose {@code
 *       in_spec} and {@code out_spec} are {@code treespec_dumps} strings and {@code
 *       forward_arg_names} the names of {@code forward}'s parameters;
 *   <li>{@code guards_code}: the program's source-level guards ({@code L['x'].size()[0] <= 8});
 *   <li>{@code opset_version}: {@code {"aten": 10}}, {@code kProducedFileFormatVersion} of {@code
 *       caffe2/serialize/versions.h}; that {@code torch._C._get_max_operator_version()}, which
 *       PyTorch writes here, returns this constant is recalled, not confirmed in the sources.
 * </ul>
 */
public final class ProgramEncoder {
  /** The {@code torch_version} field: which producer wrote the file. */
  static final String PRODUCER = "symshapes 0.1.0";

  private ProgramEncoder() {}

  /** The JSON tree of {@code ep}. */
  public static ObjectNode encode(ExportedProgram ep) {
    ValueCodec values = new ValueCodec(ep.shapeEnv());
    ObjectNode graph = new GraphEncoder(values).encode(ep.graphModule());
    List<JsonNode> graphInputs = Json.list(graph.get("inputs"), "graph.inputs");
    List<JsonNode> graphOutputs = Json.list(graph.get("outputs"), "graph.outputs");
    List<InputSpec> ins = ep.graphSignature().inputs();
    List<OutputSpec> outs = ep.graphSignature().outputs();
    if (ins.size() != graphInputs.size() || outs.size() != graphOutputs.size()) {
      throw new SerdeException(
          "the signature has "
              + ins.size()
              + " inputs and "
              + outs.size()
              + " outputs but the graph "
              + graphInputs.size()
              + " and "
              + graphOutputs.size());
    }
    ArrayNode inputSpecs = Json.array();
    List<JsonNode> userInputs = new ArrayList<>();
    for (int i = 0; i < ins.size(); i++) {
      inputSpecs.add(SignatureCodec.encodeInput(ins.get(i), graphInputs.get(i)));
      if (ins.get(i).kind().name().equals("USER_INPUT")) {
        userInputs.add(graphInputs.get(i));
      }
    }
    ArrayNode outputSpecs = Json.array();
    List<JsonNode> userOutputs = new ArrayList<>();
    for (int i = 0; i < outs.size(); i++) {
      outputSpecs.add(SignatureCodec.encodeOutput(outs.get(i), graphOutputs.get(i)));
      if (outs.get(i).kind().name().equals("USER_OUTPUT")) {
        userOutputs.add(graphOutputs.get(i));
      }
    }
    ObjectNode signature = Json.object();
    signature.set("input_specs", inputSpecs);
    signature.set("output_specs", outputSpecs);

    ObjectNode callSig = Json.object();
    callSig.set("inputs", SignatureCodec.argumentList(userInputs));
    callSig.set("outputs", SignatureCodec.argumentList(userOutputs));
    callSig.put(
        "in_spec",
        TreeSpecJson.dumps(TreeSpec.tuple(List.of(ep.argsSpec(), TreeSpec.emptyDict()))));
    callSig.put("out_spec", TreeSpecJson.dumps(ep.outSpec()));
    ArrayNode argNames = Json.array();
    ep.userInputNames().forEach(argNames::add);
    callSig.set("forward_arg_names", argNames);
    ObjectNode root = Json.object();
    root.put("fqn", "");
    root.set("signature", callSig);
    ArrayNode callGraph = Json.array();
    callGraph.add(root);

    ObjectNode gm = Json.object();
    gm.set("graph", graph);
    gm.set("signature", signature);
    gm.set("module_call_graph", callGraph);
    gm.set("metadata", Json.object());
    gm.set("treespec_namedtuple_fields", Json.object());

    ObjectNode top = Json.object();
    top.set("graph_module", gm);
    ObjectNode opset = Json.object();
    opset.put("aten", 10);
    top.set("opset_version", opset);
    top.set("range_constraints", rangeConstraints(ep.rangeConstraints()));
    ObjectNode version = Json.object();
    version.put("major", Schema.MAJOR);
    version.put("minor", Schema.MINOR);
    top.set("schema_version", version);
    top.set("verifiers", Json.array());
    top.put("torch_version", PRODUCER);
    ArrayNode guards = Json.array();
    ep.guards().pythonGuards().forEach(guards::add);
    top.set("guards_code", guards);
    return top;
  }

  static ObjectNode rangeConstraints(Map<IntExpr, IntRange> ranges) {
    ObjectNode o = Json.object();
    for (Map.Entry<IntExpr, IntRange> e : ranges.entrySet()) {
      ObjectNode r = Json.object();
      r.set("min_val", bound(e.getValue().lower()));
      r.set("max_val", bound(e.getValue().upper()));
      o.set(e.getKey().toString(), r);
    }
    return o;
  }

  private static JsonNode bound(Bound b) {
    return b.isFinite() ? Json.NODES.numberNode(b.value().toBigInteger()) : Json.NODES.nullNode();
  }
}
