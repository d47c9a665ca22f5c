package io.customerhub.serve;

import io.customerhub.profile.Profile;
import io.customerhub.record.SourceKey;
import io.customerhub.route.Prioritizer;
import io.customerhub.route.RankedItem;
import io.customerhub.route.WorkItem;
import io.customerhub.store.ProfileCodec;
import io.customerhub.store.ProfileQueries;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /api/v1/priorities}: ranks work items by customer value, risk and waiting time against SLAs. */
public final class PrioritiesModule implements HttpApiVerticle.ApiModule {

  private static final int MAX_ITEMS = 10_000;

  private final Prioritizer prioritizer;
  private final ProfileQueries queries;

  public PrioritiesModule(Prioritizer prioritizer, ProfileQueries queries) {
    this.prioritizer = prioritizer;
    this.queries = queries;
  }

  @Override
  public void mount(Router api) {
    api.post("/priorities").handler(Auth.require("router")).handler(this::rank);
  }

  /**
   * Reads the items and ranks them on a worker: up to 10,000 items and as many stored profiles to decode would
   * hold the event loop (and the routing lookups it serves) for a good part of a second.
   */
  private void rank(RoutingContext ctx) {
    Vertx vertx = ctx.vertx();
    vertx.executeBlocking(() -> parse(Json.body(ctx)), false).compose(items -> {
      List<SourceKey> customers = new ArrayList<>(new LinkedHashSet<>(items.stream().map(WorkItem::customer).toList()));
      return queries.storedByKeys(customers).compose(stored -> vertx.executeBlocking(() -> {
        Map<SourceKey, Profile> profiles = new HashMap<>();
        stored.forEach((key, body) -> profiles.put(key, ProfileCodec.fromStored(body)));
        List<RankedItem> ranked = prioritizer.rank(items, key -> Optional.ofNullable(profiles.get(key)), Instant.now());
        List<Map<String, Object>> out = ranked.stream().map(RankedItem::toView).toList();
        return ProfileCodec.write(Map.of("items", out));
      }, false));
    }).onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json)).onFailure(ctx::fail);
  }

  private static List<WorkItem> parse(JsonObject body) {
    if (!(body.getValue("items") instanceof JsonArray arr)) throw HubException.invalid("items: must be an array");
    if (arr.size() > MAX_ITEMS) throw HubException.tooLarge("items: at most " + MAX_ITEMS + " per request");
    List<WorkItem> items = new ArrayList<>(arr.size());
    List<String> errors = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < arr.size(); i++) {
      String path = "items[" + i + "]";
      if (!(arr.getValue(i) instanceof JsonObject o)) {
        errors.add(path + ": must be an object");
        continue;
      }
      String id = Json.text(o, "id");
      if (id == null) errors.add(path + ".id: is required");
      Integer first = id == null ? null : ids.putIfAbsent(id, i);
      // answers are matched to items by id: two items under one id would come back indistinguishable
      if (first != null) errors.add(path + ".id: '" + id + "' is also the id of items[" + first + "]");
      SourceKey customer = null;
      if (o.getValue("customer") instanceof JsonObject c && Json.text(c, "source") != null
          && Json.text(c, "sourceId") != null) {
        customer = new SourceKey(Json.text(c, "source"), Json.text(c, "sourceId"));
        // no stored record holds a NUL character, and PostgreSQL fails the whole lookup on one (a 500)
        if (Json.hasNul(customer.source()) || Json.hasNul(customer.sourceId())) {
          errors.add(path + ".customer: must not contain NUL characters");
        }
      } else {
        errors.add(path + ".customer: needs source and sourceId");
      }
      String type = Json.text(o, "type");
      if (type == null) errors.add(path + ".type: is required");
      Instant created = null;
      String createdText = Json.text(o, "createdAt");
      if (createdText == null) errors.add(path + ".createdAt: is required");
      else {
        try {
          created = OffsetDateTime.parse(createdText).toInstant();
        } catch (DateTimeParseException e) {
          errors.add(path + ".createdAt: is not an ISO-8601 timestamp");
        }
      }
      if (errors.isEmpty()) items.add(new WorkItem(id, customer, type, created));
      if (errors.size() >= 20) break;
    }
    if (!errors.isEmpty()) throw HubException.invalid(String.join("; ", errors));
    return items;
  }
}
