package dev.symshapes.export.tutorial;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.symshapes.export.program.ExportedProgram;
import dev.symshapes.solver.ShapeEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run of a {@link TutorialCase}: what the case gets from its caller (the settings of its shape
 * environments) and what it hands back besides its text (the programs it exported, each with inputs
 * to run it on). The serde round-trip tests and {@code symshapes tutorial --save} read the programs
 * through {@link #programs()}.
 *
 * <pre>{@code
 * TutorialRun run = TutorialRun.of("T07");
 * String text = TutorialCases.byId("T07").orElseThrow().run(run);
 * ExportedProgram ep = run.programs().get(0).program();   // T07's program
 * }</pre>
 *
 * <p>Mutable and single-threaded: a case adds to it while it runs; make one per run.
 */
public final class TutorialRun {
  private final String caseId;
  private final Supplier<ShapeEnv.Builder> shapeEnvs;
  private final List<Recorded> programs = new ArrayList<>();

  /**
   * A run of case {@code caseId} whose shape environments are made with {@code shapeEnvs}.
   *
   * @param caseId the id of the case that will run ({@code "T07"}), recorded with each program
   * @param shapeEnvs makes the settings of every shape environment the case creates (one per
   *     export); the CLI adds a listener that prints the log lines when asked to
   */
  public TutorialRun(String caseId, Supplier<ShapeEnv.Builder> shapeEnvs) {
    checkArgument(caseId != null && !caseId.isEmpty(), "caseId must not be empty");
    this.caseId = caseId;
    this.shapeEnvs = checkNotNull(shapeEnvs, "shapeEnvs");
  }

  /** A run of case {@code caseId} with default shape environments ({@link ShapeEnv#builder()}). */
  public static TutorialRun of(String caseId) {
    return new TutorialRun(caseId, ShapeEnv::builder);
  }

  /** The id of the case this run is for. */
  public String caseId() {
    return caseId;
  }

  /** The settings for one new shape environment: call once per export. */
  public ShapeEnv.Builder shapeEnv() {
    return checkNotNull(shapeEnvs.get(), "the shapeEnvs supplier returned null");
  }

  /**
   * Records a program the case exported successfully; cases call it for every such program, in the
   * order they export them.
   *
   * @param inputs makes a fresh set of valid example inputs to run {@code ep} on (each call new
   *     tensors, so that a program that mutates its inputs cannot change the next run's)
   */
  public void exported(ExportedProgram ep, Supplier<Object[]> inputs) {
    programs.add(new Recorded(caseId, programs.size() + 1, ep, inputs));
  }

  /** The programs recorded so far, in the order the case exported them. */
  public ImmutableList<Recorded> programs() {
    return ImmutableList.copyOf(programs);
  }

  /**
   * A program a case exported, with inputs to run it on. Immutable.
   *
   * @param caseId the case's id ({@code "T12"})
   * @param index the program's position among the case's programs, from 1
   * @param program the exported program
   * @param inputs makes a fresh set of valid inputs for {@code program.module().call(...)}
   */
  public record Recorded(
      String caseId, int index, ExportedProgram program, Supplier<Object[]> inputs) {
    /** Checks the invariants. */
    public Recorded {
      checkArgument(caseId != null && !caseId.isEmpty(), "caseId must not be empty");
      checkArgument(index >= 1, "index (%s) must be >= 1", index);
      checkNotNull(program, "program");
      checkNotNull(inputs, "inputs");
    }

    /** {@code T12-2}: the case id and the index, a stable name for files and test names. */
    public String name() {
      return caseId + "-" + index;
    }

    @Override
    public String toString() {
      return name();
    }
  }
}
