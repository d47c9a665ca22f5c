package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;

/** A validated record on its way into the hub, with the raw input kept for the audit of what a source sent. */
public record Incoming(CanonicalRecord record, String raw) {
}
