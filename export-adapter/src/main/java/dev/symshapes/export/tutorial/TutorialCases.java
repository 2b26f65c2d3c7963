package dev.symshapes.export.tutorial;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** The registry of {@link TutorialCase}s, in id order. */
public final class TutorialCases {
  // One line per case, in id order; each case is a class of its own in this package.
  private static final ImmutableList<TutorialCase> ALL =
      ImmutableList.of(
          new T01BasicExport(),
          new T02DataDependentBranch(),
          new T03HostValues(),
          new T04Cond(),
          new T05Map(),
          new T06StaticShapes(),
          new T07AutoDims(),
          new T08DynamicSpecializes(),
          new T09StaticDynamicConflict(),
          new T10GuardsFromChecks(),
          new T11ZeroOneSpecialization(),
          new T12NamedDims(),
          new T13SuggestedFixes(),
          new T14SpecForms(),
          new T15ItemTolist(),
          new T16DataDependentGuard(),
          new T17CheckExports(),
          new T18UnbackedIndex(),
          new T19CheckIndexRange(),
          new T20SpecializeUnbacked(),
          new T21RepeatUnbacked(),
          new T22CustomOp(),
          new T23Decompositions(),
          new T24CondPredicate(),
          new T25RunningPrograms());

  private TutorialCases() {}

  /** Every registered case, in id order. */
  public static ImmutableList<TutorialCase> all() {
    return ALL;
  }

  /** The case with this id ({@code "T07"}, case-insensitive), if it is registered. */
  public static Optional<TutorialCase> byId(String id) {
    checkArgument(id != null && !id.isEmpty(), "id must not be empty");
    return ALL.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
  }
}
