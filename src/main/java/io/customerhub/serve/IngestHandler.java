package io.customerhub.serve;

import io.customerhub.ingest.IngestService;
import io.customerhub.support.Utf8;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/records/{source}}: NDJSON (or one JSON object, or a JSON array) in, one NDJSON answer line
 * per input line out, in order. Every accepted line is committed before the answer is sent.
 */
final class IngestHandler {

  private final IngestService ingest;
  private final int maxLines;
  private final int maxLineBytes;

  IngestHandler(IngestService ingest, int maxLines, int maxLineBytes) {
    this.ingest = ingest;
    this.maxLines = maxLines;
    this.maxLineBytes = maxLineBytes;
  }

  void handle(RoutingContext ctx) {
    String source = ctx.pathParam("source");
    if (!ingest.knowsSource(source)) {
      throw HubException.invalid("source: '" + source + "' is not a valid source name (letters, digits, "
          + "'-', '_' or '.', at most 64 characters)");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) throw HubException.invalid("body: is empty; send NDJSON, one record per line");
    // a body of up to maxBodyBytes is split (or parsed as one JSON array), and its answer written, on a worker
    // thread: a hundred thousand lines would hold the event loop for a noticeable time
    ctx.vertx().executeBlocking(() -> inputs(body), false)
        .compose(inputs -> ingest.ingest(source, inputs, Auth.actor(ctx)))
        .compose(results -> ctx.vertx().executeBlocking(() -> answer(results), false))
        .onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/x-ndjson").end(answer))
        .onFailure(ctx::fail);
  }

  private static String answer(List<IngestService.Result> results) {
    StringBuilder out = new StringBuilder(results.size() * 80);
    for (int i = 0; i < results.size(); i++) out.append(results.get(i).toJson(i + 1).encode()).append('\n');
    return out.toString();
  }

  private List<IngestService.Input> inputs(Buffer body) {
    String text = body.toString(StandardCharsets.UTF_8);
    // spreadsheet exports start UTF-8 files with a byte-order mark, which is not part of the first record
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<IngestService.Input> inputs = split(text);
    if (inputs.size() > maxLines) {
      throw HubException.tooLarge("body: has " + inputs.size() + " lines; at most " + maxLines + " per request");
    }
    return inputs;
  }

  /**
   * Lines of NDJSON; a body that is one JSON array, or one (possibly pretty-printed) JSON object, is taken as
   * such. Trailing blank lines are ignored; a blank line inside the body is answered as rejected, so that answer
   * numbers always match the caller's line numbers.
   */
  private List<IngestService.Input> split(String body) {
    String trimmed = body.strip();
    if (trimmed.startsWith("[")) return array(trimmed);
    if (trimmed.startsWith("{") && trimmed.indexOf('\n') > 0) {
      try {
        return List.of(record(new JsonObject(trimmed)));
      } catch (RuntimeException notOneObject) {
        // several lines: NDJSON
      }
    }
    String[] lines = body.split("\n", -1);
    int last = lines.length;
    while (last > 0 && lines[last - 1].isBlank()) last--;
    List<IngestService.Input> inputs = new ArrayList<>(last);
    for (int i = 0; i < last; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) inputs.add(IngestService.Input.refused("line: is empty"));
      else if (tooLong(line)) inputs.add(IngestService.Input.refused("line: is longer than " + maxLineBytes + " bytes"));
      else inputs.add(IngestService.Input.text(line));
    }
    return inputs;
  }

  /**
   * A record of a JSON array or a pretty-printed object, as its one-line form: held to the line limit and checked
   * like a line of NDJSON (a NUL character, say), however the body lays it out.
   */
  private IngestService.Input record(JsonObject json) {
    String line = json.encode();
    return tooLong(line) ? IngestService.Input.refused("record: is longer than " + maxLineBytes + " bytes")
        : IngestService.Input.text(line);
  }

  private boolean tooLong(String text) {
    return Utf8.exceeds(text, maxLineBytes);
  }

  private List<IngestService.Input> array(String body) {
    JsonArray arr;
    try {
      arr = new JsonArray(body);
    } catch (RuntimeException e) {
      throw HubException.invalid("body: starts with '[' but is not a JSON array of records");
    }
    List<IngestService.Input> inputs = new ArrayList<>(arr.size());
    for (Object o : arr) {
      inputs.add(o instanceof JsonObject j ? record(j)
          : IngestService.Input.refused("body: array element is not a JSON object"));
    }
    return inputs;
  }
}
