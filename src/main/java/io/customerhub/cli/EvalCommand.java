package io.customerhub.cli;

import io.customerhub.app.HubNode;
import io.customerhub.cache.HazelcastConfigs;
import io.customerhub.config.HubConfig;
import io.customerhub.generate.Dataset;
import io.customerhub.generate.DatasetGenerator;
import io.customerhub.generate.GeneratorOptions;
import io.customerhub.generate.GoldenAccuracy;
import io.customerhub.generate.PairwiseMetrics;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.ScoredPairs;
import io.customerhub.resolve.ThresholdSweep;
import io.customerhub.resolve.match.MatchingConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/hub eval}: generates a data set with ground truth (or reads a labeled one, {@code --from}), loads it
 * into a fresh database through the HTTP door of an in-process node (the normal pipeline: validation, resolution,
 * commit), reads the crosswalk back and prints pairwise precision, recall and F1, the review pairs and the ingest
 * rate; with {@code --sweep} then the same figures at a grid of merge thresholds ({@link ThresholdSweep}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure resolution quality and speed on a data set with ground truth: generated, or your own (--from).")
final class EvalCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions config;

  @Option(names = "--persons", defaultValue = "8000",
      description = "persons to generate (default: ${DEFAULT-VALUE}; not with --from)") int persons;
  @Option(names = "--orgs", defaultValue = "1000",
      description = "organizations to generate (default: ${DEFAULT-VALUE}; not with --from)") int orgs;
  @Option(names = "--dup-rate", defaultValue = "0.2",
      description = "share of customers with more than one record (default: ${DEFAULT-VALUE}; not with --from)")
  double dupRate;
  @Option(names = "--seed", defaultValue = "42", description = "the generator's seed (default: ${DEFAULT-VALUE})")
  long seed;
  @Option(names = "--batch", defaultValue = "1000", description = "records per HTTP request (default: ${DEFAULT-VALUE})")
  int batch;
  @Option(names = "--no-orders", description = "load customer records only (skip orders)") boolean noOrders;
  @Option(names = "--retrain", description = "then train the model on the loaded data, re-resolve, and measure again")
  boolean retrain;
  @Option(names = "--from", paramLabel = "DIR", description = "evaluate on a labeled set instead of generating one: "
      + "<source>.ndjson files (the lines as each source sends them) and truth.csv (source,sourceId,entityId), "
      + "as bin/hub generate writes them")
  Path from;
  @Option(names = "--sweep", description = "then print precision, recall, F1 and review pairs at a grid of merge "
      + "thresholds, for the model the hub ends with (clusters as connected components of the scored pairs: a guide "
      + "that ignores the cluster guard, explicit links and steward decisions)")
  boolean sweep;

  @Override
  public Integer call() throws Exception {
    if (batch < 1) throw new IllegalArgumentException("--batch must be at least 1, not " + batch); // else: no progress
    // named by option here: the generator's own checks speak of its fields (dupRate)
    if (persons < 0) throw new IllegalArgumentException("--persons must not be negative, not " + persons);
    if (orgs < 0) throw new IllegalArgumentException("--orgs must not be negative, not " + orgs);
    if (!(dupRate >= 0 && dupRate <= 1)) throw new IllegalArgumentException("--dup-rate must be within [0, 1], not " + dupRate);
    LabeledSet set = from != null ? LabeledSet.read(from) : generated();
    if (set.truth().isEmpty() || set.lines().values().stream().allMatch(List::isEmpty)) {
      throw new IllegalArgumentException((from != null ? from + ": " : "") + "nothing to evaluate (truth.csv has "
          + set.truth().size() + " rows, the .ndjson files " + set.lines().values().stream().mapToInt(List::size).sum()
          + " lines)");
    }
    Path dir = Files.createTempDirectory("hub-eval");
    try {
      return evaluate(set, dir);
    } finally {
      deleteTree(dir); // the node's embedded PostgreSQL: tens of megabytes left in /tmp by every run
    }
  }

  /** Removes {@code dir} and what is in it, as far as it can: a file it cannot remove is left, not an error. */
  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }

  private Integer evaluate(LabeledSet set, Path dir) throws Exception {
    // the hub's own learning after ingest goes quiet is started below, when the figures as loaded are taken
    HubConfig cfg = config.load().withoutLearningWhenQuiet().withDataDir(dir).withPostgresUrl(null)
        .withKafkaBootstrap(null).withHttpPort(0)
        .withHazelcast(new HubConfig.Hazelcast("hub-eval-" + UUID.randomUUID(), HazelcastConfigs.LOOPBACK_MEMBERS, 5801));
    if (from != null) {
      System.out.printf("Read %,d labeled records of %s from %s; starting a fresh hub …%n", set.truth().size(),
          set.lines().keySet(), from);
    } else {
      System.out.printf("Generated %d persons, %d organizations, %.0f%% duplicates (seed %d); starting a fresh hub …%n",
          persons, orgs, dupRate * 100, seed);
    }
    try (HubNode node = HubNode.start(cfg)) {
      WebClient client = WebClient.create(node.vertx());
      String base = "http://127.0.0.1:" + node.httpPort() + "/api/v1";
      String token = node.token("eval", List.of("admin"));
      long loaded = 0;
      long started = System.nanoTime();
      for (Map.Entry<String, List<String>> source : set.lines().entrySet()) {
        if (noOrders && source.getKey().equals(Dataset.ORDERS)) continue;
        loaded += load(client, base, token, source.getKey(), source.getValue());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<SourceKey, String> truth = new HashMap<>(set.truth());
      if (noOrders) truth.keySet().removeIf(k -> k.source().equals(Dataset.ORDERS));
      System.out.printf("%nrecords loaded        %,d in %.1f s = %,.0f records/s (resolved and committed, HTTP door)%n",
          loaded, seconds, loaded / seconds);
      if (rejectedLines > 0) {
        System.out.printf("records rejected      %,d of them (the first %d above): the figures below leave them out%n",
            rejectedLines, Math.min(rejectedLines, ImportReport.SHOWN));
      }
      ThresholdSweep.Row last = report("as loaded", node, set, truth, crosswalk(client, base, token));
      long learnStarted = System.nanoTime();
      if (node.learning().learn(true).toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES)) {
        System.out.printf("%nthe hub learned its model from the %,d loaded records and re-resolved them in %.1f s,"
            + " as it does once ingest goes quiet%n", loaded, (System.nanoTime() - learnStarted) / 1e9);
        last = report("after the hub learned from the data", node, set, truth, crosswalk(client, base, token));
      }
      if (retrain) {
        long t = System.nanoTime();
        JsonObject trained = client.postAbs(base + "/admin/train").bearerTokenAuthentication(token).send()
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES).bodyAsJsonObject();
        JsonObject job = client.postAbs(base + "/admin/reresolve").bearerTokenAuthentication(token).send()
            .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES).bodyAsJsonObject();
        while ("running".equals(job.getString("state"))) {
          Thread.sleep(500);
          job = client.getAbs(base + "/admin/jobs/" + job.getString("jobId")).bearerTokenAuthentication(token).send()
              .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES).bodyAsJsonObject();
        }
        System.out.printf("%nretrained (model version %d on %d records) and re-resolved in %.1f s: %d records moved%n",
            trained.getLong("version"), trained.getLong("trainedOn"), (System.nanoTime() - t) / 1e9,
            job.getLong("moved", 0L));
        last = report("after training and re-resolution", node, set, truth, crosswalk(client, base, token));
      }
      if (sweep) sweep(node, truth, last);
      return 0;
    }
  }

  /** Prints the figures of the hub's crosswalk; answers them as the sweep's line for the hub. */
  private static ThresholdSweep.Row report(String title, HubNode node, LabeledSet set, Map<SourceKey, String> truth,
                                           Map<SourceKey, String> predicted) throws Exception {
    PairwiseMetrics.Result m = PairwiseMetrics.evaluate(truth, predicted);
    long reviews = count(node, "select count(*) from review_pair where status = 'open'");
    long profiles = predicted.values().stream().distinct().count();
    System.out.println("-- " + title);
      System.out.printf("identity records      %,d (truth %,d), profiles %,d%n", predicted.size(), truth.size(),
          profiles);
      System.out.printf("pairwise precision    %.4f%npairwise recall       %.4f%npairwise F1            %.4f%n",
          m.precision(), m.recall(), m.f1());
      System.out.printf("true/false positives  %,d / %,d, false negatives %,d%n", m.truePositives(),
          m.falsePositives(), m.falseNegatives());
      System.out.printf("review pairs          %,d (%.2f%% of identity records)%n", reviews,
          100.0 * reviews / Math.max(1, predicted.size()));
    if (!set.identities().isEmpty()) goldenValues(node, set, truth, predicted);
    return new ThresholdSweep.Row(Double.NaN, "as the hub did", profiles, reviews, m);
  }

  /**
   * How often the golden values of profiles of two records or more are the customer's real ones
   * ({@link GoldenAccuracy}), from the profiles as stored.
   */
  private static void goldenValues(HubNode node, LabeledSet set, Map<SourceKey, String> truth,
                                   Map<SourceKey, String> predicted) throws Exception {
    Map<SourceKey, Map<String, String>> members = new HashMap<>();
    set.lines().forEach((source, lines) -> {
      if (source.equals(Dataset.ORDERS)) return;
      for (String line : lines) {
        JsonObject r = new JsonObject(line);
        Map<String, String> values = new HashMap<>();
        for (String a : GoldenAccuracy.ATTRIBUTES) values.put(a, r.getValue(a) instanceof String v ? v : null);
        members.put(new SourceKey(source, r.getString("sourceId")), values);
      }
    });
    Map<String, Map<String, String>> golden = new HashMap<>();
    StringBuilder columns = new StringBuilder("select profile_id::text");
    for (String a : GoldenAccuracy.ATTRIBUTES) columns.append(", body->'golden'->>'").append(a).append('\'');
    for (Row row : node.database().pool().query(columns + " from profile where status = 'active'").execute()
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES)) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < GoldenAccuracy.ATTRIBUTES.size(); i++) {
        values.put(GoldenAccuracy.ATTRIBUTES.get(i), row.getString(i + 1));
      }
      golden.put(row.getString(0), values);
    }
    System.out.println("golden values of the profiles of 2+ records, against the customer's real ones:");
    GoldenAccuracy.measure(truth, predicted, set.identities(), members, golden)
        .forEach(r -> System.out.println("  " + r));
  }

  /** The threshold table for the model the hub ended with, after {@code hub}'s own figures. */
  private static void sweep(HubNode node, Map<SourceKey, String> truth, ThresholdSweep.Row hub) throws Exception {
    MatchingConfig cfg = node.services().engine().config();
    List<Double> thresholds = ThresholdSweep.thresholds(cfg.mergeProbability(), cfg.reviewProbability());
    long started = System.nanoTime();
    ScoredPairs pairs = node.services().reresolver().score(thresholds.get(0)).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.MINUTES);
    List<ThresholdSweep.Row> rows = ThresholdSweep.rows(pairs, truth, cfg.mergeProbability(), cfg.reviewProbability());
    System.out.printf("%n-- threshold sweep: model version %d, %,d candidate pairs of the %,d stored records scoring at"
        + " least %s (%.1f s)%n", pairs.modelVersion(), pairs.size(), pairs.keys().size(), thresholds.get(0),
        (System.nanoTime() - started) / 1e9);
    System.out.printf("profiles: the connected components of the pairs at or above the row's merge threshold;"
        + " review pairs: those scoring%nfrom the review threshold (%s) up to it whose records stay apart. A guide, not"
        + " what the hub would do:%nit ignores the cluster guard, explicit links and steward decisions. The hub's own"
        + " figures come first.%n", cfg.reviewProbability());
    ThresholdSweep.table(hub, rows).forEach(System.out::println);
  }

  /** The generated set as the sources would send it, customers first. */
  private LabeledSet generated() {
    Dataset data = DatasetGenerator.generate(GeneratorOptions.defaults().withPersons(persons).withOrgs(orgs)
        .withDupRate(dupRate).withSeed(seed));
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (String source : List.of(Dataset.CRM, Dataset.ERP, Dataset.RISK, Dataset.ORDERS)) {
      lines.put(source, data.records(source).stream().map(r -> new JsonObject(r).encode()).toList());
    }
    return new LabeledSet(lines, data.truth(), data.identities());
  }

  private long load(WebClient client, String base, String token, String source, List<String> lines)
      throws Exception {
    for (int at = 0; at < lines.size(); at += batch) {
      StringBuilder body = new StringBuilder();
      for (String line : lines.subList(at, Math.min(lines.size(), at + batch))) body.append(line).append('\n');
      HttpResponse<Buffer> response = client.postAbs(base + "/records/" + source).bearerTokenAuthentication(token)
          .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(body.toString()))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
      if (response.statusCode() != 200) throw new IllegalStateException("ingest answered " + response.statusCode()
          + ": " + response.bodyAsString());
      rejected(source, at, response.bodyAsString());
    }
    return lines.size();
  }

  /** Says which lines of a source the hub rejected (the first few, and how many), as {@code import} does. */
  private void rejected(String source, int firstLine, String answers) {
    for (String answer : answers.split("\n")) {
      if (answer.isBlank()) continue;
      io.vertx.core.json.JsonObject a = new io.vertx.core.json.JsonObject(answer);
      if (!"rejected".equals(a.getString("status"))) continue;
      if (rejectedLines++ < ImportReport.SHOWN) {
        // counted among the file's records (blank lines are not sent)
        System.out.printf("rejected %s.ndjson record %d: %s%n", source, firstLine + a.getInteger("line", 0),
            a.getString("error", answer));
      }
    }
  }

  private long rejectedLines;

  private static Map<SourceKey, String> crosswalk(WebClient client, String base, String token) throws Exception {
    String body = client.getAbs(base + "/crosswalk").bearerTokenAuthentication(token).send()
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES).bodyAsString();
    Map<SourceKey, String> out = new HashMap<>();
    if (body == null) return out; // no identity record was loaded
    for (String line : body.split("\n")) {
      if (line.isBlank()) continue;
      JsonObject o = new JsonObject(line);
      out.put(new SourceKey(o.getString("source"), o.getString("sourceId")), o.getString("profileId"));
    }
    return out;
  }

  private static long count(HubNode node, String sql) throws Exception {
    return node.database().pool().query(sql).execute().toCompletionStage().toCompletableFuture()
        .get(1, TimeUnit.MINUTES).iterator().next().getLong(0);
  }

}
