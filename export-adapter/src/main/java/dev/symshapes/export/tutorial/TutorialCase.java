package dev.symshapes.export.tutorial;

/**
 * One case of the {@code torch.export} tutorial, as listed in the project's tutorial acceptance
 * cases ({@code T01} to {@code T25}): a Java model, its example inputs and spec, and what the
 * tutorial prints for it. {@code symshapes tutorial} runs the registered cases ({@link
 * TutorialCases}); the golden tests named after the cases call {@link #run} and compare its text
 * word for word, and the serde tests round-trip every program the cases record.
 *
 * <p>Implementations are stateless: {@link #run} may be called any number of times, each call with
 * fresh models, inputs and shape environments.
 */
public interface TutorialCase {
  /** The stable id, {@code "T01"} to {@code "T25"}. */
  String id();

  /** A one-line title, as in the acceptance cases ({@code "basic export, static shapes"}). */
  String title();

  /**
   * Runs the case and returns what the tutorial prints for it: the exported program, the results of
   * running it, or, for cases whose point is an error, that error's message (the case then returns
   * normally). Lines end with {@code '\n'}.
   *
   * <p>The case takes the settings of each shape environment it creates from {@link
   * TutorialRun#shapeEnv()} (one per export), and reports every program it exports successfully to
   * {@link TutorialRun#exported}, with inputs to run it on, so that callers can save the programs
   * or check that they round-trip.
   *
   * @param run where the case gets its shape environments and records its programs
   */
  String run(TutorialRun run);
}
