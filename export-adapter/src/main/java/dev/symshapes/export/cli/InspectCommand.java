package dev.symshapes.export.cli;

import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.export.serde.ConstraintReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symshapes inspect FILE}: prints a saved program as PyTorch prints it, then what the solver
 * proves about its runtime asserts, guards and range constraints ({@link ConstraintReport}).
 */
@Command(
    name = "inspect",
    description = {
      "Prints an exported program saved in PyTorch's format (a .pt2 archive or its JSON), then"
          + " what the solver proves about it: which runtime asserts and guards are needed,"
          + " redundant, or can never hold, and which range constraints can be tightened or are"
          + " not enforced when the program runs."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  $ symshapes inspect model.pt2",
      "  ExportedProgram:",
      "  ...",
      "%nExit status: 0 printed; 1 the file cannot be read as a program; 2 bad command line."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .pt2 archive or a program's JSON.")
  Path file;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    ExportedProgram ep;
    try {
      ep = ProgramFiles.load(file);
    } catch (AnswerException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitStatus.FAILED.code();
    }
    spec.commandLine().getOut().print(ep + "\n" + ConstraintReport.of(ep));
    return ExitStatus.OK.code();
  }
}
