package dev.symshapes.export.cli;

import dev.symshapes.expr.ExprFactory;
import dev.symshapes.solver.guardset.GuardSetException;
import dev.symshapes.solver.guardset.GuardSetParser;
import dev.symshapes.solver.guardset.GuardSetSimplifier;
import dev.symshapes.solver.guardset.GuardSetSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code symshapes simplify [FILE|-]}: simplifies a guard set in the text format. */
@Command(
    name = "simplify",
    description =
        "Simplifies a guard set (text format: one guard per line in sympy syntax, 'range s0 [2,"
            + " 512]', 'hint s0 6', '#' comments) into an equivalent smaller one: equalities that"
            + " isolate a symbol are substituted, guards on one symbol are merged into its range,"
            + " and guards implied by the others are dropped (ranges first, then Z3). Prints the"
            + " sizes before and after as a comment, then the simplified set in the same format.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  $ printf 's0 >= 2\\ns0 < s1\\ns1 < s2\\ns0 < s2\\n' | symshapes simplify",
      "  # before: 4 guards, 0 ranges; after: 2 guards, 1 range ...",
      "  range s0 [2, int_oo]",
      "  s0 < s1",
      "  s1 < s2",
      "%nA line that cannot be read is reported as a comment, '# error: line 3, column 7: ...',"
          + " left out, and the exit status is 1.",
      "%nExit status: 0 simplified; 1 some line could not be read, the guards contradict each"
          + " other, or FILE cannot be read; 2 bad command line."
    })
final class SimplifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The guard set; - or nothing for standard input.")
  String file = "-";

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  private final InputStream stdin;

  SimplifyCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GuardSetParser.Result parsed;
    try (BufferedReader in = InputFiles.open(file, stdin)) {
      parsed = GuardSetParser.of(ExprFactory.create()).parse(in.lines().toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("error: cannot read " + file + ": " + e.getMessage());
      return ExitStatus.FAILED.code();
    }
    for (GuardSetSyntaxException e : parsed.errors()) {
      out.println("# error: " + e.getMessage());
    }
    GuardSetSimplifier.Result r;
    try {
      r = GuardSetSimplifier.create().simplify(parsed.guardSet());
    } catch (GuardSetException e) {
      out.flush();
      err.println("error: " + e.getMessage());
      return ExitStatus.FAILED.code();
    }
    out.println("# " + r.report());
    out.print(r.after().toText());
    out.flush();
    if (!parsed.errors().isEmpty()) {
      err.println(
          "error: "
              + parsed.errors().size()
              + (parsed.errors().size() == 1 ? " line" : " lines")
              + " could not be read; the first is line "
              + parsed.errors().get(0).line());
      return ExitStatus.FAILED.code();
    }
    return ExitStatus.OK.code();
  }
}
