package dev.symshapes.export.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.symshapes.export.tutorial.TutorialCases;
import dev.symshapes.solver.event.LogSwitch;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code symshapes} command: {@code symshapes expr print|eval|range|solve ...}.
 *
 * <pre>{@code
 * $ symshapes expr print "s3*s2 + 2*s2*s3"
 * 3*s2*s3
 * }</pre>
 *
 * <p>Text is read and written as UTF-8. Exit statuses are those of {@link ExitStatus}. The {@code
 * SYMSHAPES_LOGS} switch (system property or environment variable) selects the log lines, which go
 * to standard error ({@link CliLogging}).
 */
@Command(
    name = "symshapes",
    description =
        "Symbolic tensor-shape reasoning: PyTorch's ShapeEnv as a standalone, exact solver.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
      "  $ symshapes expr print \"s3*s2 + 2*s2*s3\"",
      "  3*s2*s3",
      "  $ symshapes expr solve \"Eq(s5, s2*s3)\" s5",
      "  s5 = s2*s3",
      "%n'symshapes COMMAND --help' (or 'symshapes help COMMAND') shows the details of a command."
          + " Logs go to standard error; SYMSHAPES_LOGS=+dynamic shows all shape-environment"
          + " events, SYMSHAPES_LOGS=dynamic the INFO ones."
    })
public final class Main implements Callable<Integer> {
  /** Output buffer: answers of a batch are written in blocks, not line by line. */
  private static final int OUTPUT_BUFFER = 1 << 16;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  private Main() {}

  /** Runs the command line and exits with its {@link ExitStatus}. */
  public static void main(String[] args) {
    CliLogging.configure(LogSwitch.fromEnvironment());
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, UTF_8), OUTPUT_BUFFER));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    int status = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs the command line {@code args} with the given streams and returns the exit status; {@link
   * #main} without the exit, for tests. The caller flushes {@code out} and {@code err}.
   */
  static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(in);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /**
   * The command tree. Each top-level command is a class of its own, registered here; settings are
   * applied after registration because picocli copies them to the subcommands present at that time.
   */
  static CommandLine commandLine(InputStream in) {
    CommandLine root = new CommandLine(new Main());
    root.addSubcommand(ExprCommand.create(in));
    root.addSubcommand(new CommandLine(new TutorialCommand(TutorialCases.all())));
    root.addSubcommand(new CommandLine(new DecideCommand(in)));
    root.addSubcommand(new CommandLine(new SimplifyCommand(in)));
    root.addSubcommand(new InspectCommand());
    root.addSubcommand(new CheckCommand());
    root.addSubcommand(new CommandLine.HelpCommand());
    // Expressions may start with '-' ("-u0 > 60"), so an unknown option is an expression; and
    // "-h0" is not "-h" followed by "0".
    root.setUnmatchedOptionsArePositionalParams(true);
    root.setPosixClusteredShortOptionsAllowed(false);
    // '@file' is not an argument file: expressions never start with '@', and surprises are worse.
    root.setExpandAtFiles(false);
    root.setParameterExceptionHandler(Main::usageError);
    return root;
  }

  /** Without a command: the usage, and {@link ExitStatus#USAGE}. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitStatus.USAGE.code();
  }

  /** A bad command line: one line that says what is wrong, and where to find help. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitStatus.USAGE.code();
  }
}
