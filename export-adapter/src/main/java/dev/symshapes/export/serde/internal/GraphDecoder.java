package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symshapes.export.graph.Graph;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.OpRegistry;
import dev.symshapes.export.ops.OpSchema;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Reads PyTorch's {@code Graph} into a {@link GraphModule}, as {@code
 * GraphModuleDeserializer.deserialize_graph} of {@code torch/_export/serde/serialize.py} does:
 * inputs become placeholders named after their values; each node's target is resolved ({@code
 * torch.ops.<ns>.<op>.<overload>} in the op registry, {@code _operator.<op>}, {@code
 * torch.sym_max|sym_min|sym_not}, {@code torch.ops.higher_order.<name>}); a node with several
 * outputs gets one {@code getitem} node per output that is used (not named {@code
 * <node>_unused_<i>}); an {@code as_graph} argument becomes a sub-graph of the module and a {@code
 * get_attr} node just before the call, as {@code deserialize_input} makes it.
 *
 * <p>Nothing is looked up by reflection or run: an unknown target is a {@link SerdeException}.
 */
final class GraphDecoder {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> SYM_OPERATORS =
      Set.of(
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "pos",
          "neg",
          "invert",
          "add",
          "sub",
          "mul",
          "floordiv",
          "truediv",
          "mod",
          "pow",
          "lshift",
          "rshift",
          "and_",
          "or_",
          "xor");

  private final ValueDecoder values;
  private final OpRegistry registry;
  private final int maxNodes;
  private int nodeCount;

  GraphDecoder(ValueDecoder values, OpRegistry registry, int maxNodes) {
    this.values = values;
    this.registry = registry;
    this.maxNodes = maxNodes;
  }

  /**
   * Reads a graph.
   *
   * @param constantInputName names the placeholder of a constant input {@code i} (from the
   *     signature, as PyTorch does)
   */
  GraphModule decode(JsonNode g, String path, IntFunction<String> constantInputName) {
    return new State(g, path, constantInputName).run();
  }

  private final class State {
    private final JsonNode json;
    private final String path;
    private final IntFunction<String> constantInputName;
    private final Graph graph = new Graph();
    private final GraphModule gm = new GraphModule(graph);
    private final Map<String, TensorMeta> tensors = new HashMap<>();
    private final Map<String, SymInt> symInts = new HashMap<>();
    private final Map<String, SymBool> symBools = new HashMap<>();
    private final Map<String, Node> byName = new HashMap<>();
    private final Map<String, Node> attrs = new HashMap<>();

    State(JsonNode json, String path, IntFunction<String> constantInputName) {
      this.json = json;
      this.path = path;
      this.constantInputName = constantInputName;
    }

    GraphModule run() {
      Json.obj(json, path);
      readValues();
      List<JsonNode> inputs = Json.list(Json.field(json, "inputs", path), path + ".inputs");
      for (int i = 0; i < inputs.size(); i++) {
        input(inputs.get(i), path + ".inputs[" + i + "]", i);
      }
      List<JsonNode> nodes = Json.list(Json.field(json, "nodes", path), path + ".nodes");
      for (int i = 0; i < nodes.size(); i++) {
        if (++nodeCount > maxNodes) {
          throw new SerdeException(path + ".nodes: more than " + maxNodes + " nodes");
        }
        node(nodes.get(i), path + ".nodes[" + i + "]");
      }
      List<JsonNode> outputs = Json.list(Json.field(json, "outputs", path), path + ".outputs");
      List<Object> outs = new ArrayList<>(outputs.size());
      for (int i = 0; i < outputs.size(); i++) {
        outs.add(argument(outputs.get(i), path + ".outputs[" + i + "]"));
      }
      graph.output(outs);
      return gm;
    }

    private void readValues() {
      for (Map.Entry<String, JsonNode> e :
          Json.entries(Json.field(json, "tensor_values", path), path + ".tensor_values")) {
        tensors.put(
            e.getKey(), values.tensorMeta(e.getValue(), path + ".tensor_values." + e.getKey()));
      }
      for (Map.Entry<String, JsonNode> e :
          Json.entries(Json.field(json, "sym_int_values", path), path + ".sym_int_values")) {
        symInts.put(
            e.getKey(), values.symInt(e.getValue(), path + ".sym_int_values." + e.getKey()));
      }
      for (Map.Entry<String, JsonNode> e :
          Json.entries(Json.field(json, "sym_bool_values", path), path + ".sym_bool_values")) {
        symBools.put(
            e.getKey(), values.symBool(e.getValue(), path + ".sym_bool_values." + e.getKey()));
      }
      for (String key : List.of("sym_float_values", "custom_obj_values")) {
        JsonNode v = Json.optional(json, key, path);
        if (v != null && Json.obj(v, path + "." + key).size() > 0) {
          throw new SerdeException(
              path + "." + key + ": symbolic floats and custom objects are not supported");
        }
      }
    }

    private void input(JsonNode arg, String p, int index) {
      java.util.Map.Entry<String, JsonNode> u = Json.union(arg, p);
      String q = p + "." + u.getKey();
      switch (u.getKey()) {
        case "as_tensor":
          {
            String name = Json.str(Json.field(u.getValue(), "name", q), q + ".name");
            placeholder(name, tensor(name, q), q);
            return;
          }
        case "as_sym_int":
          {
            java.util.Map.Entry<String, JsonNode> s = Json.union(u.getValue(), q);
            if (!s.getKey().equals("as_name")) {
              throw new SerdeException(q + ": a graph input must name its symbolic integer");
            }
            String name = Json.str(s.getValue(), q + ".as_name");
            SymInt v = symInts.get(name);
            if (v == null) {
              throw new SerdeException(q + ": '" + name + "' is not in sym_int_values");
            }
            placeholder(name, v, q);
            return;
          }
        case "as_int":
        case "as_float":
        case "as_bool":
        case "as_string":
        case "as_none":
          placeholder(constantInputName.apply(index), argument(arg, p), q);
          return;
        default:
          throw new SerdeException(
              q + ": graph inputs of kind " + u.getKey() + " are not supported");
      }
    }

    private void placeholder(String name, Object val, String p) {
      if (byName.containsKey(name)) {
        throw new SerdeException(p + ": the name '" + name + "' is defined twice");
      }
      try {
        byName.put(name, graph.placeholder(name, val));
      } catch (IllegalArgumentException e) {
        throw new SerdeException(p + ": " + e.getMessage(), e);
      }
    }

    private TensorMeta tensor(String name, String p) {
      TensorMeta m = tensors.get(name);
      if (m == null) {
        throw new SerdeException(p + ": '" + name + "' is not in tensor_values");
      }
      return m;
    }

    private void node(JsonNode n, String p) {
      String targetText = Json.str(Json.field(n, "target", p), p + ".target");
      Target target = target(targetText, p + ".target");
      List<JsonNode> ins = Json.list(Json.field(n, "inputs", p), p + ".inputs");
      List<Object> args = new ArrayList<>();
      Map<String, Object> kwargs = new LinkedHashMap<>();
      OpSchema schema = target instanceof Target.Op op ? op.op().schema() : null;
      for (int i = 0; i < ins.size(); i++) {
        String q = p + ".inputs[" + i + "]";
        JsonNode in = ins.get(i);
        String name = Json.str(Json.field(in, "name", q), q + ".name");
        Object value = argument(Json.field(in, "arg", q), q + ".arg");
        JsonNode kindNode = Json.optional(in, "kind", q);
        Long kind = kindNode == null ? null : Json.integer(kindNode, q + ".kind");
        boolean positional;
        if (schema != null) {
          int index = param(schema, name, q);
          OpSchema.Argument param = schema.arguments().get(index);
          positional =
              kind != null
                  ? kind == Schema.KIND_POSITIONAL
                  : param.defaultValue().isEmpty() && !param.keywordOnly();
          if (positional && index != args.size()) {
            throw new SerdeException(
                q
                    + ": positional argument '"
                    + name
                    + "' of "
                    + schema.qualifiedName()
                    + " is out of order");
          }
        } else if (target instanceof Target.HigherOrder) {
          positional = name.isEmpty();
        } else {
          positional = true;
        }
        if (positional) {
          args.add(value);
        } else if (kwargs.put(name, value) != null) {
          throw new SerdeException(q + ": keyword argument '" + name + "' is given twice");
        }
      }
      List<JsonNode> outs = Json.list(Json.field(n, "outputs", p), p + ".outputs");
      JsonNode nameNode = Json.optional(n, "name", p);
      String given = nameNode == null ? null : Json.str(nameNode, p + ".name");
      JsonNode hop = Json.optional(n, "is_hop_single_tensor_return", p);
      boolean hopTuple = hop != null && !Json.bool(hop, p + ".is_hop_single_tensor_return");
      Node node;
      if (outs.isEmpty()) {
        node =
            call(
                target,
                given != null ? given : target.baseName() + "_default",
                args,
                kwargs,
                null,
                p);
      } else if (outs.size() == 1 && !(target instanceof Target.HigherOrder && hopTuple)) {
        node = single(target, outs.get(0), p + ".outputs[0]", args, kwargs, given);
      } else {
        node = multiple(target, outs, p + ".outputs", args, kwargs, given);
      }
      JsonNode meta = Json.optional(n, "metadata", p);
      if (meta != null) {
        for (Map.Entry<String, JsonNode> e : Json.entries(meta, p + ".metadata")) {
          node.meta().put(e.getKey(), Json.str(e.getValue(), p + ".metadata." + e.getKey()));
        }
      }
    }

    private int param(OpSchema schema, String name, String p) {
      List<OpSchema.Argument> params = schema.arguments();
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).name().equals(name)) {
          return i;
        }
      }
      throw new SerdeException(
          p + ": " + schema.qualifiedName() + " has no argument '" + name + "'");
    }

    private Node single(
        Target target,
        JsonNode out,
        String p,
        List<Object> args,
        Map<String, Object> kwargs,
        String given) {
      java.util.Map.Entry<String, JsonNode> u = Json.union(out, p);
      String q = p + "." + u.getKey();
      switch (u.getKey()) {
        case "as_tensor":
          {
            String name = Json.str(Json.field(u.getValue(), "name", q), q + ".name");
            return define(name, call(target, name, args, kwargs, tensor(name, q), p), q);
          }
        case "as_sym_int":
        case "as_sym_bool":
          {
            java.util.Map.Entry<String, JsonNode> s = Json.union(u.getValue(), q);
            if (!s.getKey().equals("as_name")) {
              throw new SerdeException(q + ": an output must be named");
            }
            String name = Json.str(s.getValue(), q + ".as_name");
            Object val = u.getKey().equals("as_sym_int") ? symInts.get(name) : symBools.get(name);
            if (val == null) {
              throw new SerdeException(
                  q + ": '" + name + "' is not in " + u.getKey().substring(3) + "_values");
            }
            return define(name, call(target, name, args, kwargs, val, p), q);
          }
        case "as_none":
          return call(target, given != null ? given : target.baseName(), args, kwargs, null, p);
        case "as_tensors":
          return multiple(target, List.of(out), p, args, kwargs, given);
        default:
          throw new SerdeException(q + ": outputs of kind " + u.getKey() + " are not supported");
      }
    }

    /** A node with several outputs (or one {@code Tensor[]}), and its {@code getitem} nodes. */
    private Node multiple(
        Target target,
        List<JsonNode> outs,
        String p,
        List<Object> args,
        Map<String, Object> kwargs,
        String given) {
      boolean oneList =
          outs.size() == 1 && Json.union(outs.get(0), p + "[0]").getKey().equals("as_tensors");
      List<String> names = new ArrayList<>();
      List<Object> vals = new ArrayList<>();
      List<JsonNode> items =
          oneList ? Json.list(Json.union(outs.get(0), p).getValue(), p + "[0].as_tensors") : outs;
      for (int i = 0; i < items.size(); i++) {
        String q = p + "[" + i + "]";
        if (oneList) {
          String name = Json.str(Json.field(items.get(i), "name", q), q + ".name");
          names.add(name);
          vals.add(tensor(name, q));
          continue;
        }
        java.util.Map.Entry<String, JsonNode> u = Json.union(items.get(i), q);
        String r = q + "." + u.getKey();
        switch (u.getKey()) {
          case "as_tensor":
            {
              String name = Json.str(Json.field(u.getValue(), "name", r), r + ".name");
              names.add(name);
              vals.add(tensor(name, r));
              break;
            }
          case "as_sym_int":
            {
              String name = Json.str(Json.field(u.getValue(), "as_name", r), r + ".as_name");
              SymInt v = symInts.get(name);
              if (v == null) {
                throw new SerdeException(r + ": '" + name + "' is not in sym_int_values");
              }
              names.add(name);
              vals.add(v);
              break;
            }
          case "as_none":
            names.add(null);
            vals.add(null);
            break;
          default:
            throw new SerdeException(
                r + ": outputs of kind " + u.getKey() + " are not supported here");
        }
      }
      String nodeName = given != null ? given : target.baseName();
      Node node = call(target, nodeName, args, kwargs, vals, p);
      if (given != null) {
        byName.putIfAbsent(given, node);
      }
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name == null
            || name.equals(node.name() + "_unused_" + i)
            || name.equals(nodeName + "_unused_" + i)) {
          continue;
        }
        Node item =
            call(new Target.GetItem(), name, List.of(node, (long) i), Map.of(), vals.get(i), p);
        define(name, item, p + "[" + i + "]");
      }
      return node;
    }

    private Node define(String name, Node node, String p) {
      if (byName.putIfAbsent(name, node) != null) {
        throw new SerdeException(p + ": the name '" + name + "' is defined twice");
      }
      return node;
    }

    private Node call(
        Target target,
        String name,
        List<Object> args,
        Map<String, Object> kwargs,
        Object val,
        String p) {
      if (!IDENT.matcher(name).matches()) {
        throw new SerdeException(p + ": '" + name + "' is not a node name");
      }
      return graph.call(target, name, args, kwargs, val);
    }

    private Target target(String t, String p) {
      if (t.startsWith("torch.ops.higher_order.")) {
        String name = t.substring("torch.ops.higher_order.".length());
        if (IDENT.matcher(name).matches()) {
          return new Target.HigherOrder(name);
        }
      } else if (t.startsWith("_operator.")) {
        String op = t.substring("_operator.".length());
        if (SYM_OPERATORS.contains(op)) {
          return new Target.SymOp(op);
        }
      } else if (t.equals("torch.sym_max") || t.equals("torch.sym_min")) {
        return new Target.SymOp(t.substring("torch.".length()));
      } else if (t.equals("torch.sym_not")) {
        return new Target.SymOp("not_");
      } else if (t.startsWith("torch.ops.")) {
        String[] parts = t.substring("torch.ops.".length()).split("\\.", -1);
        if (parts.length == 3) {
          String base = parts[0] + "::" + parts[1];
          String qualified = parts[2].equals("default") ? base : base + "." + parts[2];
          if (registry.contains(qualified)) {
            return new Target.Op(registry.get(qualified));
          }
          if (registry.contains(base + "." + parts[2])) {
            return new Target.Op(registry.get(base + "." + parts[2]));
          }
          throw new SerdeException(
              p + ": unknown operator '" + t + "' (" + qualified + " is not in the op registry)");
        }
      }
      throw new SerdeException(p + ": unknown target '" + t + "'");
    }

    /** {@code deserialize_input}. */
    private Object argument(JsonNode arg, String p) {
      java.util.Map.Entry<String, JsonNode> u = Json.union(arg, p);
      String q = p + "." + u.getKey();
      JsonNode v = u.getValue();
      switch (u.getKey()) {
        case "as_none":
          return null;
        case "as_tensor":
          return ref(Json.str(Json.field(v, "name", q), q + ".name"), q);
        case "as_tensors":
          {
            List<Object> out = new ArrayList<>();
            List<JsonNode> l = Json.list(v, q);
            for (int i = 0; i < l.size(); i++) {
              out.add(
                  ref(
                      Json.str(
                          Json.field(l.get(i), "name", q + "[" + i + "]"), q + "[" + i + "].name"),
                      q));
            }
            return out;
          }
        case "as_int":
          return Json.integer(v, q);
        case "as_float":
          return Json.floating(v, q);
        case "as_string":
          return Json.str(v, q);
        case "as_bool":
          return Json.bool(v, q);
        case "as_ints":
        case "as_floats":
        case "as_strings":
        case "as_bools":
        case "as_sym_ints":
        case "as_sym_bools":
        case "as_optional_tensors":
        case "as_int_lists":
          {
            List<Object> out = new ArrayList<>();
            List<JsonNode> l = Json.list(v, q);
            for (int i = 0; i < l.size(); i++) {
              out.add(element(u.getKey(), l.get(i), q + "[" + i + "]"));
            }
            return out;
          }
        case "as_sym_int":
        case "as_sym_bool":
        case "as_optional_tensor":
          return element(u.getKey() + "s", v, q);
        case "as_scalar_type":
          return Schema.dtype(Json.integer(v, q), q);
        case "as_graph":
          {
            String name = Json.str(Json.field(v, "name", q), q + ".name");
            if (!IDENT.matcher(name).matches()) {
              throw new SerdeException(q + ".name: '" + name + "' is not a sub-graph name");
            }
            Node existing = attrs.get(name);
            if (existing != null) {
              return existing;
            }
            if (gm.submodules().containsKey(name)) {
              throw new SerdeException(q + ": the sub-graph '" + name + "' is defined twice");
            }
            GraphModule sub = decode(Json.field(v, "graph", q), q + ".graph", i -> "arg" + i);
            gm.addSubmodule(name, sub);
            Node attr = graph.getAttr(name, null);
            attrs.put(name, attr);
            return attr;
          }
        default:
          throw new SerdeException(q + ": arguments of kind " + u.getKey() + " are not supported");
      }
    }

    private Object element(String listKind, JsonNode e, String p) {
      switch (listKind) {
        case "as_ints":
          return Json.integer(e, p);
        case "as_floats":
          return Json.floating(e, p);
        case "as_strings":
          return Json.str(e, p);
        case "as_bools":
          return Json.bool(e, p);
        case "as_int_lists":
          {
            List<Object> out = new ArrayList<>();
            for (JsonNode x : Json.list(e, p)) {
              out.add(Json.integer(x, p));
            }
            return out;
          }
        default:
          break;
      }
      java.util.Map.Entry<String, JsonNode> u = Json.union(e, p);
      String q = p + "." + u.getKey();
      switch (u.getKey()) {
        case "as_name":
          return ref(Json.str(u.getValue(), q), q);
        case "as_int":
          return Json.integer(u.getValue(), q);
        case "as_bool":
          return Json.bool(u.getValue(), q);
        case "as_none":
          return null;
        case "as_tensor":
          return ref(Json.str(Json.field(u.getValue(), "name", q), q + ".name"), q);
        default:
          throw new SerdeException(q + ": unknown field '" + u.getKey() + "' in " + listKind);
      }
    }

    private Node ref(String name, String p) {
      Node n = byName.get(name);
      if (n == null) {
        throw new SerdeException(p + ": '" + name + "' is not defined before it is used");
      }
      return n;
    }
  }
}
