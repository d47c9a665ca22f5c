package io.customerhub.upkeep;

import io.customerhub.app.HubServices;
import io.customerhub.config.HubConfig;
import io.customerhub.testing.OneHubPerClass;
import io.customerhub.testing.WireRecords;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The periodic re-assessment of every profile goes past a profile it cannot re-assess: before, the first failing
 * page ended the sweep, and every profile after it went unassessed hour after hour.
 */
class ReassessmentIT extends OneHubPerClass {

  @Test
  void aProfileThatCannotBeReassessedDoesNotStopTheOthers() {
    Pool pool = hub.node().database().pool();
    List<UUID> ids = List.of(profileOfNewCustomer(), profileOfNewCustomer(), profileOfNewCustomer());
    UUID stuck = ids.get(1);
    // a stale tier in every stored profile: re-assessment writes the true one back
    await(pool.preparedQuery("update profile set body = jsonb_set(body::jsonb, '{tier}', '\"stale\"')::json "
        + "where profile_id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new))));
    await(pool.query("""
        create function refuse_update() returns trigger language plpgsql as $$
        begin raise exception 'profile % cannot be written', old.profile_id; end $$""").execute());
    await(pool.query("create trigger refuse_one before update on profile for each row when (old.profile_id = '"
        + stuck + "') execute function refuse_update()").execute());
    UpkeepVerticle upkeep = upkeep();
    try {
      int changed = await(upkeep.sweep());

      assertEquals(2, changed, "the two profiles around the one that fails");
      assertEquals(List.of(false, true, false), ids.stream().map(this::stale).toList());
    } finally {
      await(pool.query("drop trigger refuse_one on profile").execute());
      await(pool.query("drop function refuse_update()").execute());
    }
    assertEquals(1, (int) await(upkeep.sweep()), "once it can be written, the next sweep puts it right");
    assertEquals(List.of(false, false, false), ids.stream().map(this::stale).toList());
  }

  private UUID profileOfNewCustomer() {
    return UUID.fromString(hub.accept(WireRecords.distinctPerson("crm", "C")).getString("profileId"));
  }

  private boolean stale(UUID id) {
    return "stale".equals(await(hub.node().database().pool()
        .preparedQuery("select body::jsonb ->> 'tier' from profile where profile_id = $1").execute(Tuple.of(id)))
        .iterator().next().getString(0));
  }

  /** An upkeep of its own, without timers: the test decides when it sweeps. */
  private UpkeepVerticle upkeep() {
    HubServices s = hub.node().services();
    HubConfig.Upkeep quiet = new HubConfig.Upkeep(0, 0, 500, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 60, 0, 0);
    UpkeepVerticle upkeep = new UpkeepVerticle(quiet, s.tierCutoffs(), s.queries(), s.profileStore(),
        s.candidateIndex(), s.readModel(), hub.node().database().pool(), null);
    await(hub.node().vertx().deployVerticle(upkeep));
    return upkeep;
  }
}
