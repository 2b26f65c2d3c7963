package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.program.GraphSignature.ArgumentType;
import dev.symshapes.export.program.GraphSignature.InputSpec;
import dev.symshapes.export.program.GraphSignature.OutputSpec;
import dev.symshapes.export.program.InputKind;
import dev.symshapes.export.program.OutputKind;
import dev.symshapes.export.serde.SerdeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph signature in PyTorch's form ({@code serialize_input_spec}, {@code
 * serialize_output_spec} and their inverses in {@code torch/_export/serde/serialize.py}): each spec
 * is a union keyed by its kind in lower case ({@code parameter}, {@code buffer}, {@code
 * tensor_constant}, {@code user_input}, {@code constant_input}; {@code user_output}, {@code
 * buffer_mutation}, {@code user_input_mutation}, ...), whose target field has a name per kind
 * ({@code parameter_name}, {@code buffer_name}, {@code tensor_constant_name}, {@code
 * user_input_name}).
 *
 * <p>Kinds are matched to {@link InputKind} and {@link OutputKind} constants by name, so a kind
 * that the program model gains later ({@code PARAMETER_MUTATION}, {@code LOSS_OUTPUT}) is written
 * and read without code of its own.
 */
final class SignatureCodec {
  private SignatureCodec() {}

  /** Union key and target field of each input kind. */
  private static final Map<String, String[]> INPUTS =
      Map.of(
          "PARAMETER", new String[] {"parameter", "parameter_name"},
          "BUFFER", new String[] {"buffer", "buffer_name"},
          "CONSTANT_TENSOR", new String[] {"tensor_constant", "tensor_constant_name"},
          "TOKEN", new String[] {"token", null});

  /** Union key and target field of each output kind. */
  private static final Map<String, String[]> OUTPUTS =
      Map.of(
          "USER_OUTPUT", new String[] {"user_output", null},
          "LOSS_OUTPUT", new String[] {"loss_output", null},
          "BUFFER_MUTATION", new String[] {"buffer_mutation", "buffer_name"},
          "PARAMETER_MUTATION", new String[] {"parameter_mutation", "parameter_name"},
          "GRADIENT_TO_PARAMETER", new String[] {"gradient_to_parameter", "parameter_name"},
          "GRADIENT_TO_USER_INPUT", new String[] {"gradient_to_user_input", "user_input_name"},
          "USER_INPUT_MUTATION", new String[] {"user_input_mutation", "user_input_name"},
          "TOKEN", new String[] {"token", null});

  static JsonNode encodeInput(InputSpec s, JsonNode graphInput) {
    if (s.kind().name().equals("USER_INPUT")) {
      if (s.argumentType() == ArgumentType.CONSTANT) {
        ObjectNode c = Json.object();
        c.put("name", s.name());
        c.set("value", constantValue(graphInput, s.name()));
        return Json.union("constant_input", c);
      }
      ObjectNode u = Json.object();
      u.set("arg", graphInput);
      return Json.union("user_input", u);
    }
    String[] k = INPUTS.get(s.kind().name());
    if (k == null) {
      throw new SerdeException(
          "input '" + s.name() + "' of kind " + s.kind() + " has no form in PyTorch's schema here");
    }
    ObjectNode o = Json.object();
    o.set("arg", tensorArg(s.name()));
    if (k[1] != null) {
      o.put(k[1], s.target().orElseThrow(() -> missingTarget(s.name())));
    }
    if (k[0].equals("buffer")) {
      o.put("persistent", s.persistent().orElse(true));
    }
    return Json.union(k[0], o);
  }

  private static SerdeException missingTarget(String name) {
    return new SerdeException("input or output '" + name + "' has no target");
  }

  /** {@code ConstantValue} from the graph input written for a constant placeholder. */
  private static JsonNode constantValue(JsonNode graphInput, String name) {
    Map.Entry<String, JsonNode> e = Json.union(graphInput, "constant input " + name);
    switch (e.getKey()) {
      case "as_none":
      case "as_int":
      case "as_float":
      case "as_string":
      case "as_bool":
        return Json.union(e.getKey(), e.getValue());
      default:
        throw new SerdeException("constant input '" + name + "' is a " + e.getKey());
    }
  }

  static JsonNode encodeOutput(OutputSpec s, JsonNode graphOutput) {
    String[] k = OUTPUTS.get(s.kind().name());
    if (k == null) {
      throw new SerdeException(
          "output '" + s.name() + "' of kind " + s.kind() + " has no form in PyTorch's schema");
    }
    ObjectNode o = Json.object();
    if (k[0].equals("user_output")) {
      o.set("arg", graphOutput);
    } else {
      o.set("arg", tensorArg(s.name()));
    }
    if (k[1] != null) {
      o.put(k[1], s.target().orElseThrow(() -> missingTarget(s.name())));
    }
    return Json.union(k[0], o);
  }

  private static ObjectNode tensorArg(String name) {
    ObjectNode t = Json.object();
    t.put("name", name);
    return t;
  }

  /** The signature read back; {@code graphInputs} are the graph's input arguments. */
  static GraphSignature decode(JsonNode sig, String path, List<ArgRef> graphInputs) {
    List<JsonNode> ins = Json.list(Json.field(sig, "input_specs", path), path + ".input_specs");
    List<JsonNode> outs = Json.list(Json.field(sig, "output_specs", path), path + ".output_specs");
    if (ins.size() != graphInputs.size()) {
      throw new SerdeException(
          path
              + ".input_specs: "
              + ins.size()
              + " input specs for a graph with "
              + graphInputs.size()
              + " inputs");
    }
    List<InputSpec> inputs = new ArrayList<>();
    for (int i = 0; i < ins.size(); i++) {
      inputs.add(decodeInput(ins.get(i), path + ".input_specs[" + i + "]", graphInputs.get(i)));
    }
    List<OutputSpec> outputs = new ArrayList<>();
    for (int i = 0; i < outs.size(); i++) {
      outputs.add(decodeOutput(outs.get(i), path + ".output_specs[" + i + "]"));
    }
    return new GraphSignature(ImmutableList.copyOf(inputs), ImmutableList.copyOf(outputs));
  }

  /** What a graph input or output refers to: a named value of a type, or a constant. */
  record ArgRef(String name, ArgumentType type, Object constant) {}

  private static InputSpec decodeInput(JsonNode n, String path, ArgRef graphInput) {
    Map.Entry<String, JsonNode> u = Json.union(n, path);
    String key = u.getKey();
    String p = path + "." + key;
    JsonNode body = u.getValue();
    switch (key) {
      case "user_input":
        {
          ArgRef a = argRef(Json.field(body, "arg", p), p + ".arg");
          if (a.type() == ArgumentType.CONSTANT) {
            throw new SerdeException(p + ".arg: a user input must be a tensor or a symbol");
          }
          requireSame(a.name(), graphInput, p);
          return new InputSpec(
              kind(InputKind.class, "USER_INPUT", p),
              a.name(),
              a.type(),
              Optional.empty(),
              Optional.empty());
        }
      case "constant_input":
        {
          String name = Json.str(Json.field(body, "name", p), p + ".name");
          return new InputSpec(
              kind(InputKind.class, "USER_INPUT", p),
              name,
              ArgumentType.CONSTANT,
              Optional.empty(),
              Optional.empty());
        }
      default:
        break;
    }
    for (Map.Entry<String, String[]> e : INPUTS.entrySet()) {
      if (e.getValue()[0].equals(key)) {
        InputKind kind = kind(InputKind.class, e.getKey(), p);
        String name =
            Json.str(Json.field(Json.field(body, "arg", p), "name", p + ".arg"), p + ".arg.name");
        requireSame(name, graphInput, p);
        Optional<String> target =
            e.getValue()[1] == null
                ? Optional.empty()
                : Optional.of(
                    Json.str(Json.field(body, e.getValue()[1], p), p + "." + e.getValue()[1]));
        Optional<Boolean> persistent =
            key.equals("buffer")
                ? Optional.of(Json.bool(Json.field(body, "persistent", p), p + ".persistent"))
                : Optional.empty();
        return new InputSpec(kind, name, ArgumentType.TENSOR, target, persistent);
      }
    }
    throw new SerdeException(path + ": input spec '" + key + "' is not supported");
  }

  private static void requireSame(String name, ArgRef graphInput, String path) {
    if (!name.equals(graphInput.name())) {
      throw new SerdeException(
          path
              + ": the spec names '"
              + name
              + "' but the graph input is '"
              + graphInput.name()
              + "'");
    }
  }

  private static OutputSpec decodeOutput(JsonNode n, String path) {
    Map.Entry<String, JsonNode> u = Json.union(n, path);
    String key = u.getKey();
    String p = path + "." + key;
    JsonNode body = u.getValue();
    for (Map.Entry<String, String[]> e : OUTPUTS.entrySet()) {
      if (!e.getValue()[0].equals(key)) {
        continue;
      }
      OutputKind kind = kind(OutputKind.class, e.getKey(), p);
      Optional<String> target =
          e.getValue()[1] == null
              ? Optional.empty()
              : Optional.of(
                  Json.str(Json.field(body, e.getValue()[1], p), p + "." + e.getValue()[1]));
      if (key.equals("user_output")) {
        ArgRef a = argRef(Json.field(body, "arg", p), p + ".arg");
        if (a.type() == ArgumentType.CONSTANT) {
          return new OutputSpec(
              kind, "", ArgumentType.CONSTANT, target, Optional.ofNullable(a.constant()));
        }
        return new OutputSpec(kind, a.name(), a.type(), target);
      }
      JsonNode arg = Json.field(body, "arg", p);
      String name = Json.str(Json.field(arg, "name", p + ".arg"), p + ".arg.name");
      return new OutputSpec(kind, name, ArgumentType.TENSOR, target);
    }
    throw new SerdeException(path + ": output spec '" + key + "' is not supported");
  }

  /** A program-model kind of this name, or an error when the model has none. */
  private static <E extends Enum<E>> E kind(Class<E> type, String name, String path) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new SerdeException(path + ": " + name + " is not supported by symshapes' programs");
  }

  /** An {@code Argument} naming a value ({@code as_tensor}, {@code as_sym_int}) or a constant. */
  static ArgRef argRef(JsonNode arg, String path) {
    Map.Entry<String, JsonNode> u = Json.union(arg, path);
    String p = path + "." + u.getKey();
    switch (u.getKey()) {
      case "as_tensor":
        return new ArgRef(
            Json.str(Json.field(u.getValue(), "name", p), p + ".name"), ArgumentType.TENSOR, null);
      case "as_sym_int":
      case "as_sym_bool":
        {
          Map.Entry<String, JsonNode> s = Json.union(u.getValue(), p);
          ArgumentType t =
              u.getKey().equals("as_sym_int") ? ArgumentType.SYM_INT : ArgumentType.SYM_BOOL;
          if (s.getKey().equals("as_name")) {
            return new ArgRef(Json.str(s.getValue(), p + ".as_name"), t, null);
          }
          if (s.getKey().equals("as_int")) {
            return new ArgRef("", ArgumentType.CONSTANT, Json.integer(s.getValue(), p + ".as_int"));
          }
          if (s.getKey().equals("as_bool")) {
            return new ArgRef("", ArgumentType.CONSTANT, Json.bool(s.getValue(), p + ".as_bool"));
          }
          throw new SerdeException(p + ": unknown field '" + s.getKey() + "'");
        }
      case "as_none":
        return new ArgRef("", ArgumentType.CONSTANT, null);
      case "as_int":
        return new ArgRef("", ArgumentType.CONSTANT, Json.integer(u.getValue(), p));
      case "as_float":
        return new ArgRef("", ArgumentType.CONSTANT, Json.floating(u.getValue(), p));
      case "as_bool":
        return new ArgRef("", ArgumentType.CONSTANT, Json.bool(u.getValue(), p));
      case "as_string":
        return new ArgRef("", ArgumentType.CONSTANT, Json.str(u.getValue(), p));
      default:
        throw new SerdeException(
            p + ": an input or output of kind " + u.getKey() + " is not supported");
    }
  }

  /** The {@code inputs} and {@code outputs} of the root {@code ModuleCallSignature}. */
  static ArrayNode argumentList(List<JsonNode> args) {
    ArrayNode a = Json.array();
    args.forEach(a::add);
    return a;
  }
}
