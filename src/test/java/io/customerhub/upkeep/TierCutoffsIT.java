package io.customerhub.upkeep;

import io.customerhub.profile.TierRules;
import io.customerhub.profile.TierThresholds;
import io.customerhub.store.Database;
import io.customerhub.store.ProfileQueries;
import io.customerhub.testing.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.customerhub.testing.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cut-offs measured on the stored population mean what the tier rules say: "top 20%" of ten customers who
 * bought is two of them, not three; customers who bought nothing in the window and merged-away profiles do not
 * count.
 */
class TierCutoffsIT {

  private Database database;

  @BeforeEach
  void open() {
    database = await(Database.open(TestInfra.vertx(), TestInfra.freshDatabase(), 2));
  }

  @AfterEach
  void close() {
    await(database.close());
  }

  private void store(String values) {
    await(database.pool().query("""
        insert into profile (profile_id, version, status, value_12m)
        select gen_random_uuid(), 1, 'active', v from unnest('{%s}'::numeric[]) as v""".formatted(values)).execute());
  }

  private List<BigDecimal> refreshedCutoffs() {
    TierThresholds t = await(new TierCutoffs(TierRules.defaults()).refresh(new ProfileQueries(database.pool())));
    return t.cutoffs().stream().map(c -> c.minValue12m().stripTrailingZeros()).toList();
  }

  @Test
  void theTopTwentyPercentOfTenBuyersAreTwo() {
    store("10000,20000,30000,40000,50000,60000,70000,80000,90000,100000,0,0");
    await(database.pool().query("""
        insert into profile (profile_id, version, status, value_12m) values (gen_random_uuid(), 1, 'merged', 500000)""")
        .execute());
    assertEquals(List.of(new BigDecimal("9E+4"), new BigDecimal("6E+4"), new BigDecimal("3E+4")), refreshedCutoffs(),
        "platinum, gold and silver: the 2nd, 5th and 8th highest of ten");
  }

  @Test
  void aShareThatIsNotAWholeNumberOfCustomersRoundsUp() {
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 35; i++) values.append(i == 1 ? "" : ",").append(i * 1000);
    store(values.toString());
    assertEquals(new BigDecimal("2.9E+4"), refreshedCutoffs().get(0), "the top 20% of 35 are 7: 29,000 to 35,000");
  }

  @Test
  void withoutBuyersOnlyTheFloorsApply() {
    store("0,0");
    assertEquals(List.of(new BigDecimal("5E+3"), new BigDecimal("1E+3"), new BigDecimal("1E+2")), refreshedCutoffs());
  }
}
