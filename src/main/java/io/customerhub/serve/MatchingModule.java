package io.customerhub.serve;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.Explanations;
import io.customerhub.resolve.Explanations.StoredRecord;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ProfileSearch;
import io.customerhub.resolve.match.PairScore;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.store.ProfileCodec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Why records are together, or not: {@code GET /profiles/{id}/explain} (why each record is in a profile) and
 * {@code GET /match/{source}/{sourceId}/{otherSource}/{otherSourceId}} (two stored records scored now, with the
 * model in use, beside where they are and whether a steward kept them apart): what a steward asks on finding the
 * same customer in two profiles; and {@code POST /profiles/search}: the profiles a description of a customer most
 * likely belongs to, found and scored as ingest would link it, nothing stored.
 */
public final class MatchingModule implements HttpApiVerticle.ApiModule {

  private static final int MAX_HITS = 100;

  private final Explanations explanations;
  private final ProfileReadModel readModel;
  private final MatchEngine engine;
  private final ProfileSearch search;
  private final int maxRecordBytes;

  /** {@code maxRecordBytes}: the longest description a search takes, as long as a record ingest takes. */
  public MatchingModule(Explanations explanations, ProfileReadModel readModel, MatchEngine engine,
                        ProfileSearch search, int maxRecordBytes) {
    this.explanations = explanations;
    this.readModel = readModel;
    this.engine = engine;
    this.search = search;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public void mount(Router api) {
    api.get("/profiles/:profileId/explain").handler(Auth.require("reader", "steward")).handler(this::explain);
    api.get("/match/:source/:sourceId/:otherSource/:otherSourceId").handler(Auth.require("reader", "steward"))
        .handler(this::compareStored);
    api.post("/profiles/search").handler(Auth.require("reader", "steward")).handler(this::search);
  }

  private void search(RoutingContext ctx) {
    String raw = ctx.request().getParam("limit");
    int limit = raw == null ? 10 : (int) Params.number("limit", raw, 1, MAX_HITS);
    JsonObject body = Json.body(ctx, maxRecordBytes);
    List<String> warnings = new ArrayList<>();
    // decoded on a worker, as ingest decodes its lines
    ctx.vertx().executeBlocking(() -> {
      List<String> errors = new ArrayList<>();
      CanonicalRecord description = QueryRecords.decode(body, "description", errors, warnings);
      if (!errors.isEmpty()) throw HubException.invalid(String.join("; ", errors));
      return description;
    }, false).compose(description -> search.search(description, limit)).onSuccess(result -> {
      List<Map<String, Object>> hits = new ArrayList<>();
      for (ProfileSearch.Hit h : result.hits()) {
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("profileId", h.profileId());
        hit.put("matchedRecord", key(h.matchedRecord()));
        hit.putAll(h.score().toMap());
        hits.add(hit);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("results", hits);
      out.put("candidates", result.candidates());
      // more persons share the name's sound than were scored: a birth date, postcode or phone narrows the search
      if (result.nameCapped()) out.put("nameMatchesCapped", true);
      out.put("modelVersion", result.modelVersion());
      if (!warnings.isEmpty()) out.put("warnings", warnings);
      ProfileHandlers.json(ctx, ProfileCodec.write(out));
    }).onFailure(ctx::fail);
  }

  private void explain(RoutingContext ctx) {
    UUID id = ProfileHandlers.profileId(ctx);
    readModel.stored(id).compose(stored -> {
      if (stored == null || !"active".equals(stored.status()) && stored.mergedInto() == null) {
        throw HubException.notFound("no profile " + id);
      }
      if (stored.mergedInto() != null) {
        ProfileHandlers.redirect(ctx, stored.mergedInto().toString(), "/explain");
        return Future.succeededFuture();
      }
      return explanations.of(id).onSuccess(json -> ProfileHandlers.json(ctx, json.encode()));
    }).onFailure(ctx::fail);
  }

  private void compareStored(RoutingContext ctx) {
    SourceKey left = ProfileHandlers.sourceKey(ctx);
    SourceKey right = new SourceKey(Json.withoutNul("otherSource", ctx.pathParam("otherSource")),
        Json.withoutNul("otherSourceId", ctx.pathParam("otherSourceId")));
    if (left.equals(right)) throw HubException.invalid("otherSourceId: names the same record as sourceId");
    explanations.stored(left, right).compose(found -> {
      StoredRecord l = identity(found, left, "sourceId");
      StoredRecord r = identity(found, right, "otherSourceId");
      boolean apart = l.profileId() != null && r.profileId() != null && !l.profileId().equals(r.profileId());
      Future<Map<UUID, List<String>>> members = apart ? explanations.memberStandards(l.profileId(), r.profileId())
          : Future.succeededFuture(null);
      // decoding and scoring are CPU work: off the event loop
      return members.compose(m -> ctx.vertx().executeBlocking(() -> answer(l, r,
          m == null ? null : m.getOrDefault(l.profileId(), List.of()),
          m == null ? null : m.getOrDefault(r.profileId(), List.of())), false));
    }).onSuccess(json -> ProfileHandlers.json(ctx, json)).onFailure(ctx::fail);
  }

  private static StoredRecord identity(Map<SourceKey, StoredRecord> found, SourceKey key, String param) {
    StoredRecord s = found.get(key);
    if (s == null) throw HubException.notFound("no record " + key.asString());
    if (!s.identity()) {
      throw HubException.invalid(param + ": " + key.asString() + " is an order of a known customer, not an identity");
    }
    return s;
  }

  /**
   * The pair scored now with the model in use, from the standardized values stored with the records (what linking
   * and re-resolution score); for records in two profiles ({@code leftMembers} and {@code rightMembers}, encoded
   * standardized values, null otherwise) also whether the profiles may join: what the cluster guard and the
   * stewards' keep-apart pairs say of all their records, as when ingest or re-resolution would merge them.
   */
  private String answer(StoredRecord l, StoredRecord r, List<String> leftMembers, List<String> rightMembers) {
    PairScore score = engine.score(StandardRecord.decode(l.standard()), StandardRecord.decode(r.standard()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("left", side(l));
    out.put("right", side(r));
    out.put("sameProfile", l.profileId() != null && l.profileId().equals(r.profileId()));
    out.put("keptApart", engine.keptApart().contains(l.key(), r.key()));
    if (leftMembers != null && rightMembers != null) {
      Optional<String> refused = engine.guard().check(decoded(leftMembers), decoded(rightMembers));
      out.put("profilesMayJoin", refused.isEmpty());
      refused.ifPresent(why -> out.put("joinRefusedBecause", why));
    }
    out.putAll(score.toMap());
    out.put("modelVersion", engine.current().version());
    return ProfileCodec.write(out);
  }

  private static List<StandardRecord> decoded(List<String> encoded) {
    List<StandardRecord> out = new ArrayList<>(encoded.size());
    for (String e : encoded) out.add(StandardRecord.decode(e));
    return out;
  }

  private static Map<String, Object> side(StoredRecord s) {
    Map<String, Object> m = key(s.key());
    m.put("profileId", s.profileId() == null ? null : s.profileId().toString());
    return m;
  }

  /** A record's key as events and explanations write it ({@code source}, {@code sourceId}), as a plain map. */
  private static Map<String, Object> key(SourceKey key) {
    return new LinkedHashMap<>(CanonicalJson.key(key).getMap());
  }
}
