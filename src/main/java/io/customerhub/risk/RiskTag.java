package io.customerhub.risk;

import java.time.Instant;
import java.util.List;

/**
 * A risk currently holding for a profile. {@code since} is when it was first raised and is carried over from
 * the previous profile version while the condition keeps holding; {@code evidence} is always current.
 */
public record RiskTag(String code, String severity, Instant since, List<RiskEvidence> evidence) {

  public RiskTag {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
