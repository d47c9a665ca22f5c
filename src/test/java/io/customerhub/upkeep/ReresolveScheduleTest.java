package io.customerhub.upkeep;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReresolveScheduleTest {

  private static final ReresolveSchedule AT_THREE = ReresolveSchedule.of(LocalTime.of(3, 0), 60);

  @Test
  void theDayIsDueFromItsTimeForTheWindowOnly() {
    assertNull(AT_THREE.dueDay(Instant.parse("2026-12-06T02:59:59Z")));
    assertEquals(LocalDate.of(2026, 12, 6), AT_THREE.dueDay(Instant.parse("2026-12-06T03:00:00Z")));
    assertEquals(LocalDate.of(2026, 12, 6), AT_THREE.dueDay(Instant.parse("2026-12-06T03:59:59Z")));
    assertNull(AT_THREE.dueDay(Instant.parse("2026-12-06T04:00:00Z")), "a node up at a busy hour waits a day");
    assertNull(AT_THREE.dueDay(Instant.parse("2026-12-06T12:00:00Z")));
  }

  @Test
  void aWindowReachingPastMidnightBelongsToTheDayItOpened() {
    ReresolveSchedule late = ReresolveSchedule.of(LocalTime.of(23, 30), 60);
    assertEquals(LocalDate.of(2026, 12, 5), late.dueDay(Instant.parse("2026-12-06T00:10:00Z")));
    assertEquals(LocalDate.of(2026, 12, 6), late.dueDay(Instant.parse("2026-12-06T23:45:00Z")));
    assertNull(late.dueDay(Instant.parse("2026-12-06T00:30:00Z")));
  }

  @Test
  void noTimeIsNoScheduleAndAnEmptyWindowIsRefused() {
    assertNull(ReresolveSchedule.of(null, 60));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReresolveSchedule.of(LocalTime.NOON, 0));
    assertEquals("upkeep.reresolveWindowMinutes must be at least 1", e.getMessage());
  }
}
