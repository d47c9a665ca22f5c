package io.customerhub.resolve;

import io.customerhub.record.SourceKey;
import io.customerhub.resolve.match.MatchModel;
import io.customerhub.resolve.standardize.StandardRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored versions of the match model, and putting an earlier one back to use. A training that made matching
 * worse (learned from a load of bad data, say) is undone by restoring the version before it: the restored model is
 * stored again as the newest version, so that every node adopts it as it adopts a trained one and the records owe a
 * re-resolution with it, exactly as after a training. Version 0 is the shipped default model, the one a hub uses
 * before it has trained.
 */
public final class ModelVersions {

  private static final Logger LOG = LoggerFactory.getLogger(ModelVersions.class);

  /**
   * A stored version; {@code model} is the model's JSON, or null where a list leaves it out. {@code pinned}: now
   * (a pin whose {@code pinnedUntil} has passed is over).
   */
  public record Version(long version, OffsetDateTime createdAt, String createdBy, long trainedOn, Long restoredFrom,
                        boolean pinned, OffsetDateTime pinnedUntil, String reason, String note, String model) {
  }

  /** No version of that number is stored. */
  public static final class Unknown extends RuntimeException {
    Unknown(long version) {
      super("no match model version " + version + " is stored (0 is the shipped default model)", null, false, false);
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final ModelStore models;
  private final Reresolver reresolver;

  public ModelVersions(Vertx vertx, Pool pool, ModelStore models, Reresolver reresolver) {
    this.vertx = vertx;
    this.pool = pool;
    this.models = models;
    this.reresolver = reresolver;
  }

  /** The newest {@code limit} versions, newest first, without their models. */
  public Future<List<Version>> newestFirst(int limit) {
    return pool.preparedQuery(ModelSql.VERSIONS).execute(Tuple.of(limit)).map(rows -> {
      List<Version> out = new ArrayList<>();
      for (Row r : rows) out.add(version(r, false));
      return out;
    });
  }

  /** One version with its model; version 0 is the shipped default. Fails with {@link Unknown}. */
  public Future<Version> get(long version) {
    if (version == 0) {
      MatchModel defaults = MatchModel.defaults();
      return Future.succeededFuture(new Version(0, null, null, 0, null, false, null, null, defaults.note(),
          defaults.toJson()));
    }
    return pool.preparedQuery(ModelSql.VERSION).execute(Tuple.of(version)).map(rows -> {
      if (rows.size() == 0) throw new Unknown(version);
      return version(rows.iterator().next(), true);
    });
  }

  /**
   * Stores the model of {@code version} again as the newest version and puts it to use on this node (the others
   * adopt it at their next look, as a trained one). {@code pin}: automatic training leaves it alone until an
   * administrator trains or restores again, or for {@code pinDays} only where that is not null. Taken as the
   * cluster's one training or re-resolution, so that a training under way cannot store its model after this one and
   * undo the restore; while one runs this fails with {@link ReresolutionLock.AlreadyRunning}. The stored records
   * keep their profiles until they are re-resolved.
   */
  public Future<Version> restore(MatchEngine engine, long version, String actor, boolean pin, Integer pinDays,
                                 String reason) {
    return reresolver.exclusively(() -> get(version).compose(old -> models.identityRecords()
        .compose(stored -> pool.preparedQuery(ModelSql.RESTORE)
            .execute(Tuple.of(old.model(), stored, actor, version, pin, reason).addValue(pin ? pinDays : null)))
        .map(rows -> {
          Version restored = version(rows.iterator().next(), false);
          engine.use(MatchModel.fromJson(old.model()), restored.version());
          LOG.info("match model version {} restored by {} as version {}{}, in use now", version, actor,
              restored.version(), !pin ? "" : restored.pinnedUntil() == null
                  ? " (pinned: automatic training leaves it alone)"
                  : " (pinned until " + restored.pinnedUntil().toInstant() + ": automatic training leaves it alone)");
          return restored;
        })));
  }

  /**
   * {@code engine} scoring with version {@code version} (0: the shipped default) for what-if questions: itself when
   * that is the version it uses, else {@link MatchEngine#withModel}. Fails with {@link Unknown}.
   */
  public Future<MatchEngine> scoring(MatchEngine engine, long version) {
    if (version == engine.current().version()) return Future.succeededFuture(engine);
    return get(version).map(v -> engine.withModel(MatchModel.fromJson(v.model()), version));
  }

  /**
   * How version {@code version} (0: the shipped default) agrees with the newest {@code limit} review pairs stewards
   * decided, each scored on a worker with this node's term frequencies. Fails with {@link Unknown}.
   */
  public Future<StewardAgreement> agreement(MatchEngine engine, long version, int limit) {
    return scoring(engine, version).compose(with -> pool.preparedQuery(ModelSql.DECIDED_PAIRS).execute(Tuple.of(limit))
        .compose(rows -> vertx.executeBlocking(() -> {
          List<StewardAgreement.Decided> decided = new ArrayList<>();
          for (Row r : rows) {
            decided.add(new StewardAgreement.Decided(r.getLong(0), r.getBoolean(1),
                new SourceKey(r.getString(2), r.getString(3)), StandardRecord.decode(r.getString(4)),
                new SourceKey(r.getString(5), r.getString(6)), StandardRecord.decode(r.getString(7)),
                r.getString(8)));
          }
          return StewardAgreement.of(decided, with::score);
        }, false)));
  }

  private static Version version(Row r, boolean withModel) {
    return new Version(r.getLong("version"), r.getOffsetDateTime("created_at"), r.getString("created_by"),
        r.getLong("trained_on"), r.getLong("restored_from"), r.getBoolean("pinned"),
        r.getOffsetDateTime("pinned_until"), r.getString("reason"),
        r.getString("note"), withModel ? r.getString("model") : null);
  }
}
