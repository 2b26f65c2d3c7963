package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symshapes.export.program.TreeSpec;
import dev.symshapes.export.serde.SerdeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's {@code treespec_dumps} / {@code treespec_loads} ({@code torch/utils/_pytree.py},
 * protocol 1, the {@code TREESPEC_VERSION} of {@code schema.py}), the form of {@code in_spec} and
 * {@code out_spec} in a {@code ModuleCallSignature}: {@code [1, {"type": "builtins.tuple",
 * "context": "null", "children_spec": [...]}]}, a leaf being {@code {"type": null, "context": null,
 * "children_spec": []}} and the empty keyword arguments {@code {"type": "builtins.dict", "context":
 * "[]", "children_spec": []}} (as in {@code test/test_pytree.py} and AOTInductor's generated {@code
 * in_spec_}). Written with Python's {@code json.dumps} separators.
 */
public final class TreeSpecJson {
  static final int PROTOCOL = 1;

  private TreeSpecJson() {}

  /** {@code treespec_dumps(spec)}. */
  public static String dumps(TreeSpec spec) {
    StringBuilder sb = new StringBuilder("[").append(PROTOCOL).append(", ");
    write(spec, sb);
    return sb.append(']').toString();
  }

  private static void write(TreeSpec t, StringBuilder sb) {
    String type;
    String context;
    switch (t.kind()) {
      case LEAF:
        sb.append("{\"type\": null, \"context\": null, \"children_spec\": []}");
        return;
      case TUPLE:
        type = "builtins.tuple";
        context = "null";
        break;
      case LIST:
        type = "builtins.list";
        context = "null";
        break;
      case NONE:
        // The default serialized name of a registered type: module and qualified name.
        type = "builtins.NoneType";
        context = "null";
        break;
      case DICT:
        type = "builtins.dict";
        context = "[]";
        break;
      default:
        throw new IllegalStateException("unknown tree spec kind " + t.kind());
    }
    sb.append("{\"type\": \"")
        .append(type)
        .append("\", \"context\": \"")
        .append(context)
        .append("\", \"children_spec\": [");
    for (int i = 0; i < t.children().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(t.children().get(i), sb);
    }
    sb.append("]}");
  }

  /**
   * {@code treespec_loads(text)}: tuples, lists, {@code None}, leaves and the empty dict of keyword
   * arguments.
   *
   * @throws SerdeException naming {@code where} for other types or malformed text
   */
  public static TreeSpec loads(String text, String where, int maxDepth) {
    JsonNode root = Json.parse(text.getBytes(StandardCharsets.UTF_8), where, maxDepth);
    List<JsonNode> top = Json.list(root, where);
    if (top.size() != 2) {
      throw new SerdeException(
          where + ": expected [protocol, spec], found " + top.size() + " items");
    }
    long protocol = Json.integer(top.get(0), where + "[0]");
    if (protocol != PROTOCOL) {
      throw new SerdeException(
          where + ": tree spec protocol " + protocol + " is not supported (only " + PROTOCOL + ")");
    }
    return read(top.get(1), where + "[1]");
  }

  private static TreeSpec read(JsonNode n, String path) {
    Json.obj(n, path);
    JsonNode type = n.get("type");
    List<JsonNode> kids = Json.list(Json.field(n, "children_spec", path), path + ".children_spec");
    List<TreeSpec> children = new ArrayList<>(kids.size());
    for (int i = 0; i < kids.size(); i++) {
      children.add(read(kids.get(i), path + ".children_spec[" + i + "]"));
    }
    if (type == null || type.isNull()) {
      if (!children.isEmpty()) {
        throw new SerdeException(path + ": a leaf has no children");
      }
      return TreeSpec.leaf();
    }
    String t = Json.str(type, path + ".type");
    switch (t) {
      case "builtins.tuple":
        return TreeSpec.tuple(children);
      case "builtins.list":
        return TreeSpec.list(children);
      case "builtins.NoneType":
        if (!children.isEmpty()) {
          throw new SerdeException(path + ": None has no children");
        }
        return TreeSpec.none();
      case "builtins.dict":
        {
          String context = Json.str(Json.field(n, "context", path), path + ".context");
          if (!children.isEmpty() || !context.equals("[]")) {
            throw new SerdeException(
                path + ": dicts with keys (keyword arguments) are not supported");
          }
          return TreeSpec.emptyDict();
        }
      default:
        throw new SerdeException(path + ": tree spec type '" + t + "' is not supported");
    }
  }
}
