package dev.symshapes.export.serde.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.symshapes.export.graph.GraphModule;
import dev.symshapes.export.graph.Node;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.GraphSignature;
import dev.symshapes.export.program.TreeSpec;
import dev.symshapes.export.serde.LoadOptions;
import dev.symshapes.export.serde.SerdeException;
import dev.symshapes.export.spi.SymContext;
import dev.symshapes.export.spi.SymInt;
import dev.symshapes.export.spi.TensorMeta;
import dev.symshapes.export.tensor.TensorData;
import dev.symshapes.expr.BoolExpr;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntExpr;
import dev.symshapes.expr.Substitution;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.solver.ProducedGuards;
import dev.symshapes.solver.ProducedGuards.SourceBinding;
import dev.symshapes.solver.ShapeEnv;
import dev.symshapes.solver.Source;
import dev.symshapes.solver.Truth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PyTorch's top-level {@code ExportedProgram} JSON into an {@link ExportedProgram} ({@code
 * ExportedProgramDeserializer.deserialize} of {@code torch/_export/serde/serialize.py}): the
 * schema's major version must be {@value Schema#MAJOR} (any minor version is read, as PyTorch
 * does), the graph and signature are read, a shape environment is re-created ({@link
 * EnvRebuilder}), and the {@code guards_code} become the program's input checks.
 */
public final class ProgramDecoder {
  private ProgramDecoder() {}

  /**
   * The program of {@code root}, with the given state.
   *
   * @throws SerdeException naming what is wrong and where
   */
  public static ExportedProgram decode(
      JsonNode root,
      Map<String, TensorData> stateDict,
      Map<String, TensorData> constants,
      LoadOptions options) {
    Json.obj(root, "$");
    checkVersion(root);
    ExprFactory f = ExprFactory.create();
    ShapeEnv env = ShapeEnv.builder().factory(f).build();
    SymContext ctx = () -> env;
    ValueDecoder values = new ValueDecoder(f, ctx);

    Map<IntExpr, IntRange> ranges = new LinkedHashMap<>();
    JsonNode rc = Json.optional(root, "range_constraints", "$");
    if (rc != null) {
      for (Map.Entry<String, JsonNode> e : Json.entries(rc, "range_constraints")) {
        String p = "range_constraints." + e.getKey();
        Expr key = values.expression(e.getKey(), p);
        if (!(key instanceof IntExpr k)) {
          throw new SerdeException(p + ": '" + e.getKey() + "' is not an integer expression");
        }
        ranges.put(k, range(e.getValue(), p));
      }
    }

    JsonNode gmJson = Json.field(root, "graph_module", "$");
    String gp = "graph_module";
    JsonNode sigJson = Json.field(gmJson, "signature", gp);
    List<JsonNode> inputSpecs =
        Json.list(
            Json.field(sigJson, "input_specs", gp + ".signature"), gp + ".signature.input_specs");
    GraphDecoder graphs = new GraphDecoder(values, options.registry(), options.limits().maxNodes());
    GraphModule gm =
        graphs.decode(
            Json.field(gmJson, "graph", gp),
            gp + ".graph",
            i -> constantInputName(inputSpecs, i, gp + ".signature.input_specs"));
    List<Node> placeholders = gm.graph().placeholders();
    List<SignatureCodec.ArgRef> refs = new ArrayList<>();
    for (Node p : placeholders) {
      refs.add(new SignatureCodec.ArgRef(p.name(), null, null));
    }
    GraphSignature signature = SignatureCodec.decode(sigJson, gp + ".signature", refs);

    List<Node> userPlaceholders = new ArrayList<>();
    for (int i = 0; i < placeholders.size(); i++) {
      if (signature.inputs().get(i).kind().name().equals("USER_INPUT")) {
        userPlaceholders.add(placeholders.get(i));
      }
    }
    CallSpec call = callSpec(gmJson, userPlaceholders, signature, options.limits().maxJsonDepth());
    List<List<Integer>> paths = new ArrayList<>();
    leafPaths(call.argsSpec(), new ArrayDeque<>(), paths);
    if (paths.size() != userPlaceholders.size()) {
      throw new SerdeException(
          gp
              + ".module_call_graph: in_spec has "
              + paths.size()
              + " leaves but the program has "
              + userPlaceholders.size()
              + " user inputs");
    }

    // Sources of the user inputs, for the re-created symbols and the guards.
    Map<Sym, Source> symbolSources = new LinkedHashMap<>();
    Map<String, IntExpr> sourceExprs = new LinkedHashMap<>();
    List<SourceBinding> bindings = new ArrayList<>();
    for (int i = 0; i < userPlaceholders.size(); i++) {
      List<Integer> path = paths.get(i);
      String base = base(call.names(), path);
      Object val = userPlaceholders.get(i).val();
      if (val instanceof TensorMeta m) {
        for (int d = 0; d < m.dim(); d++) {
          Source src = new Source(base, Source.Property.SIZE, d);
          addSource(src, m.sizes().get(d), symbolSources, sourceExprs, bindings);
        }
        for (int d = 0; d < m.dim(); d++) {
          sourceExprs.putIfAbsent(base + ".stride()[" + d + "]", m.strides().get(d).expr());
        }
        sourceExprs.putIfAbsent(base + ".storage_offset()", m.storageOffset().expr());
      } else if (val instanceof SymInt s) {
        addSource(
            new Source(base, Source.Property.VALUE, -1), s, symbolSources, sourceExprs, bindings);
      }
    }

    List<String> pythonGuards = new ArrayList<>();
    List<BoolExpr> parsed = new ArrayList<>();
    JsonNode gc = Json.optional(root, "guards_code", "$");
    if (gc != null) {
      List<JsonNode> codes = Json.list(gc, "guards_code");
      for (int i = 0; i < codes.size(); i++) {
        String code = Json.str(codes.get(i), "guards_code[" + i + "]");
        pythonGuards.add(code);
        parsed.add(GuardsCode.parse(code, sourceExprs, f, "guards_code[" + i + "]"));
      }
    }
    // Roots of derived dims that are no input's size are named in the guards by the dim's name;
    // their symbols get that name as source, as when the program was exported.
    Map<Sym, Sym> phantoms =
        PhantomRoots.resolve(parsed, pythonGuards, values.symbols, symbolSources.keySet());
    phantoms.forEach(
        (name, s) -> {
          Source src = Source.named(name.name());
          symbolSources.putIfAbsent(s, src);
          bindings.add(new SourceBinding(src, s));
        });
    parsed.replaceAll(g -> Substitution.apply(g, phantoms));

    List<GraphModule> all = new ArrayList<>();
    collect(gm, all);
    EnvRebuilder.rebuild(
        env, values, ranges, symbolSources, all, options.limits().maxSymbolIndex());
    // What the bindings and ranges imply is checked by them; the rest is checked last.
    List<BoolExpr> residual = new ArrayList<>();
    for (BoolExpr g : parsed) {
      if (env.decide(g).truth() != Truth.TRUE && !residual.contains(g)) {
        residual.add(g);
      }
    }
    residual.forEach(g -> EnvRebuilder.addFact(env, g));

    ProducedGuards guards =
        new ProducedGuards(
            ImmutableList.copyOf(bindings),
            ImmutableList.copyOf(pythonGuards),
            ImmutableMap.copyOf(ranges),
            ImmutableList.copyOf(residual));
    StateCheck.check(signature, placeholders, stateDict, constants, options.missingState());
    try {
      return new ExportedProgram(
          gm,
          signature,
          ImmutableMap.copyOf(stateDict),
          ImmutableMap.copyOf(constants),
          guards,
          env,
          call.names(),
          call.argsSpec(),
          call.outSpec());
    } catch (IllegalArgumentException e) {
      throw new SerdeException("the program is inconsistent: " + e.getMessage(), e);
    }
  }

  private static void addSource(
      Source src,
      SymInt v,
      Map<Sym, Source> symbolSources,
      Map<String, IntExpr> sourceExprs,
      List<SourceBinding> bindings) {
    sourceExprs.putIfAbsent(src.name(), v.expr());
    if (v.expr() instanceof Sym s) {
      symbolSources.putIfAbsent(s, src);
    }
    if (!v.isConstant()) {
      bindings.add(new SourceBinding(src, v.expr()));
    }
  }

  private static void collect(GraphModule gm, List<GraphModule> out) {
    out.add(gm);
    gm.submodules().values().forEach(s -> collect(s, out));
  }

  private static void checkVersion(JsonNode root) {
    JsonNode v = Json.field(root, "schema_version", "$");
    long major = Json.integer(Json.field(v, "major", "schema_version"), "schema_version.major");
    long minor = Json.integer(Json.field(v, "minor", "schema_version"), "schema_version.minor");
    // PyTorch accepts its own major version, and 0.0 (files written before versions existed).
    if (major != Schema.MAJOR && !(major == 0 && minor == 0)) {
      JsonNode tv = Json.optional(root, "torch_version", "$");
      throw new SerdeException(
          "schema version "
              + major
              + "."
              + minor
              + " is not supported: symshapes reads PyTorch's export schema "
              + Schema.MAJOR
              + ".x"
              + (tv != null && tv.isTextual()
                  ? " (the file was written by " + tv.textValue() + ")"
                  : ""));
    }
  }

  private static IntRange range(JsonNode n, String p) {
    JsonNode lo = Json.optional(n, "min_val", p);
    JsonNode hi = Json.optional(n, "max_val", p);
    Bound lower =
        lo == null ? Bound.NEG_INT_OO : Bound.of(ValueDecoder.bigInteger(lo, p + ".min_val"));
    Bound upper = hi == null ? Bound.INT_OO : Bound.of(ValueDecoder.bigInteger(hi, p + ".max_val"));
    if (lower.compareTo(upper) > 0) {
      throw new SerdeException(p + ": the range [" + lower + ", " + upper + "] is empty");
    }
    return IntRange.of(lower, upper);
  }

  private static String constantInputName(List<JsonNode> specs, int i, String p) {
    if (i >= specs.size()) {
      return "arg" + i;
    }
    Map.Entry<String, JsonNode> u = Json.union(specs.get(i), p + "[" + i + "]");
    if (u.getKey().equals("constant_input")) {
      return Json.str(Json.field(u.getValue(), "name", p), p + "[" + i + "].constant_input.name");
    }
    return "arg" + i;
  }

  /** The root module's call structure. */
  record CallSpec(TreeSpec argsSpec, TreeSpec outSpec, ImmutableList<String> names) {}

  private static CallSpec callSpec(
      JsonNode gmJson, List<Node> userInputs, GraphSignature sig, int maxDepth) {
    String p = "graph_module.module_call_graph";
    JsonNode mcg = Json.optional(gmJson, "module_call_graph", "graph_module");
    JsonNode rootSig = null;
    if (mcg != null) {
      List<JsonNode> entries = Json.list(mcg, p);
      for (int i = 0; i < entries.size(); i++) {
        String q = p + "[" + i + "]";
        if (Json.str(Json.field(entries.get(i), "fqn", q), q + ".fqn").isEmpty()) {
          rootSig = Json.optional(entries.get(i), "signature", q);
          p = q + ".signature";
          break;
        }
      }
    }
    long userOutputs =
        sig.outputs().stream().filter(o -> o.kind().name().equals("USER_OUTPUT")).count();
    if (rootSig == null) {
      List<TreeSpec> leaves = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Node n : userInputs) {
        leaves.add(TreeSpec.leaf());
        names.add(n.name());
      }
      List<TreeSpec> outs = new ArrayList<>();
      for (long i = 0; i < userOutputs; i++) {
        outs.add(TreeSpec.leaf());
      }
      return new CallSpec(
          TreeSpec.tuple(leaves),
          userOutputs == 1 ? TreeSpec.leaf() : TreeSpec.tuple(outs),
          ImmutableList.copyOf(names));
    }
    TreeSpec in =
        TreeSpecJson.loads(
            Json.str(Json.field(rootSig, "in_spec", p), p + ".in_spec"), p + ".in_spec", maxDepth);
    if (in.kind() != TreeSpec.Kind.TUPLE
        || in.children().size() != 2
        || in.children().get(0).kind() != TreeSpec.Kind.TUPLE
        || in.children().get(1).kind() != TreeSpec.Kind.DICT) {
      throw new SerdeException(p + ".in_spec: expected the structure ((args...), {}), found " + in);
    }
    TreeSpec args = in.children().get(0);
    TreeSpec out =
        TreeSpecJson.loads(
            Json.str(Json.field(rootSig, "out_spec", p), p + ".out_spec"),
            p + ".out_spec",
            maxDepth);
    JsonNode fan = Json.optional(rootSig, "forward_arg_names", p);
    List<String> names = new ArrayList<>();
    if (fan != null) {
      for (JsonNode n : Json.list(fan, p + ".forward_arg_names")) {
        names.add(Json.str(n, p + ".forward_arg_names"));
      }
    }
    if (names.size() != args.children().size()) {
      names.clear();
      for (int i = 0; i < args.children().size(); i++) {
        TreeSpec c = args.children().get(i);
        names.add(
            c.kind() == TreeSpec.Kind.LEAF && i < userInputs.size()
                ? userInputs.get(i).name()
                : "arg" + i);
      }
    }
    return new CallSpec(args, out, ImmutableList.copyOf(names));
  }

  private static void leafPaths(TreeSpec t, Deque<Integer> path, List<List<Integer>> out) {
    if (t.kind() == TreeSpec.Kind.LEAF) {
      out.add(new ArrayList<>(path));
      return;
    }
    for (int i = 0; i < t.children().size(); i++) {
      path.addLast(i);
      leafPaths(t.children().get(i), path, out);
      path.removeLast();
    }
  }

  /** {@code L['x']}, or {@code L['xs'][1]} for an element of a list input. */
  private static String base(List<String> names, List<Integer> path) {
    StringBuilder sb = new StringBuilder("L['").append(names.get(path.get(0))).append("']");
    for (int i = 1; i < path.size(); i++) {
      sb.append('[').append(path.get(i)).append(']');
    }
    return sb.toString();
  }
}
