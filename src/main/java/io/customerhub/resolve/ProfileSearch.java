package io.customerhub.resolve;

import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.index.CandidateIndex;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the profiles a description of a customer (any of the fields a record has: a name, a phone, an e-mail, an
 * id, an address, in any script) most likely belongs to, the way ingest would link such a record, storing
 * nothing: the description is standardized and keyed as a record, its keys find stored records in the candidate
 * index (brought up to what is committed first), and so does the sound of its name (both parts, either order, a
 * nickname's formal name too), each is scored with the model in use, and each profile is ranked by its
 * best-scoring record. A common name is shared by more persons than are worth scoring: at most
 * {@link #MAX_BY_NAME} are taken by name, and the result says when more share it, so that the caller adds a birth
 * date, a postcode or a phone.
 */
public final class ProfileSearch {

  /** One profile found: the record of it that scored best against the description, and that score. */
  public record Hit(String profileId, SourceKey matchedRecord, PairScore score) {
  }

  /**
   * The profiles found, best first, how many stored records the description's keys and name reached, and whether
   * more shared the name than were taken.
   */
  public record Result(List<Hit> hits, int candidates, boolean nameCapped, long modelVersion) {
  }

  /** Records taken by the sound of a name alone: scoring them costs some 15 ms on one core. */
  static final int MAX_BY_NAME = 1_000;

  private final Vertx vertx;
  private final Pool pool;
  private final IndexSync sync;
  private final MatchEngine engine;
  private final Standardizer standardizer;
  private final int maxCandidatesPerKey;

  public ProfileSearch(Vertx vertx, Pool pool, IndexSync sync, MatchEngine engine, Standardizer standardizer,
                       int maxCandidatesPerKey) {
    this.vertx = vertx;
    this.pool = pool;
    this.sync = sync;
    this.engine = engine;
    this.standardizer = standardizer;
    this.maxCandidatesPerKey = maxCandidatesPerKey;
  }

  /** At most {@code limit} profiles for {@code description}, best first. */
  public Future<Result> search(CanonicalRecord description, int limit) {
    // another node's records and merges reach this node's index when it catches up: before reading it
    return pool.withConnection(sync::catchUp)
        .compose(v -> vertx.executeBlocking(() -> rank(description, limit), false));
  }

  private Result rank(CanonicalRecord description, int limit) {
    StandardRecord query = standardizer.standardize(description);
    MatchKeys keys = MatchKeys.of(description, query);
    Map<SourceKey, CandidateIndex.Entry> stored = new HashMap<>();
    sync.index().lookup(keys.hashes(), maxCandidatesPerKey)
        .forEach((hash, entries) -> entries.forEach(e -> stored.putIfAbsent(e.key(), e)));
    CandidateIndex.ByName byName = sync.index().lookupByName(
        KeyHash.of(standardizer.nameSoundKeys(query)), MAX_BY_NAME);
    byName.entries().forEach(e -> stored.putIfAbsent(e.key(), e));
    Map<String, Hit> best = new HashMap<>();
    for (CandidateIndex.Entry e : stored.values()) {
      PairScore score = engine.score(query, StandardRecord.decode(e.standard()));
      String profile = e.profileId().toString();
      Hit was = best.get(profile);
      if (was == null || better(score, e.key(), was)) best.put(profile, new Hit(profile, e.key(), score));
    }
    List<Hit> hits = new ArrayList<>(best.values());
    hits.sort(Comparator.<Hit>comparingDouble(h -> -h.score().weight()).thenComparing(Hit::profileId));
    return new Result(List.copyOf(hits.subList(0, Math.min(limit, hits.size()))), stored.size(), byName.capped(),
        engine.current().version());
  }

  /** Higher weight wins; on a tie the smaller record key, so that the answer does not depend on map order. */
  private static boolean better(PairScore score, SourceKey key, Hit than) {
    int order = Double.compare(score.weight(), than.score().weight());
    return order > 0 || order == 0 && key.compareTo(than.matchedRecord()) < 0;
  }
}
