package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.serde.SerdeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing JSON trees, and typed access to their fields with messages that name the JSON
 * path. Follows {@code _dataclass_to_dict} / {@code _dict_to_dataclass} of {@code
 * torch/_export/serde/serialize.py}: a union is an object with exactly one key; every dataclass
 * field is written (a {@code None} as {@code null}); a reader accepts a missing optional field.
 */
public final class Json {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper WRITER = new ObjectMapper();

  private Json() {}

  /** A new JSON object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new JSON array. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A union value: {@code {"key": value}}. */
  public static ObjectNode union(String key, JsonNode value) {
    ObjectNode o = object();
    o.set(key, value);
    return o;
  }

  /** Compact JSON text. */
  public static String write(JsonNode n) {
    try {
      return WRITER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new SerdeException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses {@code text} (UTF-8) with limits on nesting and on the length of strings and numbers;
   * duplicate keys are an error. Bare {@code NaN}/{@code Infinity} tokens, which Python's {@code
   * json.dumps} writes unless told not to, are accepted.
   *
   * @param what names the document in messages ({@code models/model.json})
   */
  public static JsonNode parse(byte[] text, String what, int maxDepth) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxStringLength(text.length + 1)
                    .maxNumberLength(1000)
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    ObjectMapper m = JsonMapper.builder(factory).build();
    try (JsonParser parser = factory.createParser(text)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonNode n = m.readTree(parser);
      if (n == null) {
        throw new SerdeException(what + ": empty document");
      }
      if (parser.nextToken() != null) {
        throw new SerdeException(what + ": text after the JSON value");
      }
      return n;
    } catch (StreamConstraintsException e) {
      // The parser's position is not where the limit was hit (it reads ahead), so none is given.
      String msg = e.getOriginalMessage();
      if (msg.contains("nesting depth")) {
        throw new SerdeException(what + ": JSON nested deeper than " + maxDepth + " levels", e);
      }
      throw new SerdeException(what + ": " + msg, e);
    } catch (JsonProcessingException e) {
      throw new SerdeException(
          what + ": not valid JSON: " + e.getOriginalMessage() + " (" + location(e) + ")", e);
    } catch (java.io.IOException e) {
      throw new SerdeException(what + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    if (e.getLocation() == null) {
      return "at an unknown position";
    }
    return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  // ---- typed access ----

  /** {@code n} as an object. */
  public static ObjectNode obj(JsonNode n, String path) {
    if (n == null || !n.isObject()) {
      throw new SerdeException(path + ": expected an object, found " + describe(n));
    }
    return (ObjectNode) n;
  }

  /** The elements of the array {@code n}. */
  public static List<JsonNode> list(JsonNode n, String path) {
    if (n == null || !n.isArray()) {
      throw new SerdeException(path + ": expected a list, found " + describe(n));
    }
    List<JsonNode> out = new ArrayList<>(n.size());
    n.forEach(out::add);
    return out;
  }

  /** The entries of the object {@code n}, in order. */
  public static List<Map.Entry<String, JsonNode>> entries(JsonNode n, String path) {
    ObjectNode o = obj(n, path);
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>(o.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** A required field. */
  public static JsonNode field(JsonNode o, String key, String path) {
    JsonNode v = obj(o, path).get(key);
    if (v == null || v.isNull()) {
      throw new SerdeException(path + ": missing field '" + key + "'");
    }
    return v;
  }

  /** An optional field: null when absent or {@code null}. */
  public static JsonNode optional(JsonNode o, String key, String path) {
    JsonNode v = obj(o, path).get(key);
    return v == null || v.isNull() ? null : v;
  }

  /** A string value. */
  public static String str(JsonNode n, String path) {
    if (n == null || !n.isTextual()) {
      throw new SerdeException(path + ": expected a string, found " + describe(n));
    }
    return n.textValue();
  }

  /** An integer value that fits a {@code long}. */
  public static long integer(JsonNode n, String path) {
    if (n == null || !n.isIntegralNumber()) {
      throw new SerdeException(path + ": expected an integer, found " + describe(n));
    }
    if (!n.canConvertToLong()) {
      throw new SerdeException(path + ": integer " + n.asText() + " does not fit 64 bits");
    }
    return n.longValue();
  }

  /** A boolean value. */
  public static boolean bool(JsonNode n, String path) {
    if (n == null || !n.isBoolean()) {
      throw new SerdeException(path + ": expected true or false, found " + describe(n));
    }
    return n.booleanValue();
  }

  /**
   * A float: a number, or one of the strings {@code "Infinity"}, {@code "-Infinity"}, {@code "NaN"}
   * that PyTorch writes for non-finite values.
   */
  public static double floating(JsonNode n, String path) {
    if (n != null && n.isNumber()) {
      return n.doubleValue();
    }
    if (n != null && n.isTextual()) {
      switch (n.textValue()) {
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        case "NaN":
          return Double.NaN;
        default:
          break;
      }
    }
    throw new SerdeException(path + ": expected a float, found " + describe(n));
  }

  /** A float as PyTorch writes it: non-finite values as strings. */
  public static JsonNode floatNode(double d) {
    if (Double.isNaN(d)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(d)) {
      return NODES.textNode(d > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(d);
  }

  /**
   * The one key of a union and its value.
   *
   * @throws SerdeException unless {@code n} is an object with exactly one key
   */
  public static Map.Entry<String, JsonNode> union(JsonNode n, String path) {
    ObjectNode o = obj(n, path);
    if (o.size() != 1) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      throw new SerdeException(
          path + ": a union must have exactly one key, not " + o.size() + " " + keys);
    }
    return o.fields().next();
  }

  /** A short description of a JSON value for messages. */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "a list";
    }
    String t = n.toString();
    return t.length() > 40 ? t.substring(0, 40) + "..." : t;
  }
}
