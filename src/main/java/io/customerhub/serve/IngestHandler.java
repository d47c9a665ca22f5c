package io.customerhub.serve;

import io.customerhub.ingest.IngestService;
import io.customerhub.ingest.LenientJson;
import io.customerhub.support.Chunks;
import io.customerhub.support.Utf8;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/records/{source}}: NDJSON (or one JSON object, or a JSON array) in, one NDJSON answer line
 * per input line out, in order. Every accepted line is committed before the answer is sent.
 */
final class IngestHandler {

  /** About the size of a canonical record as sent, to tell a body of a few records from a bulk load. */
  private static final int BYTES_A_RECORD = 1024;

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
    Buffer sent = ctx.body().buffer();
    if (sent == null || sent.length() == 0) {
      throw HubException.invalid("body: is empty; send NDJSON, one record per line");
    }
    Charset charset = Json.bodyCharset(ctx);
    // a body of up to maxBodyBytes is split (or parsed as one JSON array), and its answer written, on a worker
    // thread: a hundred thousand lines would hold the event loop for a noticeable time; a few records, in place
    Chunks.work(ctx.vertx(), sent.length() / BYTES_A_RECORD, () -> inputs(utf8(sent, charset)))
        .compose(inputs -> ingest.ingest(source, inputs, Auth.actor(ctx)))
        .compose(results -> Chunks.work(ctx.vertx(), results.size(), () -> answer(results)))
        .onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/x-ndjson").end(answer))
        .onFailure(ctx::fail);
  }

  /**
   * The body in UTF-8, which the line splitting below relies on: a body in another charset its Content-Type names
   * (an export in ISO-8859-1, say) is decoded in that one first, instead of every accented letter turning into a
   * replacement character.
   */
  private static Buffer utf8(Buffer body, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) return body;
    return Buffer.buffer(body.toString(charset).getBytes(StandardCharsets.UTF_8));
  }

  private static String answer(List<IngestService.Result> results) {
    StringBuilder out = new StringBuilder(results.size() * 80);
    for (int i = 0; i < results.size(); i++) out.append(results.get(i).toJson(i + 1).encode()).append('\n');
    return out.toString();
  }

  private List<IngestService.Input> inputs(Buffer body) {
    // spreadsheet exports start UTF-8 files with a byte-order mark, which is not part of the first record
    int from = body.length() >= 3 && body.getByte(0) == (byte) 0xEF && body.getByte(1) == (byte) 0xBB
        && body.getByte(2) == (byte) 0xBF ? 3 : 0;
    List<IngestService.Input> inputs = oneJsonValue(body, from) ? split(body.getString(from, body.length(), "UTF-8"))
        : lines(body, from);
    if (inputs.size() > maxLines) {
      throw HubException.tooLarge("body: has more than " + maxLines + " records; send at most " + maxLines
          + " per request");
    }
    return inputs;
  }

  /**
   * Whether the body is one JSON array, or one JSON object laid over several lines, rather than NDJSON: it starts
   * with '[', or with a first line that is not a whole JSON object where the whole body is one.
   */
  private static boolean oneJsonValue(Buffer body, int from) {
    int start = from;
    while (start < body.length() && isAsciiSpace(body.getByte(start))) start++;
    if (start == body.length()) return false;
    if (body.getByte(start) == '[') return true;
    if (body.getByte(start) != '{') return false;
    int newline = indexOf(body, (byte) '\n', start);
    if (newline < 0) return false;
    try {
      LenientJson.parse(body.getString(start, newline, "UTF-8"));
      return false; // the first line is a record of its own: NDJSON
    } catch (RuntimeException notWhole) {
      try {
        LenientJson.parse(body.getString(start, body.length(), "UTF-8"));
        return true;
      } catch (RuntimeException notOneObject) {
        return false; // NDJSON whose first line is broken: answered as such, line by line
      }
    }
  }

  /**
   * The lines of an NDJSON body, cut at its newline bytes (a newline byte never occurs inside a multi-byte UTF-8
   * character) and decoded one at a time: a body is often larger than the heap's large-object threshold, and
   * turning it into one string (twice that in UTF-16) and cutting that up would copy it three times over.
   * Trailing blank lines are ignored; a blank line inside the body is answered as rejected, so that answer
   * numbers always match the caller's line numbers.
   */
  private List<IngestService.Input> lines(Buffer body, int from) {
    List<IngestService.Input> inputs = new ArrayList<>();
    int lastNonBlank = 0;
    int start = from;
    // blank lines count only before a record: trailing ones are no lines, and never make a body too long
    while (start <= body.length() && lastNonBlank <= maxLines) {
      int newline = indexOf(body, (byte) '\n', start);
      int end = newline < 0 ? body.length() : newline;
      int contentEnd = end > start && body.getByte(end - 1) == '\r' ? end - 1 : end;
      if (contentEnd - start > maxLineBytes) {
        inputs.add(IngestService.Input.refused("line: is longer than " + maxLineBytes + " bytes"));
        lastNonBlank = inputs.size();
      } else {
        String line = body.getString(start, contentEnd, "UTF-8");
        if (line.isBlank()) {
          inputs.add(IngestService.Input.refused("line: is empty"));
        } else {
          inputs.add(IngestService.Input.text(line));
          lastNonBlank = inputs.size();
        }
      }
      if (newline < 0) break;
      start = newline + 1;
    }
    return inputs.subList(0, lastNonBlank);
  }

  private static int indexOf(Buffer body, byte b, int from) {
    for (int i = from; i < body.length(); i++) {
      if (body.getByte(i) == b) return i;
    }
    return -1;
  }

  private static boolean isAsciiSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
  }

  /**
   * A body that is one JSON array or one pretty-printed JSON object, as its records, each in its one-line form:
   * held to the line limit and checked like a line of NDJSON (a NUL character, say), however the body lays it out.
   */
  private List<IngestService.Input> split(String body) {
    String trimmed = body.strip();
    List<String> records;
    try {
      records = LenientJson.records(trimmed);
    } catch (RuntimeException e) {
      throw HubException.invalid(trimmed.startsWith("[") ? "body: starts with '[' but is not a JSON array of records"
          : "body: is not a JSON object");
    }
    List<IngestService.Input> inputs = new ArrayList<>(records.size());
    for (String line : records) {
      if (line == null) inputs.add(IngestService.Input.refused("body: array element is not a JSON object"));
      else if (tooLong(line)) inputs.add(IngestService.Input.refused("record: is longer than " + maxLineBytes + " bytes"));
      else inputs.add(IngestService.Input.text(line));
    }
    return inputs;
  }

  private boolean tooLong(String text) {
    return Utf8.exceeds(text, maxLineBytes);
  }
}
