package dev.symshapes.export.cli;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.tutorial.TutorialCase;
import dev.symshapes.export.tutorial.TutorialCases;
import dev.symshapes.export.tutorial.TutorialRun;
import dev.symshapes.solver.ShapeEnv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symshapes tutorial [--logs] [CASE...]}: runs the {@code torch.export} tutorial's cases
 * written in Java (those of {@link TutorialCases}) and prints, for each, a header line {@code ##
 * T07 title} and what the case prints: its exported program, the results of running it, or its
 * error. With {@code --logs}, the shape-environment events of the case's exports come first, one
 * line each, in the words of PyTorch's {@code TORCH_LOGS="+dynamic"} lines ({@code set_replacement
 * s4 = s2 (solve) VR[2, int_oo]}), as they happen. With {@code --save DIR}, each program a case
 * exports is written to {@code DIR/<id>-<n>.pt2} ({@link ProgramSaver}).
 */
@Command(
    name = "tutorial",
    description =
        "Runs the torch.export tutorial's cases, written in Java, and prints what each prints:"
            + " its exported program, the results of running it, or its error.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  $ symshapes tutorial T06",
      "  ## T06 static program rejects other shapes",
      "  > model.call(w, x, randn(3, 4), randn(12))",
      "  (f32[6, 3], f32[12])",
      "  > ep.module().call(w, x, randn(3, 4), randn(12))",
      "  InputCheckException: Expected input at *args[2].shape[0] to be equal to ...",
      "%nWithout CASE, every case runs, in id order; --list shows their ids and titles. With"
          + " --logs, the shape-environment events of each export come before what the case"
          + " prints. With --save DIR, each program a case exports is also written to"
          + " DIR/<id>-<n>.pt2, numbered from 1 in the order the case exports them. Exit status:"
          + " 0 every case ran; 1 a case failed unexpectedly (its error goes to standard error"
          + " and the others still run), a program could not be saved, or DIR cannot be written"
          + " (then no case runs); 2 bad command line (such as an unknown case)."
    })
final class TutorialCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "CASE",
      arity = "0..*",
      description = "The ids of the cases to run (T01, t07, ...); default: every case.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--logs",
      description =
          "Also print the shape-environment events of each case (create_symbol,"
              + " set_replacement, runtime_assert ... [guard added], ...), as PyTorch prints them"
              + " with TORCH_LOGS=\"+dynamic\".")
  boolean logs;

  @Option(
      names = "--save",
      paramLabel = "DIR",
      description =
          "Also save each program a case exports as DIR/<id>-<n>.pt2 (T12-2.pt2 is T12's second"
              + " program), creating DIR if needed, and print a line 'saved DIR/T12-2.pt2' for"
              + " each after the case's text.")
  Path saveDir;

  @Option(
      names = "--list",
      description = "Print the id and title of each case instead of running them.")
  boolean list;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  private final ImmutableList<TutorialCase> registry;

  /** The command over {@code registry}, the cases it knows, in id order ({@link TutorialCases}). */
  TutorialCommand(List<TutorialCase> registry) {
    this.registry = ImmutableList.copyOf(registry);
  }

  @Override
  public Integer call() {
    List<TutorialCase> cases = selected();
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (TutorialCase c : cases) {
        out.println(c.id() + "  " + c.title());
      }
      return ExitStatus.OK.code();
    }
    if (saveDir != null) {
      Optional<String> unusable = ProgramSaver.prepare(saveDir);
      if (unusable.isPresent()) {
        spec.commandLine().getErr().println("error: " + unusable.get());
        return ExitStatus.FAILED.code();
      }
    }
    ExitStatus status = ExitStatus.OK;
    for (int i = 0; i < cases.size(); i++) {
      TutorialCase c = cases.get(i);
      if (i > 0) {
        out.println();
      }
      out.println("## " + c.id() + " " + c.title());
      Supplier<ShapeEnv.Builder> shapeEnvs =
          logs
              ? () -> ShapeEnv.builder().listener(e -> out.println(e.logLine()))
              : ShapeEnv::builder;
      TutorialRun run = new TutorialRun(c.id(), shapeEnvs);
      try {
        out.print(c.run(run));
        if (saveDir != null && !ProgramSaver.save(run.programs(), saveDir, out, errorPrinter())) {
          status = ExitStatus.FAILED;
        }
      } catch (RuntimeException e) {
        // A case reports the errors it is about as its text; anything else is a bug.
        out.flush();
        spec.commandLine().getErr().println("error: " + c.id() + " failed: " + e);
        status = ExitStatus.FAILED;
      }
      out.flush();
    }
    return status.code();
  }

  private Consumer<String> errorPrinter() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return line -> {
      out.flush();
      err.println("error: " + line);
    };
  }

  /** The cases named on the command line, or all; an unknown id is a usage error. */
  private List<TutorialCase> selected() {
    if (ids.isEmpty()) {
      return registry;
    }
    List<TutorialCase> cases = new ArrayList<>();
    for (String id : ids) {
      Optional<TutorialCase> c =
          registry.stream().filter(k -> k.id().equalsIgnoreCase(id)).findFirst();
      if (c.isEmpty()) {
        List<String> known = new ArrayList<>();
        for (TutorialCase k : registry) {
          known.add(k.id());
        }
        throw new ParameterException(
            spec.commandLine(),
            "unknown tutorial case '" + id + "'; the cases are " + String.join(", ", known));
      }
      cases.add(c.get());
    }
    return cases;
  }
}
