package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;

/**
 * A validated record on its way into the hub, with the raw input kept for the audit of what a source sent.
 * {@code correction}: the hub itself reading a stored input again, as the source sent it, because it now knows
 * better how to read it (a source's dates turned out to be written month first); it replaces the stored version of
 * the same time, which a delivery of that time would replace only by the tie-break of content hashes.
 */
public record Incoming(CanonicalRecord record, String raw, boolean correction) {

  public Incoming(CanonicalRecord record, String raw) {
    this(record, raw, false);
  }
}
