package io.customerhub.upkeep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * When a grown hub re-resolves its records by itself ({@code upkeep.reresolveAt}, a time of day in UTC such as
 * {@code "03:00"}): once a day, by whichever node first looks within {@code upkeep.reresolveWindowMinutes} after
 * that time. A node that was down then and starts later in the window still runs it; one that starts after the
 * window leaves the day out, so that a restart at a busy hour does not start a pass over every record.
 */
record ReresolveSchedule(LocalTime at, Duration window) {

  /** The schedule {@code upkeep} names, or null where it names no time (off). */
  static ReresolveSchedule of(LocalTime reresolveAt, int windowMinutes) {
    return reresolveAt == null ? null : new ReresolveSchedule(reresolveAt, Duration.ofMinutes(windowMinutes));
  }

  ReresolveSchedule {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("upkeep.reresolveWindowMinutes must be at least 1");
    }
  }

  /**
   * The day whose run is due at {@code now}: the one whose scheduled time lies at most the window before it (the
   * window may reach past midnight into the next day); null outside every window.
   */
  LocalDate dueDay(Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    for (LocalDate day : new LocalDate[] {today, today.minusDays(1)}) {
      Instant start = day.atTime(at).toInstant(ZoneOffset.UTC);
      if (!now.isBefore(start) && now.isBefore(start.plus(window))) return day;
    }
    return null;
  }
}
