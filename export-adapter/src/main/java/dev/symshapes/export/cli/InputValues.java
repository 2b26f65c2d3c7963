package dev.symshapes.export.cli;

import dev.symshapes.export.graph.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --shapes} argument of {@code symshapes check}: {@code name=value} items separated by
 * spaces, where a value is a shape {@code [8,100]} (spaces allowed inside the brackets), an
 * integer, a float, {@code True}, {@code False}, {@code None}, or a string in single or double
 * quotes.
 */
final class InputValues {
  private InputValues() {}

  /**
   * The values by name, in the order given.
   *
   * @throws UsageException naming the item that is malformed
   */
  static Map<String, Object> parse(String text) throws UsageException {
    Map<String, Object> out = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
      String name = text.substring(start, i);
      if (name.isEmpty() || Character.isDigit(name.charAt(0)) || i >= n || text.charAt(i) != '=') {
        throw new UsageException(
            "expected name=value at column " + (start + 1) + " of '" + text + "'");
      }
      i++;
      int valueStart = i;
      Object value;
      if (i < n && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new UsageException("the shape of '" + name + "' has no closing ]");
        }
        value = shape(name, text.substring(i + 1, close));
        i = close + 1;
      } else if (i < n && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
        int close = text.indexOf(text.charAt(i), i + 1);
        if (close < 0) {
          throw new UsageException("the string value of '" + name + "' has no closing quote");
        }
        value = text.substring(i + 1, close);
        i = close + 1;
      } else {
        while (i < n && text.charAt(i) != ' ') {
          i++;
        }
        value = scalar(name, text.substring(valueStart, i));
      }
      if (i < n && text.charAt(i) != ' ') {
        throw new UsageException("expected a space after the value of '" + name + "'");
      }
      if (out.containsKey(name)) {
        throw new UsageException("'" + name + "' is given twice");
      }
      out.put(name, value);
    }
    if (out.isEmpty()) {
      throw new UsageException("no inputs given");
    }
    return out;
  }

  private static List<Long> shape(String name, String body) throws UsageException {
    List<Long> sizes = new ArrayList<>();
    if (body.isBlank()) {
      return sizes;
    }
    for (String part : body.split(",", -1)) {
      String p = part.trim();
      try {
        long v = Long.parseLong(p);
        if (v < 0) {
          throw new UsageException("the shape of '" + name + "' has a negative size " + v);
        }
        sizes.add(v);
      } catch (NumberFormatException e) {
        throw new UsageException(
            "the shape of '" + name + "' has '" + p + "', which is not a size");
      }
    }
    return sizes;
  }

  private static Object scalar(String name, String v) throws UsageException {
    switch (v) {
      case "True":
        return true;
      case "False":
        return false;
      case "None":
        return null;
      default:
        break;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException notAnInteger) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new UsageException(
            "the value of '"
                + name
                + "' is '"
                + v
                + "': expected [sizes], a number, True, False,"
                + " None or a quoted string");
      }
    }
  }

  /** {@code x=[8, 100] n=16}, in the program's order. */
  static String show(Map<String, Object> given, List<String> names) {
    List<String> parts = new ArrayList<>();
    for (String n : names) {
      Object v = given.get(n);
      parts.add(
          n + "=" + (v instanceof List<?> l ? l.toString() : PythonRepr.repr(v, x -> x.name())));
    }
    return String.join(" ", parts);
  }
}
