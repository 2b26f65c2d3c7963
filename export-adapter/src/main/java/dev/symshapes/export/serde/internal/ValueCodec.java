package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.solver.ShapeEnv;
import java.util.Optional;

/**
 * Writes the values of a graph in PyTorch's form ({@code serialize_sym_int}, {@code
 * serialize_sym_bool}, {@code serialize_tensor_meta} of {@code serialize.py}): a constant {@code
 * SymInt} is {@code {"as_int": 3}}, a symbolic one {@code {"as_expr": {"expr_str": srepr, "hint":
 * {"as_int": 4}}}} with the hint when the value has one; a {@code SymBool} is written without a
 * hint. Expressions are written after the shape environment's replacements, as they are printed.
 */
final class ValueCodec {
  private final ShapeEnv env;

  ValueCodec(ShapeEnv env) {
    this.env = env;
  }

  JsonNode symInt(SymInt s) {
    if (s.isConstant()) {
      return Json.union("as_int", Json.NODES.numberNode(s.constantValue()));
    }
    IntExpr e = env.replace(s.expr());
    IntValue c = e.constantValue();
    if (c != null) {
      return Json.union("as_int", Json.NODES.numberNode(c.toBigInteger()));
    }
    ObjectNode expr = Json.object();
    expr.put("expr_str", SymExprText.srepr(e));
    Optional<IntValue> hint = env.hint(e);
    expr.set(
        "hint",
        hint.isPresent()
            ? Json.union("as_int", Json.NODES.numberNode(hint.get().toBigInteger()))
            : Json.NODES.nullNode());
    return Json.union("as_expr", expr);
  }

  JsonNode symBool(SymBool b) {
    if (b.isConstant()) {
      return Json.union("as_bool", Json.NODES.booleanNode(b.expr().isTrue()));
    }
    BoolExpr e = env.replace(b.expr());
    if (e.isConstant()) {
      return Json.union("as_bool", Json.NODES.booleanNode(e.isTrue()));
    }
    ObjectNode expr = Json.object();
    expr.put("expr_str", SymExprText.srepr(e));
    expr.set("hint", Json.NODES.nullNode());
    return Json.union("as_expr", expr);
  }

  /** {@code TensorMeta}: field order and constants as in {@code schema.py}. */
  JsonNode tensorMeta(TensorMeta m) {
    ObjectNode o = Json.object();
    o.put("dtype", Schema.scalarType(m.dtype()));
    ArrayNode sizes = Json.array();
    m.sizes().forEach(s -> sizes.add(symInt(s)));
    o.set("sizes", sizes);
    o.put("requires_grad", false);
    ObjectNode device = Json.object();
    device.put("type", "cpu");
    device.set("index", Json.NODES.nullNode());
    o.set("device", device);
    ArrayNode strides = Json.array();
    m.strides().forEach(s -> strides.add(symInt(s)));
    o.set("strides", strides);
    o.set("storage_offset", symInt(m.storageOffset()));
    o.put("layout", Schema.LAYOUT_STRIDED);
    return o;
  }
}
