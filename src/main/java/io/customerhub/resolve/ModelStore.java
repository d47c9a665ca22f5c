package io.customerhub.resolve;

import io.customerhub.resolve.match.BatchPass;
import io.customerhub.resolve.match.EmTrainer;
import io.customerhub.resolve.match.MatchModel;
import io.customerhub.resolve.standardize.StandardRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Versions of the match model in PostgreSQL, and the data they are learned from: EM runs over the standardized
 * values of the stored identity records (no labels; a sample of a big hub's), the result is stored as a new version
 * and used at once.
 */
public final class ModelStore {

  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

  private final Vertx vertx;
  private final Pool pool;

  public ModelStore(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /**
   * Puts the newest stored model into the engine (the term frequencies come from the candidate index, which counts
   * the records as it loads them).
   */
  public Future<Void> load(MatchEngine engine) {
    return useNewer(engine).map(used -> {
      LOG.info("match model version {} in use", engine.current().version());
      return null;
    });
  }

  /**
   * Puts the newest stored model to use if it is newer than the engine's: another node of the cluster trained
   * it. Completes with whether it did.
   */
  public Future<Boolean> adoptNewer(MatchEngine engine) {
    return useNewer(engine).onSuccess(used -> {
      if (used) LOG.info("match model version {} (trained on another node) in use", engine.current().version());
    });
  }

  /** Puts the newest stored model to use if its version is above the engine's; completes with whether it did. */
  private Future<Boolean> useNewer(MatchEngine engine) {
    return pool.query(ModelSql.LATEST).execute().map(rows -> {
      if (rows.size() == 0) return false;
      Row r = rows.iterator().next();
      if (r.getLong(0) <= engine.current().version()) return false;
      engine.use(MatchModel.fromJson(r.getString(1)), r.getLong(0));
      return true;
    });
  }

  /**
   * Learns a model from the stored records, stores it as a new version and puts it to use. Beyond
   * {@code training.maxRecords} stored records it learns from a uniform sample of that many: EM's estimates are
   * proportions, which a sample of a quarter million records gives as well as all of them, while reading and
   * blocking every record of a big hub costs minutes and gigabytes.
   */
  public Future<JsonObject> train(MatchEngine engine, String actor) {
    long started = System.nanoTime();
    return identityRecords().compose(stored -> sample(TrainingSample.fraction(stored,
            engine.config().maxTrainingRecords()))
        .compose(records -> vertx.executeBlocking(() -> BatchPass.of(records, engine.config()), false))
        .compose(pass -> train(engine, actor, pass, stored, started)));
  }

  /** The same, from records already read and blocked (a re-resolution's pass that follows on the same records). */
  public Future<JsonObject> train(MatchEngine engine, String actor, BatchPass pass) {
    return train(engine, actor, pass, pass.records().size(), System.nanoTime());
  }

  /** {@code stored}: how many records the pass's records were drawn from, which decides when to train again. */
  private Future<JsonObject> train(MatchEngine engine, String actor, BatchPass pass, long stored, long started) {
    int records = pass.records().size();
    if (records < 2) {
      return Future.failedFuture(new IllegalStateException("at least two stored records are needed to train"));
    }
    return vertx.executeBlocking(() -> EmTrainer.train(pass, engine.config(), 20261123L), false)
        .compose(model -> pool.preparedQuery(ModelSql.INSERT)
            .execute(Tuple.of(model.toJson(), stored, actor))
            .map(rows -> {
              long version = rows.iterator().next().getLong(0);
              engine.use(model, version);
              double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
              String of = records < stored ? " (a sample) of " + stored : "";
              LOG.info("trained match model version {} on {} records{} in {} s", version, records, of, seconds);
              JsonObject out = new JsonObject().put("version", version).put("trainedOn", stored);
              if (records < stored) out.put("sample", records);
              return out.put("seconds", seconds).put("note", model.note())
                  .put("model", new JsonObject(model.toJson()));
            }));
  }

  /**
   * What automatic training needs to know of the newest stored version: how many records it was trained on (or were
   * stored when it was restored), and whether an administrator pinned it ({@link ModelVersions#restore}).
   */
  public record Newest(long trainedOn, boolean pinned) {
    static final Newest NONE = new Newest(0, false);
  }

  public Future<Newest> newest() {
    return pool.query(ModelSql.LATEST).execute().map(rows -> {
      if (rows.size() == 0) return Newest.NONE;
      Row r = rows.iterator().next();
      return new Newest(r.getLong(2), r.getBoolean(3));
    });
  }

  /**
   * What the records were last re-resolved with: the model version and the identity records there were then
   * ({@code [version, records]}), kept in PostgreSQL so that a node that restarts (or was killed) between a training
   * and the re-resolution with it, or after linking records online since, still owes that re-resolution.
   */
  public Future<long[]> lastReresolution() {
    return pool.query(ModelSql.RERESOLUTION_STATE).execute().map(rows -> {
      if (rows.size() == 0) return null;
      Row r = rows.iterator().next();
      return new long[] {r.getLong(0), r.getLong(1)};
    });
  }

  /** Keeps that the records were re-resolved with model {@code version} when there were {@code records}. */
  public Future<Void> reresolved(long version, long records) {
    return pool.preparedQuery(ModelSql.RERESOLVED).execute(Tuple.of(version, records)).mapEmpty();
  }

  public Future<Long> identityRecords() {
    return pool.query(ModelSql.COUNT_IDENTITIES).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** The stored standardized records that {@link TrainingSample#keeps} at {@code fraction}, in key order. */
  private Future<List<StandardRecord>> sample(double fraction) {
    List<StandardRecord> records = new ArrayList<>();
    return StoredPages.each(vertx, pool, ModelSql.ALL_STANDARDS, rows -> {
      for (Row r : rows) {
        if (TrainingSample.keeps(r.getString(0), r.getString(1), fraction)) {
          records.add(StandardRecord.decode(r.getString(2)));
        }
      }
    }).map(records);
  }
}
