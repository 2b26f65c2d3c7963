package dev.symshapes.export.ops;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An operator schema in PyTorch's syntax, parsed: {@code aten::add.Tensor(Tensor self, Tensor
 * other, *, Scalar alpha=1) -> Tensor}. Arguments after {@code *} are keyword-only; an alias
 * annotation with {@code !} ({@code Tensor(a!) self}) marks an argument the op mutates.
 *
 * @param namespace {@code aten}
 * @param name {@code add}
 * @param overload {@code Tensor}, or empty for the default overload
 * @param arguments the arguments in order
 * @param returns the return types, in order
 * @param text the schema as written
 */
public record OpSchema(
    String namespace,
    String name,
    String overload,
    ImmutableList<Argument> arguments,
    ImmutableList<String> returns,
    String text) {

  /**
   * One argument.
   *
   * @param type the type without alias annotation ({@code Tensor}, {@code int[]}, {@code Scalar},
   *     {@code Tensor?})
   * @param name the argument's name
   * @param defaultValue the default as written, if any
   * @param keywordOnly true after {@code *}
   * @param mutated true for alias annotations with {@code !}
   */
  public record Argument(
      String type,
      String name,
      Optional<String> defaultValue,
      boolean keywordOnly,
      boolean mutated) {}

  /**
   * Parses a schema.
   *
   * @throws IllegalArgumentException naming the schema and what is wrong
   */
  public static OpSchema parse(String text) {
    checkNotNull(text, "text");
    String s = text.trim();
    int sep = s.indexOf("::");
    int open = s.indexOf('(');
    int arrow = s.lastIndexOf("->");
    int close = arrow < 0 ? -1 : s.lastIndexOf(')', arrow);
    checkArgument(
        sep > 0 && open > sep && close > open && arrow > close,
        "invalid operator schema '%s': expected 'namespace::name[.overload](args) -> returns'",
        text);
    String ns = s.substring(0, sep).trim();
    String full = s.substring(sep + 2, open).trim();
    int dot = full.indexOf('.');
    String name = dot < 0 ? full : full.substring(0, dot);
    String overload = dot < 0 ? "" : full.substring(dot + 1);
    checkArgument(
        isIdentifier(ns) && isIdentifier(name) && (overload.isEmpty() || isIdentifier(overload)),
        "invalid operator name in schema '%s'",
        text);
    List<Argument> args = new ArrayList<>();
    boolean kwOnly = false;
    for (String part : splitTopLevel(s.substring(open + 1, close))) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (p.equals("*")) {
        kwOnly = true;
        continue;
      }
      String def = null;
      int eq = p.indexOf('=');
      if (eq >= 0) {
        def = p.substring(eq + 1).trim();
        p = p.substring(0, eq).trim();
      }
      int sp = p.lastIndexOf(' ');
      checkArgument(sp > 0, "invalid argument '%s' in schema '%s'", part.trim(), text);
      String type = p.substring(0, sp).trim();
      String argName = p.substring(sp + 1).trim();
      checkArgument(
          isIdentifier(argName), "invalid argument name '%s' in schema '%s'", argName, text);
      boolean mutated = false;
      int alias = type.indexOf('(');
      if (alias >= 0) {
        int end = type.indexOf(')', alias);
        checkArgument(
            end > alias, "unbalanced alias annotation in '%s' of schema '%s'", type, text);
        mutated = type.substring(alias, end).contains("!");
        type = type.substring(0, alias) + type.substring(end + 1);
      }
      args.add(new Argument(type, argName, Optional.ofNullable(def), kwOnly, mutated));
    }
    String ret = s.substring(arrow + 2).trim();
    List<String> returns = new ArrayList<>();
    if (ret.startsWith("(") && ret.endsWith(")")) {
      for (String r : splitTopLevel(ret.substring(1, ret.length() - 1))) {
        if (!r.trim().isEmpty()) {
          returns.add(stripAlias(r.trim()));
        }
      }
    } else {
      returns.add(stripAlias(ret));
    }
    return new OpSchema(
        ns, name, overload, ImmutableList.copyOf(args), ImmutableList.copyOf(returns), text);
  }

  private static String stripAlias(String t) {
    int a = t.indexOf('(');
    if (a < 0) {
      return t.split(" ")[0];
    }
    int e = t.indexOf(')', a);
    return (t.substring(0, a) + t.substring(e + 1)).split(" ")[0];
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** {@code aten::add.Tensor}. */
  public String qualifiedName() {
    return namespace + "::" + name + (overload.isEmpty() ? "" : "." + overload);
  }

  /** The overload name as Python spells it: {@code default} when there is none. */
  public String overloadOrDefault() {
    return overload.isEmpty() ? "default" : overload;
  }

  /** True when the op mutates one of its arguments. */
  public boolean mutates() {
    for (Argument a : arguments) {
      if (a.mutated()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The position of the argument the (first) result aliases, as the schema's alias annotations say:
   * {@code 0} for {@code aten::view(Tensor(a) self, SymInt[] size) -> Tensor(a)} and for {@code
   * aten::add_.Tensor(Tensor(a!) self, ...) -> Tensor(a!)}; empty when the result is a new tensor
   * ({@code aten::add.Tensor}).
   */
  public java.util.OptionalInt aliasedArgument() {
    String s = text.trim();
    int arrow = s.lastIndexOf("->");
    int close = s.lastIndexOf(')', arrow);
    String ret = s.substring(arrow + 2);
    String set = aliasSet(ret);
    if (set == null) {
      return java.util.OptionalInt.empty();
    }
    List<String> args = splitTopLevel(s.substring(s.indexOf('(') + 1, close));
    int i = 0;
    for (String a : args) {
      String p = a.trim();
      if (p.isEmpty() || p.equals("*")) {
        continue;
      }
      if (set.equals(aliasSet(p))) {
        return java.util.OptionalInt.of(i);
      }
      i++;
    }
    return java.util.OptionalInt.empty();
  }

  /** The alias set letter of the first annotated type in {@code t} ({@code a} in Tensor(a!)). */
  private static String aliasSet(String t) {
    int open = t.indexOf("Tensor(");
    if (open < 0) {
      return null;
    }
    int start = open + "Tensor(".length();
    int end = start;
    while (end < t.length() && Character.isLetter(t.charAt(end))) {
      end++;
    }
    return end > start ? t.substring(start, end) : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
