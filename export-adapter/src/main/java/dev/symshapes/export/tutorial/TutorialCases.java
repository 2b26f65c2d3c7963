package dev.symshapes.export.tutorial;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/** The registry of {@link TutorialCase}s, in id order. */
public final class TutorialCases {
  // One line per case, in id order; each case is a class of its own in this package.
  private static final ImmutableList<TutorialCase> ALL =
      ImmutableList.of(
          new T02DataDependentBranch(),
          new T04Cond(),
          new T05Map(),
          new T22CustomOp(),
          new T23Decompositions(),
          new T24CondPredicate());

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
