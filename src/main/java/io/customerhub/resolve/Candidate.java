package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;

/** A stored identity record found through a shared key, with the profile it belongs to now. */
public record Candidate(SourceKey key, String profileId, StandardRecord standard) {
}
