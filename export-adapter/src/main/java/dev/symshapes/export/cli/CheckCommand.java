package dev.symshapes.export.cli;

import dev.symshapes.export.graph.Node;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.program.InputCheckException;
import dev.symshapes.export.program.InputShape;
import dev.symshapes.export.spi.TensorMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symshapes check FILE --shapes "x=[8,100] y=[8,100]"}: runs a saved program's input checks
 * (the plan its module runs on every call) on input shapes alone, and says which rule fails.
 */
@Command(
    name = "check",
    description = {
      "Checks input shapes against a saved program's input checks: the ranks, static sizes,"
          + " symbol ranges, equalities between dimensions and guards that its module checks on"
          + " every call. Conditions on data (runtime asserts) are not checked: they need values."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  $ symshapes check model.pt2 --shapes \"x=[8,100] y=[8,100]\"",
      "  ok: x=[8, 100] y=[8, 100]",
      "  $ symshapes check model.pt2 --shapes \"x=[8,100] y=[3,100]\"",
      "  fails: Expected input at *args[1].shape[0] to be equal to 8, but got 3. ...",
      "%nSHAPES names every user input (placeholders, in the program's printed order): a tensor by"
          + " its shape [d0,d1,...], an integer, float or boolean input by its value (16, 0.5,"
          + " True), None, or a string in quotes.",
      "%nExit status: 0 the shapes pass; 1 a check fails, or the file cannot be read; 2 bad"
          + " command line."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .pt2 archive or a program's JSON.")
  Path file;

  @Option(
      names = "--shapes",
      required = true,
      paramLabel = "SHAPES",
      description = "The inputs, as name=value separated by spaces: \"x=[8,100] n=16\".")
  String shapes;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    Map<String, Object> given;
    try {
      given = InputValues.parse(shapes);
    } catch (UsageException e) {
      throw new ParameterException(spec.commandLine(), "--shapes: " + e.getMessage());
    }
    ExportedProgram ep;
    try {
      ep = ProgramFiles.load(file);
    } catch (AnswerException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitStatus.FAILED.code();
    }
    List<Node> users = userInputs(ep);
    List<String> names = new ArrayList<>();
    users.forEach(n -> names.add(n.name()));
    for (String name : given.keySet()) {
      if (!names.contains(name)) {
        throw new ParameterException(
            spec.commandLine(),
            "--shapes: the program has no input '"
                + name
                + "' (its inputs: "
                + String.join(", ", names)
                + ")");
      }
    }
    List<Object> leaves = new ArrayList<>();
    for (Node n : users) {
      if (!given.containsKey(n.name())) {
        throw new ParameterException(
            spec.commandLine(), "--shapes: no value for input '" + n.name() + "'");
      }
      Object v = given.get(n.name());
      if (n.val() instanceof TensorMeta && v instanceof List<?> l) {
        long[] sizes = new long[l.size()];
        for (int i = 0; i < sizes.length; i++) {
          sizes[i] = (Long) l.get(i);
        }
        v = InputShape.of(sizes);
      }
      leaves.add(v);
    }
    Object[] args = (Object[]) ep.argsSpec().unflatten(leaves);
    String shown = InputValues.show(given, names);
    try {
      ep.module().checkInputs(args);
    } catch (InputCheckException e) {
      spec.commandLine().getOut().println("fails: " + e.getMessage());
      return ExitStatus.FAILED.code();
    }
    spec.commandLine().getOut().println("ok: " + shown);
    return ExitStatus.OK.code();
  }

  private static List<Node> userInputs(ExportedProgram ep) {
    List<Node> out = new ArrayList<>();
    List<Node> placeholders = ep.graph().placeholders();
    for (int i = 0; i < placeholders.size(); i++) {
      if (ep.graphSignature().inputs().get(i).kind().name().equals("USER_INPUT")) {
        out.add(placeholders.get(i));
      }
    }
    return out;
  }
}
