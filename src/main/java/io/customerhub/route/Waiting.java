package io.customerhub.route;

/**
 * How waiting time raises an item's score, relative to its service level: up to {@code waitingPoints} linearly
 * while well within it, {@code nearPoints} once {@code nearFraction} of it has passed, and {@code breachPoints}
 * plus {@code overduePointsPerHour} (capped at {@code maxOverduePoints}) once it is exceeded. With breach points
 * larger than the gap between two tiers' priorities, an overdue item outranks a fresh one of a higher tier.
 */
public record Waiting(double nearFraction, double waitingPoints, double nearPoints, double breachPoints,
                      double overduePointsPerHour, double maxOverduePoints) {

  public Waiting {
    if (nearFraction <= 0 || nearFraction > 1) throw new IllegalArgumentException("nearFraction must be in (0, 1]");
  }

  public static Waiting defaults() {
    return new Waiting(0.8, 20, 30, 60, 1, 40);
  }
}
