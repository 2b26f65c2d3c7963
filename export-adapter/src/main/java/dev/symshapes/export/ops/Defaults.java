package dev.symshapes.export.ops;

import com.google.common.base.Splitter;
import dev.symshapes.export.spi.SymBool;
import dev.symshapes.export.spi.SymInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Schema default values ({@code alpha=1}, {@code dim=None}, {@code keepdim=False}, {@code
 * eps=1e-05}, {@code dims=[0, 1]}) as Java values, and the dispatcher's rule that a trailing
 * positional argument equal to its default is not recorded: {@code x.flatten()} is recorded as
 * {@code aten.flatten.using_ints(x)}, not {@code aten.flatten.using_ints(x, 0, -1)}.
 */
final class Defaults {
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern REAL =
      Pattern.compile("-?(\\d+\\.\\d*|\\d*\\.\\d+|\\d+)(e[-+]?\\d+)?");

  private Defaults() {}

  /**
   * The Java value of an argument's default: {@code null} for {@code None} (and for an argument
   * without a default), {@code Boolean}, {@code Long}, {@code Double}, a {@code List<Long>}, or the
   * text itself for enum-like defaults such as {@code contiguous_format}.
   */
  static Object valueOf(OpSchema.Argument a) {
    return a.defaultValue().map(Defaults::parse).orElse(null);
  }

  /**
   * As {@link #valueOf}, with a scalar default of a fixed-length list type repeated to that length
   * ({@code SymInt[2] stride=1} gives {@code [1, 1]}).
   */
  static Object expanded(OpSchema.Argument a) {
    Object v = valueOf(a);
    int n = fixedLength(a.type());
    if (n > 0 && v != null && !(v instanceof List<?>)) {
      return java.util.Collections.nCopies(n, v);
    }
    return v;
  }

  static Object parse(String text) {
    String t = text.trim();
    switch (t) {
      case "None":
        return null;
      case "True":
        return true;
      case "False":
        return false;
      default:
        break;
    }
    if (INTEGER.matcher(t).matches()) {
      return Long.parseLong(t);
    }
    if (REAL.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
      return Double.parseDouble(t);
    }
    if (t.startsWith("[") && t.endsWith("]")) {
      List<Object> out = new ArrayList<>();
      String inner = t.substring(1, t.length() - 1).trim();
      if (!inner.isEmpty()) {
        for (String part : Splitter.on(',').split(inner)) {
          out.add(parse(part));
        }
      }
      return out;
    }
    return t;
  }

  /**
   * Whether {@code value}, passed for argument {@code a}, equals its default, so that the
   * dispatcher would not record it. A list argument with a scalar default ({@code SymInt[2]
   * stride=1}) matches a list of that many copies ({@code [1, 1]}).
   */
  static boolean isDefault(OpSchema.Argument a, Object value) {
    if (a.defaultValue().isEmpty()) {
      return false;
    }
    Object d = valueOf(a);
    if (d == null) {
      return value == null;
    }
    if (value == null) {
      return false;
    }
    if (d instanceof List<?> dl) {
      return value instanceof List<?> vl && listEquals(dl, vl);
    }
    if (value instanceof List<?> vl) {
      int n = fixedLength(a.type());
      if (n >= 0 && vl.size() != n) {
        return false;
      }
      for (Object o : vl) {
        if (!scalarEquals(d, o)) {
          return false;
        }
      }
      return !vl.isEmpty();
    }
    return scalarEquals(d, value);
  }

  private static boolean listEquals(List<?> d, List<?> v) {
    if (d.size() != v.size()) {
      return false;
    }
    for (int i = 0; i < d.size(); i++) {
      if (!scalarEquals(d.get(i), v.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 2} for {@code SymInt[2]}, -1 for {@code int[]} or a scalar type. */
  private static int fixedLength(String type) {
    int open = type.indexOf('[');
    int close = type.indexOf(']', open + 1);
    if (open < 0 || close < 0 || close == open + 1) {
      return -1;
    }
    return Integer.parseInt(type.substring(open + 1, close));
  }

  private static boolean scalarEquals(Object d, Object v) {
    if (d instanceof Boolean b) {
      if (v instanceof SymBool s) {
        return s.isConstant() && s.expr().isTrue() == b;
      }
      return b.equals(v);
    }
    if (d instanceof Long l) {
      if (v instanceof SymInt s) {
        return s.isConstant() && s.constantValue() == l;
      }
      if (v instanceof Long || v instanceof Integer) {
        return ((Number) v).longValue() == l;
      }
      return false;
    }
    if (d instanceof Double x) {
      return (v instanceof Double || v instanceof Float) && ((Number) v).doubleValue() == x;
    }
    return false;
  }
}
