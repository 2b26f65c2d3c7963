package dev.symshapes.solver;

/** Why a symbol was replaced, printed in {@code set_replacement} lines. */
public enum ReplacementReason {
  /** An equality was solved for the symbol: {@code s5 = s2*s3}. */
  SOLVE("solve"),
  /** The symbol's range became a single value: {@code s1 = 5}. */
  RANGE_REFINED_TO_SINGLETON("range_refined_to_singleton"),
  /** Path compression of a chain of replacements: {@code s3 = 4}. */
  FIND("find"),
  /** An unbacked symbol was renamed to the one a re-trace made for the same value. */
  RENAME_UNBACKED_TO("rename_unbacked_to"),
  /** The renamed-to symbol took over the replacement of the renamed symbol. */
  RENAME_UNBACKED_TO_DEST("rename_unbacked_to_dest"),
  /**
   * A divisibility fact about an unbacked symbol introduced a quotient symbol: {@code Eq(Mod(u0,
   * 4), 0)} gives {@code u0 = 4*u1}.
   */
  DIVISIBILITY("divisibility");

  private final String label;

  ReplacementReason(String label) {
    this.label = label;
  }

  /** The label printed in log lines. */
  public String label() {
    return label;
  }
}
