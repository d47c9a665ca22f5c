package io.customerhub.profile;

import io.customerhub.record.SourceKey;

import java.time.Instant;

/**
 * One value one member record offered for one golden attribute. Values are plain JSON values (string, number,
 * boolean, or a map for an address) so that a profile survives a JSON round trip unchanged.
 */
public record Candidate(SourceKey record, Instant at, Object value) {
}
