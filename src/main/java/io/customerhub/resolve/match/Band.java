package io.customerhub.resolve.match;

/** The three decisions of a scored pair. */
public enum Band {
  /** Same customer: join the records. */
  MERGE,
  /** Doubtful: a steward decides. */
  REVIEW,
  /** Different customers. */
  APART
}
