package io.customerhub.risk;

import java.time.Instant;

/** One entry of a profile's risk history: a tag was {@code raised} or {@code cleared} at a time. */
public record RiskEvent(String code, String severity, String change, Instant at) {

  public static final String RAISED = "raised";
  public static final String CLEARED = "cleared";
}
