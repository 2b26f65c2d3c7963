package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.graph.Target;
import dev.symshapes.export.ops.OpSchema;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a graph module as PyTorch's {@code Graph} ({@code GraphModuleSerializer.serialize_graph}
 * of {@code torch/_export/serde/serialize.py}), generically over the node kinds:
 *
 * <ul>
 *   <li>placeholders become the graph's {@code inputs}; {@code get_attr} nodes and {@code
 *       operator.getitem} nodes are not written ({@code handle_get_attr} writes nothing; a
 *       multi-output node lists the names of its {@code getitem} users as its outputs, {@code
 *       <node>_unused_<i>} for unused ones);
 *   <li>a registry op ({@code torch.ops.aten.add.Tensor}) names its inputs after the schema's
 *       arguments, with kind {@code POSITIONAL} (1) or {@code KEYWORD} (2) ({@code
 *       serialize_inputs});
 *   <li>a symbolic operator is written with its Python module, {@code _operator.ge}, {@code
 *       torch.sym_max}, {@code torch.sym_not} ({@code serialize_operator}), its inputs named {@code
 *       a} and {@code b} as {@code inspect.signature} names them;
 *   <li>a higher-order op ({@code torch.ops.higher_order.cond}) has unnamed positional inputs
 *       ({@code serialize_hoo_inputs}), and a sub-graph argument is {@code {"as_graph": {"name":
 *       "true_graph_0", "graph": {...}}}}.
 * </ul>
 *
 * <p>Any node, op or sub-graph that the graph IR can hold is written without code of its own; a
 * value the schema cannot hold is a {@link SerdeException} naming the node.
 */
final class GraphEncoder {
  private final ValueCodec values;

  GraphEncoder(ValueCodec values) {
    this.values = values;
  }

  /** The {@code Graph} of {@code gm}. */
  ObjectNode encode(GraphModule gm) {
    return new State(gm).run();
  }

  /** What one graph accumulates while it is written. */
  private final class State {
    private final GraphModule gm;
    private final ArrayNode inputs = Json.array();
    private final ArrayNode outputs = Json.array();
    private final ArrayNode nodes = Json.array();
    private final ObjectNode tensorValues = Json.object();
    private final ObjectNode symIntValues = Json.object();
    private final ObjectNode symBoolValues = Json.object();
    private final Map<Node, Map<Long, Node>> getItems = new HashMap<>();

    State(GraphModule gm) {
      this.gm = gm;
      for (Node n : gm.graph().nodes()) {
        if (n.op() == Node.Op.CALL_FUNCTION && n.target() instanceof Target.GetItem) {
          Node producer = (Node) n.args().get(0);
          long index = (Long) n.args().get(1);
          getItems.computeIfAbsent(producer, k -> new TreeMap<>()).putIfAbsent(index, n);
        }
      }
    }

    ObjectNode run() {
      for (Node n : gm.graph().nodes()) {
        try {
          switch (n.op()) {
            case PLACEHOLDER:
              inputs.add(output(n.name(), n.val(), n));
              break;
            case GET_ATTR:
              break;
            case OUTPUT:
              {
                List<?> outs = (List<?>) n.args().get(0);
                for (Object o : outs) {
                  outputs.add(argument(o, null));
                }
                break;
              }
            default:
              if (!(n.target() instanceof Target.GetItem)) {
                nodes.add(call(n));
              }
              break;
          }
        } catch (SerdeException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new SerdeException("cannot write node '" + n.name() + "': " + e.getMessage(), e);
        }
      }
      ObjectNode g = Json.object();
      g.set("inputs", inputs);
      g.set("outputs", outputs);
      g.set("nodes", nodes);
      g.set("tensor_values", tensorValues);
      g.set("sym_int_values", symIntValues);
      g.set("sym_bool_values", symBoolValues);
      g.put("is_single_tensor_return", false);
      g.set("custom_obj_values", Json.object());
      g.set("sym_float_values", Json.object());
      return g;
    }

    private ObjectNode call(Node n) {
      Target t = n.target();
      ObjectNode o = Json.object();
      ArrayNode in = Json.array();
      ArrayNode out = Json.array();
      Boolean hopSingle = null;
      if (t instanceof Target.Op op) {
        OpSchema schema = op.op().schema();
        o.put("target", op.op().pythonTarget());
        List<OpSchema.Argument> params = schema.arguments();
        if (n.args().size() > params.size()) {
          throw new SerdeException(
              "node '"
                  + n.name()
                  + "' passes "
                  + n.args().size()
                  + " arguments to "
                  + schema.qualifiedName()
                  + ", which takes "
                  + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
          OpSchema.Argument p = params.get(i);
          if (n.kwargs().containsKey(p.name())) {
            in.add(
                named(p.name(), argument(n.kwargs().get(p.name()), p.type()), Schema.KIND_KEYWORD));
          } else if (i < n.args().size()) {
            in.add(named(p.name(), argument(n.args().get(i), p.type()), Schema.KIND_POSITIONAL));
          }
        }
        for (String k : n.kwargs().keySet()) {
          if (params.stream().noneMatch(p -> p.name().equals(k))) {
            throw new SerdeException(
                "node '"
                    + n.name()
                    + "' passes '"
                    + k
                    + "', which "
                    + schema.qualifiedName()
                    + " does not take");
          }
        }
        opOutputs(n, schema, out);
      } else if (t instanceof Target.SymOp s) {
        o.put("target", s.isOperator() ? "_operator." + s.op() : "torch." + s.baseName());
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < n.args().size(); i++) {
          in.add(
              named(
                  names[Math.min(i, 2)], argument(n.args().get(i), null), Schema.KIND_POSITIONAL));
        }
        out.add(output(n.name(), n.val(), n));
      } else if (t instanceof Target.HigherOrder h) {
        o.put("target", h.qualifiedName());
        for (Object a : n.args()) {
          in.add(named("", argument(a, null), Schema.KIND_POSITIONAL));
        }
        for (Map.Entry<String, Object> e : n.kwargs().entrySet()) {
          in.add(named(e.getKey(), argument(e.getValue(), null), Schema.KIND_KEYWORD));
        }
        hopSingle = n.val() instanceof TensorMeta;
        if (n.val() instanceof List<?> l) {
          multiOutputs(n, l, out);
        } else if (n.val() != null) {
          out.add(output(n.name(), n.val(), n));
        }
      } else {
        throw new SerdeException("node '" + n.name() + "' has an unsupported target " + t);
      }
      o.set("inputs", in);
      o.set("outputs", out);
      ObjectNode meta = Json.object();
      for (Map.Entry<String, Object> e : n.meta().entrySet()) {
        if (e.getValue() instanceof String s) {
          meta.put(e.getKey(), s);
        }
      }
      o.set("metadata", meta);
      if (hopSingle == null) {
        o.set("is_hop_single_tensor_return", Json.NODES.nullNode());
      } else {
        o.put("is_hop_single_tensor_return", hopSingle);
      }
      o.put("name", n.name());
      return o;
    }

    private void opOutputs(Node n, OpSchema schema, ArrayNode out) {
      List<String> returns = schema.returns();
      if (returns.isEmpty()) {
        return;
      }
      Object val = n.val();
      if (returns.size() == 1
          && returns.get(0).startsWith("Tensor[]")
          && val instanceof List<?> l) {
        out.add(Json.union("as_tensors", tensorList(n, l)));
        return;
      }
      if (val instanceof List<?> l && returns.size() > 1) {
        multiOutputs(n, l, out);
        return;
      }
      out.add(output(n.name(), val, n));
    }

    private void multiOutputs(Node n, List<?> vals, ArrayNode out) {
      Map<Long, Node> users = getItems.getOrDefault(n, Map.of());
      for (int i = 0; i < vals.size(); i++) {
        Object v = vals.get(i);
        Node user = users.get((long) i);
        String name = user != null ? user.name() : n.name() + "_unused_" + i;
        if (v instanceof List<?> l) {
          if (user == null) {
            throw new SerdeException(
                "output " + i + " of node '" + n.name() + "' is a list that nothing uses");
          }
          out.add(Json.union("as_tensors", tensorList(user, l)));
        } else {
          out.add(output(name, v, n));
        }
      }
    }

    private ArrayNode tensorList(Node producer, List<?> metas) {
      Map<Long, Node> users = getItems.getOrDefault(producer, Map.of());
      ArrayNode a = Json.array();
      for (int i = 0; i < metas.size(); i++) {
        Node user = users.get((long) i);
        String name = user != null ? user.name() : producer.name() + "_unused_" + i;
        if (!(metas.get(i) instanceof TensorMeta m)) {
          throw new SerdeException(
              "element "
                  + i
                  + " of the list returned by '"
                  + producer.name()
                  + "' is not a tensor");
        }
        tensorValues.set(name, values.tensorMeta(m));
        ObjectNode t = Json.object();
        t.put("name", name);
        a.add(t);
      }
      return a;
    }

    /** {@code serialize_output}: records the value under {@code name} and refers to it. */
    private JsonNode output(String name, Object val, Node n) {
      if (val instanceof TensorMeta m) {
        tensorValues.set(name, values.tensorMeta(m));
        ObjectNode t = Json.object();
        t.put("name", name);
        return Json.union("as_tensor", t);
      }
      if (val instanceof SymInt s) {
        if (n.op() == Node.Op.PLACEHOLDER && s.isConstant()) {
          return Json.union("as_int", Json.NODES.numberNode(s.constantValue()));
        }
        symIntValues.set(name, values.symInt(s));
        return Json.union("as_sym_int", Json.union("as_name", Json.NODES.textNode(name)));
      }
      if (val instanceof SymBool b) {
        if (n.op() == Node.Op.PLACEHOLDER && b.isConstant()) {
          return Json.union("as_bool", Json.NODES.booleanNode(b.expr().isTrue()));
        }
        symBoolValues.set(name, values.symBool(b));
        return Json.union("as_sym_bool", Json.union("as_name", Json.NODES.textNode(name)));
      }
      if (n.op() == Node.Op.PLACEHOLDER) {
        return constant(val);
      }
      if (val == null) {
        return Json.union("as_none", Json.NODES.booleanNode(true));
      }
      throw new SerdeException(
          "the value of node '" + n.name() + "' (" + val + ") has no schema type");
    }

    /** {@code serialize_input}: an argument of a call or an output of the graph. */
    private JsonNode argument(Object v, String schemaType) {
      if (v instanceof Node n) {
        return nodeArgument(n);
      }
      if (v instanceof List<?> l) {
        return list(l, schemaType);
      }
      if (v instanceof Object[] a) {
        return list(List.of(a), schemaType);
      }
      return constant(v);
    }

    private JsonNode nodeArgument(Node n) {
      if (n.op() == Node.Op.GET_ATTR) {
        GraphModule sub = gm.submodules().get(n.attr());
        if (sub == null) {
          throw new SerdeException(
              "get_attr node '"
                  + n.name()
                  + "' reads '"
                  + n.attr()
                  + "', which is not a sub-graph");
        }
        ObjectNode g = Json.object();
        g.put("name", n.attr());
        g.set("graph", new State(sub).run());
        return Json.union("as_graph", g);
      }
      Object val = n.val();
      if (val instanceof TensorMeta) {
        ObjectNode t = Json.object();
        t.put("name", n.name());
        return Json.union("as_tensor", t);
      }
      if (val instanceof SymInt) {
        return Json.union("as_sym_int", Json.union("as_name", Json.NODES.textNode(n.name())));
      }
      if (val instanceof SymBool) {
        return Json.union("as_sym_bool", Json.union("as_name", Json.NODES.textNode(n.name())));
      }
      if (n.op() == Node.Op.PLACEHOLDER) {
        return constant(val);
      }
      throw new SerdeException(
          "node '" + n.name() + "' is used as an argument but has no tensor or symbolic value");
    }

    private JsonNode list(List<?> l, String schemaType) {
      if (l.isEmpty()) {
        return Json.union(emptyListKey(schemaType), Json.array());
      }
      if (all(l, Boolean.class)) {
        ArrayNode a = Json.array();
        l.forEach(x -> a.add((Boolean) x));
        return Json.union("as_bools", a);
      }
      if (allIntegers(l)) {
        ArrayNode a = Json.array();
        l.forEach(x -> a.add(((Number) x).longValue()));
        return Json.union("as_ints", a);
      }
      if (all(l, Double.class)) {
        ArrayNode a = Json.array();
        l.forEach(x -> a.add(Json.floatNode((Double) x)));
        return Json.union("as_floats", a);
      }
      if (all(l, String.class)) {
        ArrayNode a = Json.array();
        l.forEach(x -> a.add((String) x));
        return Json.union("as_strings", a);
      }
      if (l.stream().allMatch(x -> isInteger(x) || isNodeOf(x, SymInt.class))) {
        ArrayNode a = Json.array();
        for (Object x : l) {
          a.add(
              x instanceof Node n
                  ? Json.union("as_name", Json.NODES.textNode(n.name()))
                  : Json.union("as_int", Json.NODES.numberNode(((Number) x).longValue())));
        }
        return Json.union("as_sym_ints", a);
      }
      if (l.stream().allMatch(x -> x instanceof Boolean || isNodeOf(x, SymBool.class))) {
        ArrayNode a = Json.array();
        for (Object x : l) {
          a.add(
              x instanceof Node n
                  ? Json.union("as_name", Json.NODES.textNode(n.name()))
                  : Json.union("as_bool", Json.NODES.booleanNode((Boolean) x)));
        }
        return Json.union("as_sym_bools", a);
      }
      if (l.stream().allMatch(x -> isNodeOf(x, TensorMeta.class))) {
        ArrayNode a = Json.array();
        for (Object x : l) {
          ObjectNode t = Json.object();
          t.put("name", ((Node) x).name());
          a.add(t);
        }
        return Json.union("as_tensors", a);
      }
      if (l.stream().allMatch(x -> x == null || isNodeOf(x, TensorMeta.class))) {
        ArrayNode a = Json.array();
        for (Object x : l) {
          if (x == null) {
            a.add(Json.union("as_none", Json.NODES.booleanNode(true)));
          } else {
            ObjectNode t = Json.object();
            t.put("name", ((Node) x).name());
            a.add(Json.union("as_tensor", t));
          }
        }
        return Json.union("as_optional_tensors", a);
      }
      if (l.stream().allMatch(x -> x instanceof List<?> ll && allIntegers(ll))) {
        ArrayNode a = Json.array();
        for (Object x : l) {
          ArrayNode inner = Json.array();
          ((List<?>) x).forEach(y -> inner.add(((Number) y).longValue()));
          a.add(inner);
        }
        return Json.union("as_int_lists", a);
      }
      throw new SerdeException("the list " + l + " has no schema type");
    }

    private JsonNode constant(Object v) {
      if (v == null) {
        return Json.union("as_none", Json.NODES.booleanNode(true));
      }
      if (v instanceof Boolean b) {
        return Json.union("as_bool", Json.NODES.booleanNode(b));
      }
      if (isInteger(v)) {
        return Json.union("as_int", Json.NODES.numberNode(((Number) v).longValue()));
      }
      if (v instanceof Double || v instanceof Float) {
        return Json.union("as_float", Json.floatNode(((Number) v).doubleValue()));
      }
      if (v instanceof String s) {
        return Json.union("as_string", Json.NODES.textNode(s));
      }
      if (v instanceof DType d) {
        return Json.union("as_scalar_type", Json.NODES.numberNode(Schema.scalarType(d)));
      }
      if (v instanceof SymInt s && s.isConstant()) {
        return Json.union("as_int", Json.NODES.numberNode(s.constantValue()));
      }
      if (v instanceof SymBool b && b.isConstant()) {
        return Json.union("as_bool", Json.NODES.booleanNode(b.expr().isTrue()));
      }
      throw new SerdeException(
          "the value " + v + " (" + v.getClass().getSimpleName() + ") has no schema type");
    }
  }

  /** What an empty list is written as, from the schema type ({@code serialize_input}). */
  static String emptyListKey(String schemaType) {
    if (schemaType == null) {
      return "as_tensors";
    }
    String t = schemaType.replace("?", "");
    if (t.startsWith("bool")) {
      return "as_bools";
    }
    if (t.startsWith("int") || t.startsWith("SymInt")) {
      return "as_ints";
    }
    if (t.startsWith("float")) {
      return "as_floats";
    }
    if (t.startsWith("str")) {
      return "as_strings";
    }
    return "as_tensors";
  }

  private static ObjectNode named(String name, JsonNode arg, int kind) {
    ObjectNode o = Json.object();
    o.put("name", name);
    o.set("arg", arg);
    o.put("kind", kind);
    return o;
  }

  static boolean isInteger(Object x) {
    return x instanceof Long || x instanceof Integer || x instanceof Short || x instanceof Byte;
  }

  private static boolean allIntegers(List<?> l) {
    return l.stream().allMatch(GraphEncoder::isInteger);
  }

  private static boolean all(List<?> l, Class<?> c) {
    return l.stream().allMatch(c::isInstance);
  }

  private static boolean isNodeOf(Object x, Class<?> valType) {
    return x instanceof Node n && valType.isInstance(n.val());
  }
}
