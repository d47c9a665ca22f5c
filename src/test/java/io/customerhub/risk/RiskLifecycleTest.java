package io.customerhub.risk;

import io.customerhub.profile.Profile;
import io.customerhub.profile.ProfileAssembler;
import io.customerhub.profile.ProfileInput;
import io.customerhub.record.CanonicalRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.customerhub.profile.Records.NOW;
import static io.customerhub.profile.Records.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tags keep their since while they hold, clear when they stop, and the history remembers both. */
class RiskLifecycleTest {

  private final ProfileAssembler assembler = new ProfileAssembler();

  private static CanonicalRecord erp(Instant at, int overdueDays) {
    return rec("erp", "K-1", at).org("ACME", "T1").attr("overdueDays", overdueDays).attr("overdueAmount", 800).build();
  }

  private Profile next(Profile previous, CanonicalRecord member, Instant now) {
    return assembler.assemble(new ProfileInput("p1", previous == null ? 1 : previous.version() + 1,
        NOW, List.of(member), List.of(), previous), now);
  }

  @Test
  void sinceIsKeptWhileTheConditionHoldsAndHistoryRecordsRaiseAndClear() {
    Instant t1 = NOW.plus(Duration.ofDays(1));
    Instant t2 = NOW.plus(Duration.ofDays(2));
    Profile raised = next(null, erp(NOW, 40), NOW);
    Profile still = next(raised, erp(t1, 70), t1);
    assertEquals(NOW, still.riskTags().get(0).since());
    assertEquals(70, still.riskTags().get(0).evidence().get(0).value(), "evidence is current");
    assertEquals(List.of(new RiskEvent("CREDIT_OVERDUE", "high", RiskEvent.RAISED, NOW)), still.riskHistory());

    Profile cleared = next(still, erp(t2, 0), t2);
    assertEquals(List.of(), cleared.riskTags());
    assertEquals(List.of(new RiskEvent("CREDIT_OVERDUE", "high", RiskEvent.RAISED, NOW),
        new RiskEvent("CREDIT_OVERDUE", "high", RiskEvent.CLEARED, t2)), cleared.riskHistory());

    Instant t3 = NOW.plus(Duration.ofDays(3));
    Profile again = next(cleared, erp(t3, 31), t3);
    assertEquals(t3, again.riskTags().get(0).since(), "a risk raised again starts a new since");
    assertEquals(3, again.riskHistory().size());
  }

  @Test
  void historyIsBoundedToTheNewestEntries() {
    RiskEngine engine = new RiskEngine(new RiskRules(2, null));
    List<RiskEvent> old = List.of(new RiskEvent("DORMANT", "low", RiskEvent.RAISED, NOW.minusSeconds(30)),
        new RiskEvent("DORMANT", "low", RiskEvent.CLEARED, NOW.minusSeconds(20)));
    RiskTag previous = new RiskTag("LITIGATION", "high", NOW.minusSeconds(10), List.of());
    RiskEngine.Assessment a = engine.assess(new RiskContext(List.of(), List.of(),
        io.customerhub.profile.OrderAggregates.NONE, java.util.Map.of(), NOW), List.of(previous), old);
    assertEquals(List.of(old.get(1), new RiskEvent("LITIGATION", "high", RiskEvent.CLEARED, NOW)), a.history());
  }
}
