package dev.symshapes.export.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.symshapes.expr.Expr;
import dev.symshapes.expr.ExprFactory;
import dev.symshapes.expr.IntValue;
import dev.symshapes.expr.Sym;
import dev.symshapes.expr.range.Bound;
import dev.symshapes.expr.range.IntRange;
import dev.symshapes.expr.text.ExprParser;
import dev.symshapes.expr.text.ExprSyntaxException;
import dev.symshapes.solver.guardset.GuardSet;
import dev.symshapes.solver.guardset.GuardSetDecider;
import dev.symshapes.solver.guardset.GuardSetException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symshapes decide [FILE|-]}: decides queries against guard sets, one JSON object per line
 * in, one JSON object per line out.
 */
@Command(
    name = "decide",
    description =
        "Decides queries against facts, one JSON object per line: {\"symbols\": {\"s0\": [2,"
            + " null]}, \"hints\": {\"s0\": 6}, \"facts\": [\"Eq(s1, s0 + 2)\"], \"query\":"
            + " \"s1 >= 4\"}. A null bound is infinite; symbols that have no range are unbounded;"
            + " symbols named u... are unbacked (they have no hint). Each line is answered by"
            + " one line: {\"answer\": \"TRUE\"|\"FALSE\"|\"UNKNOWN\", \"decidedBy\":"
            + " \"constant\"|\"range\"|\"axiom\"|\"smt\"|\"none\", \"simplified\": \"...\"} for"
            + " a relation, {\"simplified\": \"...\", \"range\": \"VR[...]\"} for an integer"
            + " expression. The tiers are those of a shape environment: constant folding, value"
            + " ranges, axioms, then Z3 within a budget.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  $ printf '{\"facts\":[\"u0<u1\",\"u1<u2\"],\"query\":\"u0+1<u2\"}\\n' | symshapes decide",
      "  {\"answer\": \"TRUE\", \"decidedBy\": \"smt\", \"simplified\": \"u0 + 1 < u2\"}",
      "  $ printf '{\"symbols\": {\"s0\": [2, 8]}, \"query\": \"2*s0\"}\\n' | symshapes decide",
      "  {\"simplified\": \"2*s0\", \"range\": \"VR[4, 16]\"}",
      "%nA line that cannot be read or answered gets an error object instead, such as"
          + " {\"line\": 3, \"column\": 14, \"error\": \"...\"}, and the run goes on. Blank lines"
          + " and lines starting with # are echoed unchanged.",
      "%nExit status: 0 every line answered; 1 some line failed (or FILE cannot be read); 2 bad"
          + " command line."
    })
final class DecideCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The JSON-lines file; - or nothing for standard input.")
  String file = "-";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  private final InputStream stdin;
  private final ExprFactory factory = ExprFactory.create();
  private final ExprParser parser = ExprParser.of(factory);

  DecideCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (BufferedReader in = InputFiles.open(file, stdin)) {
      return JsonLines.run(in, out, err, this::answer).code();
    } catch (IOException e) {
      err.println("error: cannot read " + file + ": " + e.getMessage());
      return ExitStatus.FAILED.code();
    }
  }

  private String answer(String line) throws DecideRequest.LineError {
    DecideRequest r = DecideRequest.parse(line);
    GuardSet.Builder b = GuardSet.builder(factory);
    try {
      for (Map.Entry<String, BigInteger[]> e : r.symbols().entrySet()) {
        BigInteger[] lh = e.getValue();
        Bound lo = lh[0] == null ? Bound.NEG_INT_OO : Bound.of(IntValue.of(lh[0]));
        Bound hi = lh[1] == null ? Bound.INT_OO : Bound.of(IntValue.of(lh[1]));
        b.range(symbol(e.getKey()), IntRange.of(lo, hi));
      }
      for (Map.Entry<String, BigInteger> e : r.hints().entrySet()) {
        b.hint(symbol(e.getKey()), IntValue.of(e.getValue()));
      }
    } catch (IllegalArgumentException e) {
      throw new DecideRequest.LineError(0, e.getMessage());
    }
    for (DecideRequest.Located fact : r.facts()) {
      Expr e = parse(fact);
      if (e.isInt()) {
        throw new DecideRequest.LineError(
            fact.quoteIndex() + 1, fact.field() + ": a fact must be a relation, not " + e);
      }
      b.guard((dev.symshapes.expr.BoolExpr) e);
    }
    Expr query = parse(r.query());
    GuardSet set = b.build();
    for (Sym s : query.freeSymbols()) {
      if (!set.symbols().contains(s)) {
        b.range(s, IntRange.all());
        set = b.build();
      }
    }
    try (GuardSetDecider d = GuardSetDecider.of(set)) {
      GuardSetDecider.Answer a = d.decide(query);
      if (a.range().isPresent()) {
        return "{\"simplified\": "
            + quote(a.simplified().toString())
            + ", \"range\": "
            + quote(a.range().get().toString())
            + "}";
      }
      return "{\"answer\": "
          + quote(a.truth().name())
          + ", \"decidedBy\": "
          + quote(a.decidedBy().label())
          + ", \"simplified\": "
          + quote(a.simplified().toString())
          + "}";
    } catch (GuardSetException e) {
      throw new DecideRequest.LineError(0, e.getMessage());
    }
  }

  private Sym symbol(String name) throws DecideRequest.LineError {
    Expr e;
    try {
      e = parser.parse(name);
    } catch (ExprSyntaxException ex) {
      e = null;
    }
    if (!(e instanceof Sym s)) {
      throw new DecideRequest.LineError(0, "\"" + name + "\" is not a symbol name");
    }
    return s;
  }

  private Expr parse(DecideRequest.Located text) throws DecideRequest.LineError {
    try {
      return parser.parse(text.text());
    } catch (ExprSyntaxException e) {
      throw new DecideRequest.LineError(
          text.lineColumn(e.column()), text.field() + ": " + e.getMessage());
    }
  }

  /** A JSON string literal. */
  static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
