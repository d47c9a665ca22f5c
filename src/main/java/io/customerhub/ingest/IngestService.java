package io.customerhub.ingest;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.metrics.HubMetrics;
import io.customerhub.record.SourceKey;
import io.customerhub.resolve.Incoming;
import io.customerhub.resolve.Outcome;
import io.customerhub.resolve.ResolveService;
import io.customerhub.support.Chunks;
import io.customerhub.support.HeapPressure;
import io.customerhub.support.JsonTexts;
import io.customerhub.support.LoneSurrogates;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one pipeline behind every door (HTTP, Kafka, files): decode each input against its source's mapping,
 * resolve the valid ones in batches (each committed before it is answered), then refresh the cache. A bad input
 * is answered with its reason and never holds back the good ones.
 */
public final class IngestService {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestService.class);
  /** The actor of the hub's own corrections of how it read a source's dates, in the audit trail. */
  static final String DATE_ORDER_ACTOR = "hub:date-order";
  /** Stored inputs read again when a source's dates turn out month first; the rest, if any, must be sent again. */
  static final int READ_AGAIN_LIMIT = 10_000;

  private final Vertx vertx;
  private final SourceMappings mappings;
  private final ResolveService resolver;
  private final ProfileReadModel readModel;
  private final int batchSize;
  private final HubMetrics metrics;
  private final LearnedDateOrders dateOrders;
  private final HeapPressure heap;
  /** Ingest calls under way on this node, which a stopping node waits for ({@link #settled}). */
  private final AtomicInteger inFlight = new AtomicInteger();

  public IngestService(Vertx vertx, Pool pool, SourceMappings mappings, ResolveService resolver,
                       ProfileReadModel readModel, int batchSize, HubMetrics metrics, HeapPressure heap) {
    this.vertx = vertx;
    this.heap = heap;
    this.dateOrders = new LearnedDateOrders(vertx, pool, this::readAgainMonthFirst);
    this.mappings = mappings;
    this.metrics = metrics;
    this.resolver = resolver;
    this.readModel = readModel;
    this.batchSize = batchSize;
  }

  /** One raw input (a line, a Kafka value, a CSV row already turned into JSON), or why the door refused it. */
  public record Input(String text, JsonObject json, String refused) {
    public static Input text(String text) {
      return new Input(text, null, null);
    }

    public static Input json(JsonObject json) {
      return new Input(json.encode(), json, null);
    }

    public static Input refused(String reason) {
      return new Input(null, null, reason);
    }
  }

  /**
   * The answer for one input: accepted with its outcome and profile (and the values left out of it, if any), or
   * rejected with the reason.
   */
  public record Result(Outcome outcome, List<String> warnings) {
    public Result(Outcome outcome) {
      this(outcome, List.of());
    }

    public boolean accepted() {
      return outcome.accepted();
    }

    public JsonObject toJson(int line) {
      JsonObject o = new JsonObject().put("line", line);
      if (!outcome.accepted()) return o.put("status", "rejected").put("error", outcome.error());
      o.put("status", "accepted").put("outcome", outcome.kind().wire());
      o.put("profileId", outcome.profileId() == null ? null : outcome.profileId().toString());
      if (!warnings.isEmpty()) o.put("warnings", new JsonArray(warnings));
      return o;
    }
  }

  public boolean knowsSource(String source) {
    return mappings.forSource(source).isPresent();
  }

  public Future<List<Result>> ingest(String source, List<Input> inputs, String actor) {
    return ingest(source, inputs, actor, false);
  }

  /** @param corrections the hub reading stored inputs again ({@link Incoming#correction()}) */
  private Future<List<Result>> ingest(String source, List<Input> inputs, String actor, boolean corrections) {
    // before any work: a node out of room stops taking records rather than fail them all, and itself, half-way
    if (heap.high()) return Future.failedFuture(new HeapPressure.Full(heap.describe()));
    inFlight.incrementAndGet();
    SourceMapping mapping = mappings.forSource(source).orElse(null);
    Result[] results = new Result[inputs.size()];
    Map<Integer, List<String>> warnings = new ConcurrentHashMap<>();
    // parsing, mapping and checking thousands of lines is CPU work: on worker threads, a few lines in place
    return dateOrders.monthFirst(source, mapping, inputs).compose(reading -> Chunks.concat(vertx, inputs.size(),
            (from, to) -> decode(source, mapping, reading.monthFirst(), inputs, from, to, results, warnings,
                corrections))
        .compose(valid -> resolve(source, valid, results, warnings, actor))
        .onSuccess(answers -> {
          if (reading.forNow()) readAgainIfTurned(source, mapping, inputs, answers);
        })).onComplete(done -> inFlight.decrementAndGet());
  }

  /**
   * Completes once no ingest call is under way here, or after {@code timeoutMillis}: a stopping node waits for the
   * batches it took before it closes its database pool. The HTTP drain has nothing to wait for once a bulk
   * request's client has gone, nor for a Kafka batch; the pool closed under them, and a batch cut between its two
   * transactions leaves records without their profile until a node repairs it.
   */
  public Future<Integer> settled(long timeoutMillis) {
    Promise<Integer> settled = Promise.promise();
    whenSettled(settled, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    return settled.future();
  }

  /** Ingest calls under way on this node now. */
  public int underWay() {
    return inFlight.get();
  }

  private void whenSettled(Promise<Integer> settled, long deadline) {
    int busy = inFlight.get();
    if (busy == 0 || System.nanoTime() > deadline) settled.complete(busy);
    else vertx.setTimer(20, t -> whenSettled(settled, deadline));
  }

  /**
   * A request with dates that read either way, read day first only because its source had not yet shown its order,
   * committed while another request may have shown the month first: the read-again pass of the node that learned it
   * looks only at what had committed by then. So the request asks once more, now that its records are stored, and
   * reads its own inputs with dates that read either way again if the answer is month first (a second reading of
   * one input is answered unchanged).
   */
  private void readAgainIfTurned(String source, SourceMapping mapping, List<Input> inputs, List<Result> answers) {
    dateOrders.turnedMonthFirst(source, mapping).compose(monthFirst -> {
      if (!monthFirst) return Future.succeededFuture(List.<Result>of());
      List<Input> again = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (answers.get(i).accepted() && DateOrders.readsEitherWay(inputs.get(i).text())) again.add(inputs.get(i));
      }
      return again.isEmpty() ? Future.succeededFuture(List.<Result>of())
          : ingest(source, again, DATE_ORDER_ACTOR, true);
    }).onSuccess(results -> logReadAgain(source, results, "inputs of a request read day first meanwhile"))
        .onFailure(err -> LOG.warn("a request of source {} could not be read again month first", source, err));
  }

  /**
   * Reads again, month first, the stored inputs of a source that has just shown it writes dates so: those that came
   * before were read day first where a date reads either way (07/04/1980 became 7 April). Each goes through the
   * pipeline as a correction of its stored version; one that reads the same is answered unchanged. Starts once the
   * request that showed the order knows it, and runs beside it, on its own; at most {@link #READ_AGAIN_LIMIT} inputs,
   * past which the source is better sent again with {@code "dates"} in its mapping.
   */
  private void readAgainMonthFirst(String source) {
    dateOrders.storedEitherWay(source, READ_AGAIN_LIMIT + 1).compose(raw -> {
      if (raw.isEmpty()) return Future.succeededFuture(List.<Result>of());
      if (raw.size() > READ_AGAIN_LIMIT) {
        LOG.warn("source {} stored more than {} inputs before its dates showed the month first: the first {} are read "
            + "again; say \"dates\": \"month-first\" in conf/sources/{}.json and send the rest again", source,
            READ_AGAIN_LIMIT, READ_AGAIN_LIMIT, source);
      }
      List<Input> inputs = raw.stream().limit(READ_AGAIN_LIMIT).map(Input::text).toList();
      return ingest(source, inputs, DATE_ORDER_ACTOR, true);
    }).onSuccess(results -> logReadAgain(source, results, "stored inputs"))
        .onFailure(err -> LOG.warn("the stored inputs of source {} could not be read again month first", source, err));
  }

  private static void logReadAgain(String source, List<Result> results, String which) {
    if (results.isEmpty()) return;
    long changed = results.stream().filter(r -> r.accepted() && r.outcome().kind() == Outcome.Kind.UPDATED).count();
    LOG.info("source {} writes dates month first: read its {} {} with dates that read either way again, {} changed",
        source, results.size(), which, changed);
  }

  /** What a decoder puts where the bytes it was given were not UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';
  /**
   * The warning for a value holding one: the record is kept (the character may be the source's own), but a source
   * that sends Latin-1 as UTF-8 loses every accented letter this way, in silence but for this.
   */
  static final String NOT_UTF8 = ": holds U+FFFD (\uFFFD), the mark of bytes that were not UTF-8 where the record "
      + "was written or sent; check the source's encoding";

  /** An input that decoded into a record, with its place in the request. */
  private record Valid(Incoming incoming, int position) {
  }

  /** A JSON escape of NUL: a backslash-u0000 preceded by an even number of backslashes (none escaping it). */
  private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000");

  /**
   * Whether a line holds a NUL character, raw or escaped: PostgreSQL stores none. An escaped backslash followed
   * by the letters u0000 (a Windows path, say) is not one.
   */
  static boolean hasNul(String line) {
    if (line.indexOf('\u0000') >= 0) return true;
    return line.contains("\\u0000") && NUL_ESCAPE.matcher(line).find();
  }

  /** Decodes inputs {@code [from, to)}: the valid ones are returned in order, the others answered in results. */
  private List<Valid> decode(String source, SourceMapping mapping, boolean monthFirst, List<Input> inputs, int from,
                             int to, Result[] results, Map<Integer, List<String>> warnings, boolean corrections) {
    List<Valid> valid = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      if (mapping == null) {
        results[i] = new Result(Outcome.rejected("source: '" + source + "' is not a valid source name"));
        continue;
      }
      Input in = inputs.get(i);
      if (in.refused() != null) {
        results[i] = new Result(Outcome.rejected(in.refused()));
        continue;
      }
      if (in.text() != null && hasNul(in.text())) {
        results[i] = new Result(Outcome.rejected("record: contains a NUL character (\\u0000), which cannot be stored"));
        continue;
      }
      LenientJson parsed;
      try {
        parsed = in.json() != null ? new LenientJson(in.json(), in.text(), List.of())
            : LenientJson.parse(in.text());
      } catch (DecodeException | ClassCastException e) {
        results[i] = new Result(Outcome.rejected("body: not a JSON object (" + notAnObject(in.text(), e) + ")"));
        continue;
      }
      if (LenientJson.deeperThan(parsed.json(), LenientJson.MAX_RECORD_DEPTH)) {
        results[i] = new Result(Outcome.rejected("record: nests arrays and objects more than "
            + LenientJson.MAX_RECORD_DEPTH + " levels deep"));
        continue;
      }
      String lone = LoneSurrogates.mayHold(parsed.text()) ? LoneSurrogates.pathIn(parsed.json()) : null;
      if (lone != null) {
        results[i] = new Result(Outcome.rejected(LoneSurrogates.reason(lone)));
        continue;
      }
      RecordDecoder.Decoded d;
      try {
        d = RecordDecoder.decode(mapping.apply(parsed.json()), source, mapping.defaultKind(), monthFirst);
      } catch (RuntimeException e) {
        // one input must never fail its batch (or block a Kafka partition): it is rejected on its own
        LOG.warn("input {} of source {} could not be decoded", i + 1, source, e);
        results[i] = new Result(Outcome.rejected("record: could not be decoded (" + e.getClass().getSimpleName() + ")"));
        continue;
      }
      if (!d.ok()) {
        // what the parser took out may be why (a sourceId of 1e400 is missing because no number holds it)
        String also = parsed.warnings().isEmpty() ? "" : "; " + String.join("; ", parsed.warnings());
        results[i] = new Result(Outcome.rejected(d.reason() + also));
        continue;
      }
      String badKey = RecordDecoder.keyProblem(d.record());
      if (badKey != null) {
        results[i] = new Result(Outcome.rejected(badKey));
        continue;
      }
      List<String> said = parsed.warnings().isEmpty() ? d.warnings()
          : Stream.concat(parsed.warnings().stream(), d.warnings().stream()).toList();
      String replaced = parsed.text().indexOf(REPLACEMENT) < 0 ? null
          : JsonTexts.pathOf(parsed.json(), t -> t.indexOf(REPLACEMENT) >= 0);
      if (replaced != null) said = Stream.concat(said.stream(), Stream.of(replaced + NOT_UTF8)).toList();
      if (!said.isEmpty()) warnings.put(i, said);
      valid.add(new Valid(new Incoming(d.record(), parsed.text(), corrections), i));
    }
    return valid;
  }

  private Future<List<Result>> resolve(String source, List<Valid> decoded, Result[] results,
                                       Map<Integer, List<String>> warnings, String actor) {
    List<Incoming> valid = decoded.stream().map(Valid::incoming).toList();
    List<Integer> positions = decoded.stream().map(Valid::position).toList();
    // A pipeline over the batches: all are standardized at once on worker threads, the linking transactions run
    // one after the other in input order (a later record version never commits before an earlier one), and each
    // batch's recomputation of its profiles and cache refresh overlap the next batch's linking. The answer waits
    // for all of it.
    List<Future<Void>> refreshed = new ArrayList<>();
    Future<Void> linked = Future.succeededFuture();
    for (int from = 0; from < valid.size(); from += batchSize) {
      int end = Math.min(valid.size(), from + batchSize);
      List<Incoming> batch = valid.subList(from, end);
      List<Integer> at = positions.subList(from, end);
      Future<ResolveService.Standardized> ready = resolver.standardize(batch);
      linked = linked.compose(v -> ready).compose(r -> linkIsolating(r, actor)).map(l -> {
        refreshed.add(l.recomputed().compose(r -> refresh(r, batch, at, results, warnings)));
        return null;
      });
    }
    // a batch that fails fails the call only once the batches before it are done too: the call's end is when its
    // work has stopped, which a stopping node waits for before it closes the database ({@link #settled})
    return linked.transform(done -> Future.join(refreshed).transform(all -> done.failed()
        ? Future.<Void>failedFuture(done.cause()) : Future.all(refreshed).<Void>mapEmpty())).map(v -> {
      count(source, results);
      return List.of(results);
    });
  }

  private void count(String source, Result[] results) {
    String known = knowsSource(source) ? source : "unknown"; // callers choose the path: keep the tag set bounded
    Map<String, Integer> byOutcome = new HashMap<>();
    int warned = 0;
    for (Result r : results) {
      byOutcome.merge(r.accepted() ? r.outcome().kind().wire() : "rejected", 1, Integer::sum);
      if (r.accepted() && !r.warnings().isEmpty()) warned++;
    }
    byOutcome.forEach((outcome, n) -> metrics.ingested(known, outcome).increment(n));
    // the Kafka door answers nobody: accepted records with a value left out or repaired show here, on every door
    if (warned > 0) metrics.ingestedWithWarnings(known).increment(warned);
  }

  /**
   * Links a batch; when the database refuses it for what is in it (a value it cannot store, a bug a record sets
   * off), links each half on its own, down to the one record that fails, which is rejected with the reason: one
   * poison record must not hold back its batch, nor a Kafka partition forever. A failure of the database itself
   * (connection, timeout) fails the batch as it is, to be retried: no good record is rejected.
   */
  private Future<ResolveService.Linked> linkIsolating(ResolveService.Standardized ready, String actor) {
    return resolver.link(ready, actor).recover(err -> {
      if (!StorageFailures.causedByContent(err)) return Future.failedFuture(err);
      List<Incoming> batch = ready.batch();
      if (batch.size() == 1) {
        LOG.warn("record {} refused while resolving", batch.get(0).record().key(), err);
        return Future.succeededFuture(ResolveService.Linked.of(new ResolveService.BatchResult(
            List.of(Outcome.rejected(StorageFailures.reason(err))), List.of())));
      }
      List<Incoming> left = batch.subList(0, batch.size() / 2), right = batch.subList(batch.size() / 2, batch.size());
      return resolver.standardize(left).compose(l -> linkIsolating(l, actor))
          .compose(l -> resolver.standardize(right).compose(r -> linkIsolating(r, actor))
              .map(r -> ResolveService.Linked.concat(l, r)));
    });
  }

  /** Records the answers of a committed batch and brings the cache up to date with it. */
  private Future<Void> refresh(ResolveService.BatchResult r, List<Incoming> batch, List<Integer> positions,
                               Result[] results, Map<Integer, List<String>> warnings) {
    List<SourceKey> detached = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      Outcome o = r.outcomes().get(i);
      results[positions.get(i)] = new Result(o, warnings.getOrDefault(positions.get(i), List.of()));
      if (o.kind() == Outcome.Kind.DELETED) detached.add(batch.get(i).record().key());
    }
    detached.addAll(r.unlinked());
    long start = System.nanoTime();
    return readModel.afterCommit(r.changes(), detached)
        .onComplete(x -> metrics.phase("cache").record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }

  /**
   * What an input that is no JSON object is, in the words of whoever wrote it: the parser's own message names its
   * Java classes ({@code java.util.LinkedHashMap} for an array) and where in its buffer it stopped.
   */
  static String notAnObject(String text, Exception e) {
    String t = text == null ? "" : text.strip();
    char first = t.isEmpty() ? ' ' : t.charAt(0);
    if (first == '[') return "a JSON array; send its records one per line, or the array as the whole body";
    if (first == '"') return "a JSON string";
    if (first == '-' || Character.isDigit(first)) return "a number";
    if (t.equals("true") || t.equals("false") || t.equals("null")) return t;
    return parserSays(e);
  }

  /**
   * The parser's message without its internals: where in its buffer it stopped, and the names of its settings in a
   * limit it hit ("Document nesting depth (1001) exceeds the maximum allowed (1000, from
   * `StreamReadConstraints.getMaxNestingDepth()`)" says it nests more than 1000 levels deep).
   */
  public static String parserSays(Exception e) {
    String m = firstLine(e.getMessage());
    if (m.startsWith("Failed to decode:")) m = m.substring("Failed to decode:".length()).strip();
    Matcher limit = PARSER_LIMIT.matcher(m);
    if (limit.find()) {
      String what = limit.group(1).toLowerCase(Locale.ROOT);
      return what.contains("nesting") ? "nests arrays and objects more than " + limit.group(2) + " levels deep"
          : what + " is longer than " + limit.group(2);
    }
    int at = m.indexOf(" at [Source:");
    return at < 0 ? m : m.substring(0, at);
  }

  private static final Pattern PARSER_LIMIT =
      Pattern.compile("^(.+?) (?:length )?\\(\\d+\\) exceeds the maximum allowed \\((\\d+), from");

  private static String firstLine(String message) {
    if (message == null) return "malformed";
    int nl = message.indexOf('\n');
    String s = nl < 0 ? message : message.substring(0, nl);
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
