package io.customerhub.app;

import com.hazelcast.core.HazelcastInstance;
import io.customerhub.cache.ProfileCache;
import io.customerhub.cache.ProfileReadModel;
import io.customerhub.config.HubConfig;
import io.customerhub.config.Secrets;
import io.customerhub.ingest.IngestService;
import io.customerhub.ingest.SourceMappings;
import io.customerhub.profile.Profile;
import io.customerhub.profile.ProfileAssembler;
import io.customerhub.profile.ProfileRules;
import io.customerhub.resolve.DeterministicDecider;
import io.customerhub.resolve.PairDecider;
import io.customerhub.resolve.ResolveService;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.serve.Auth;
import io.customerhub.serve.HttpApiVerticle;
import io.customerhub.serve.RoutingAnswers;
import io.customerhub.store.Database;
import io.customerhub.store.ProfileQueries;
import io.customerhub.store.ProfileStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The hub's services, wired once per node from its configuration; verticles receive them ready-made. */
public record HubServices(Auth auth, Standardizer standardizer, PairDecider decider, ProfileAssembler assembler,
                          ProfileStore profileStore, ResolveService resolver, ProfileReadModel readModel,
                          IngestService ingest, RoutingAnswers routingAnswers, List<HttpApiVerticle.ApiModule> modules) {

  static HubServices create(Vertx vertx, HubConfig config, Database db, HazelcastInstance hz, SourceMappings mappings) {
    Auth auth = new Auth(vertx, Secrets.jwtSecret(config), config.auth().issuer());
    Standardizer standardizer = new Standardizer();
    PairDecider decider = new DeterministicDecider();
    ProfileAssembler assembler = new ProfileAssembler(ProfileRules.load(config.confDir()));
    ProfileStore store = new ProfileStore(vertx, assembler);
    ResolveService resolver = new ResolveService(vertx, db.pool(), standardizer, decider, store, config.resolve());
    RoutingAnswers routing = new SimpleRouting();
    ProfileReadModel readModel = new ProfileReadModel(new ProfileCache(vertx, hz), new ProfileQueries(db.pool()),
        routing::render);
    IngestService ingest = new IngestService(mappings, resolver, readModel, config.resolve().batchSize());
    return new HubServices(auth, standardizer, decider, assembler, store, resolver, readModel, ingest, routing,
        List.of());
  }

  /** Interim routing answers until the routing policy is wired: tier and risk codes, lane STANDARD. */
  private static final class SimpleRouting implements RoutingAnswers {
    @Override
    public String render(Profile p) {
      return new JsonObject().put("profileId", p.profileId()).put("tier", p.tier())
          .put("riskCodes", new JsonArray(p.riskCodes())).put("lane", "STANDARD").put("priority", 0)
          .put("reasons", new JsonArray()).encode();
    }

    @Override
    public String unknown() {
      return new JsonObject().putNull("profileId").putNull("tier").put("riskCodes", new JsonArray())
          .put("lane", "STANDARD").put("priority", 0).put("reasons", new JsonArray().add("UNKNOWN_CUSTOMER")).encode();
    }
  }
}
