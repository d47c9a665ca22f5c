package io.customerhub.testing;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.index.CandidateIndex;
import io.customerhub.resolve.index.IndexSync;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compares a node's candidate index, caught up as a batch would catch it up and then compacted as the upkeep
 * compacts it (so that every integration test also checks that forgetting old removals and merge redirects
 * changes no answer), with what PostgreSQL holds: every stored identity record with its profile, standardized
 * values and key hashes, and nothing else.
 */
final class IndexConsistency {

  private static final String RECORDS = """
      select r.source, r.source_id, c.profile_id, r.standard, r.key_hashes
      from source_record r join crosswalk c on c.source = r.source and c.source_id = r.source_id
      where r.standard is not null and not r.deleted""";

  private IndexConsistency() {
  }

  static List<String> violations(Pool pool, IndexSync sync) throws Exception {
    List<Row> rows = new ArrayList<>();
    pool.withTransaction(conn -> sync.catchUp(conn).compose(v -> conn.query(RECORDS).execute()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).forEach(rows::add);
    sync.compact();
    CandidateIndex index = sync.index();
    List<String> broken = new ArrayList<>();
    for (Row r : rows) {
      SourceKey key = new SourceKey(r.getString(0), r.getString(1));
      CandidateIndex.Indexed held = index.get(key);
      long[] hashes = Arrays.stream(r.getArrayOfLongs(4)).mapToLong(Long::longValue).toArray();
      if (held == null) broken.add(key.asString() + " is not in the candidate index");
      else if (!held.profileId().equals(r.getUUID(2))) broken.add(key.asString() + " is indexed under another profile");
      else if (!held.standard().equals(StandardRecord.withoutBlockingKeys(r.getString(3)))) broken.add(key.asString() + " is indexed with old values");
      else if (!Arrays.equals(held.hashes(), hashes)) broken.add(key.asString() + " is indexed under other keys");
    }
    if (index.records() != rows.size()) {
      broken.add("the candidate index holds " + index.records() + " records, the database " + rows.size());
    }
    return broken.size() > 5 ? broken.subList(0, 5) : broken;
  }
}
