package io.customerhub.app;

import com.hazelcast.core.HazelcastInstance;
import io.customerhub.access.TokenRevocations;
import io.customerhub.cache.CrashRepair;
import io.customerhub.cache.ProfileCache;
import io.customerhub.cache.ProfileReadModel;
import io.customerhub.config.HubConfig;
import io.customerhub.config.Secrets;
import io.customerhub.coverage.CoverageQueries;
import io.customerhub.ingest.IngestService;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.profile.ProfileAssembler;
import io.customerhub.profile.ProfileRules;
import io.customerhub.resolve.KeptApartSync;
import io.customerhub.resolve.KeyHash;
import io.customerhub.resolve.LearnedNames;
import io.customerhub.resolve.Linker;
import io.customerhub.resolve.MatchEngine;
import io.customerhub.resolve.ModelStore;
import io.customerhub.resolve.ModelVersions;
import io.customerhub.resolve.Reresolver;
import io.customerhub.resolve.Restandardizer;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.resolve.ResolveService;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.serve.Auth;
import io.customerhub.serve.IdentityProvider;
import io.customerhub.serve.HttpApiVerticle;
import io.customerhub.serve.RoutingAnswers;
import io.customerhub.serve.PolicyRoutingAnswers;
import io.customerhub.serve.PrioritiesModule;
import io.customerhub.serve.MatchingModule;
import io.customerhub.serve.ModelModule;
import io.customerhub.serve.ModelVersionsModule;
import io.customerhub.serve.RevocationsModule;
import io.customerhub.serve.SourcesModule;
import io.customerhub.serve.StewardModule;
import io.customerhub.resolve.Explanations;
import io.customerhub.resolve.ProfileSearch;
import io.customerhub.route.Prioritizer;
import io.customerhub.route.RoutingPolicy;
import io.customerhub.steward.ProfileHistory;
import io.customerhub.steward.Steward;
import io.customerhub.upkeep.TierCutoffs;
import io.customerhub.store.Database;
import io.customerhub.store.ProfileQueries;
import io.customerhub.store.ProfileStore;
import io.customerhub.support.HeapPressure;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;

import java.util.List;

/** The hub's services, wired once per node from its configuration; verticles receive them ready-made. */
public record HubServices(Auth auth, TokenRevocations revocations, Standardizer standardizer, MatchEngine engine,
                          ModelStore models, ProfileAssembler assembler, TierCutoffs tierCutoffs,
                          ProfileStore profileStore, ProfileQueries queries,
                          ResolveService resolver, IndexSync candidateIndex, ProfileReadModel readModel,
                          IngestService ingest, Reresolver reresolver, Restandardizer restandardizer,
                          RoutingAnswers routingAnswers, Steward steward,
                          List<HttpApiVerticle.ApiModule> modules, HubMetrics metrics, HeapPressure heap,
                          CrashRepair crashRepair) {

  static HubServices create(Vertx vertx, HubConfig config, HubRules conf, Secrets.Signing signing, Database db,
                            HazelcastInstance hz, HubMetrics metrics) {
    TokenRevocations revocations = new TokenRevocations(vertx, db.pool());
    Auth auth = new Auth(vertx, signing.current(), signing.previous(), config.auth().issuer(),
        config.auth().oidc().enabled() ? identityProvider(vertx, config, metrics) : null, revocations::current);
    MatchingConfig matching = conf.matching();
    Standardizer standardizer = new Standardizer(matching.standardizer());
    MatchEngine engine = new MatchEngine(matching);
    ModelStore models = new ModelStore(vertx, db.pool());
    ProfileRules rules = conf.profile().withNames(new LearnedNames(matching.nicknames(), engine));
    TierCutoffs cutoffs = new TierCutoffs(rules.tiers());
    ProfileAssembler assembler = new ProfileAssembler(rules, cutoffs);
    ProfileStore store = new ProfileStore(vertx, assembler);
    ProfileQueries queries = new ProfileQueries(db.pool());
    IndexSync candidateIndex = new IndexSync(db.pool(), standard -> KeyHash.of(standardizer.nameSoundKeys(standard)),
        engine::countWith);
    Linker linker = new Linker(engine, engine.guard(), engine.keptApart()::check);
    KeptApartSync keptApart = new KeptApartSync(engine.keptApart());
    ResolveService resolver = new ResolveService(vertx, db.pool(), standardizer, linker,
        candidateIndex, keptApart, store, config.resolve(), metrics);
    RoutingPolicy policy = conf.routing();
    RoutingAnswers routing = new PolicyRoutingAnswers(policy);
    HeapPressure heap = HeapPressure.watch(config.resolve().maxHeapAfterGc());
    metrics.heapUsedAfterGc(heap::usedAfterGc);
    ProfileCache cache = new ProfileCache(vertx, hz);
    // the cache may hold versions of the commits the database lost: emptied, it fills again from what it has
    candidateIndex.onRewind(cache::emptied);
    metrics.cacheRepairsPending(cache::repairsPending);
    ProfileReadModel readModel = new ProfileReadModel(vertx, cache, queries, routing::render);
    CrashRepair crashRepair = new CrashRepair(vertx, db.pool(), cache, hz, config.hazelcast().crashRepairSeconds(),
        metrics).watch();
    IngestService ingest = new IngestService(vertx, db.pool(), conf.mappings(), resolver, readModel,
        config.resolve().batchSize(), metrics, heap);
    Reresolver reresolver = new Reresolver(vertx, db.pool(), engine, models, store, candidateIndex, keptApart, heap);
    ModelVersions versions = new ModelVersions(vertx, db.pool(), models, reresolver);
    Restandardizer restandardizer = new Restandardizer(vertx, db.pool(), standardizer, candidateIndex);
    Steward steward = new Steward(vertx, db.pool(), store, candidateIndex, readModel, keptApart);
    Explanations explanations = new Explanations(db.pool());
    List<HttpApiVerticle.ApiModule> modules = List.of(new PrioritiesModule(new Prioritizer(policy), queries),
        new MatchingModule(explanations, readModel, engine,
            new ProfileSearch(vertx, db.pool(), candidateIndex, engine, standardizer,
                config.resolve().maxCandidatesPerKey()), config.http().maxLineBytes()),
        new ModelModule(vertx, engine, models, standardizer, versions, reresolver, restandardizer, readModel,
            config.http().maxLineBytes()),
        new ModelVersionsModule(engine, versions),
        new StewardModule(steward, readModel, new ProfileHistory(db.pool(), explanations)),
        new SourcesModule(new CoverageQueries(db.pool())), new RevocationsModule(revocations));
    return new HubServices(auth, revocations, standardizer, engine, models, assembler, cutoffs, store, queries,
        resolver, candidateIndex, readModel, ingest, reresolver, restandardizer, routing, steward, modules, metrics,
        heap, crashRepair);
  }

  private static IdentityProvider identityProvider(Vertx vertx, HubConfig config, HubMetrics metrics) {
    Counter ok = metrics.providerKeyFetches("ok");
    Counter failed = metrics.providerKeyFetches("failed");
    return new IdentityProvider(vertx, config.auth().oidc(), succeeded -> (succeeded ? ok : failed).increment());
  }
}
