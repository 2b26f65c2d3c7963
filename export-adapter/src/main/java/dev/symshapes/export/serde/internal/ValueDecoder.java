package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymContext;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.DType;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the values of a graph ({@code TensorMeta}, {@code SymInt}, {@code SymBool}) into the loaded
 * program's expressions, and remembers every symbol it meets and the hints the file gives ({@code
 * deserialize_sym_int} of {@code serialize.py} reads the same {@code hint} into the shape
 * environment's {@code var_to_val}).
 */
final class ValueDecoder {
  private final ExprFactory f;
  private final SymContext ctx;

  /** Hints of expressions that are one symbol. */
  final Map<Sym, IntValue> hints = new LinkedHashMap<>();

  /** Hints of other expressions, to solve for their symbols. */
  final List<Map.Entry<IntExpr, IntValue>> derivedHints = new ArrayList<>();

  /** Every symbol met, in order. */
  final Set<Sym> symbols = new LinkedHashSet<>();

  ValueDecoder(ExprFactory f, SymContext ctx) {
    this.f = f;
    this.ctx = ctx;
  }

  ExprFactory factory() {
    return f;
  }

  TensorMeta tensorMeta(JsonNode n, String path) {
    DType dtype =
        Schema.dtype(Json.integer(Json.field(n, "dtype", path), path + ".dtype"), path + ".dtype");
    List<SymInt> sizes = symInts(Json.field(n, "sizes", path), path + ".sizes");
    List<SymInt> strides = symInts(Json.field(n, "strides", path), path + ".strides");
    JsonNode offset = Json.optional(n, "storage_offset", path);
    SymInt storageOffset = offset == null ? SymInt.of(0) : symInt(offset, path + ".storage_offset");
    JsonNode layout = Json.optional(n, "layout", path);
    if (layout != null && Json.integer(layout, path + ".layout") != Schema.LAYOUT_STRIDED) {
      throw new SerdeException(
          path + ".layout: only strided tensors (Layout 7) are supported, not " + layout);
    }
    if (sizes.size() != strides.size()) {
      throw new SerdeException(
          path + ": " + sizes.size() + " sizes but " + strides.size() + " strides");
    }
    return new TensorMeta(
        dtype, ImmutableList.copyOf(sizes), ImmutableList.copyOf(strides), storageOffset);
  }

  private List<SymInt> symInts(JsonNode n, String path) {
    List<JsonNode> l = Json.list(n, path);
    List<SymInt> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      out.add(symInt(l.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  SymInt symInt(JsonNode n, String path) {
    Map.Entry<String, JsonNode> u = Json.union(n, path);
    String p = path + "." + u.getKey();
    switch (u.getKey()) {
      case "as_int":
        return SymInt.of(Json.integer(u.getValue(), p));
      case "as_expr":
        {
          IntExpr e =
              SymExprText.parseInt(
                  Json.str(Json.field(u.getValue(), "expr_str", p), p + ".expr_str"),
                  f,
                  p + ".expr_str");
          JsonNode hint = Json.optional(u.getValue(), "hint", p);
          if (hint != null) {
            Map.Entry<String, JsonNode> h = Json.union(hint, p + ".hint");
            if (!h.getKey().equals("as_int")) {
              throw new SerdeException(
                  p + ".hint: an integer's hint must be as_int, not " + h.getKey());
            }
            recordHint(e, bigInteger(h.getValue(), p + ".hint.as_int"), p);
          }
          return value(e);
        }
      default:
        throw new SerdeException(p + ": unknown SymInt field '" + u.getKey() + "'");
    }
  }

  /** A symbolic integer for {@code e}: a constant, or a value of the loaded program. */
  SymInt value(IntExpr e) {
    symbols.addAll(e.freeSymbols());
    IntValue c = e.constantValue();
    if (c != null) {
      if (!c.fitsLong()) {
        throw new SerdeException("the constant " + c + " does not fit 64 bits");
      }
      return SymInt.of(c.longValueExact());
    }
    return SymInt.of(e, ctx, null);
  }

  SymBool symBool(JsonNode n, String path) {
    Map.Entry<String, JsonNode> u = Json.union(n, path);
    String p = path + "." + u.getKey();
    switch (u.getKey()) {
      case "as_bool":
        return SymBool.constant(Json.bool(u.getValue(), p));
      case "as_expr":
        {
          BoolExpr e =
              SymExprText.parseBool(
                  Json.str(Json.field(u.getValue(), "expr_str", p), p + ".expr_str"),
                  f,
                  p + ".expr_str");
          symbols.addAll(e.freeSymbols());
          return SymBool.of(e, ctx, null);
        }
      default:
        throw new SerdeException(p + ": unknown SymBool field '" + u.getKey() + "'");
    }
  }

  /** Reads an expression that is not a value of the graph (a range-constraint key). */
  Expr expression(String text, String path) {
    Expr e = SymExprText.parse(text, f, path);
    symbols.addAll(e.freeSymbols());
    return e;
  }

  private void recordHint(IntExpr e, IntValue hint, String path) {
    if (e instanceof Sym s) {
      IntValue old = hints.putIfAbsent(s, hint);
      if (old != null && !old.equals(hint)) {
        throw new SerdeException(
            path + ".hint: symbol " + s + " has the hint " + hint + " here but " + old + " before");
      }
    } else if (!e.isConstant()) {
      derivedHints.add(Map.entry(e, hint));
    }
  }

  static IntValue bigInteger(JsonNode n, String path) {
    if (n == null || !n.isIntegralNumber()) {
      throw new SerdeException(path + ": expected an integer, found " + Json.describe(n));
    }
    BigInteger b = n.bigIntegerValue();
    if (b.bitLength() > 4096) {
      throw new SerdeException(path + ": integer too large");
    }
    return IntValue.of(b);
  }
}
