package io.customerhub.serve;

import io.customerhub.ingest.IngestService;
import io.customerhub.ingest.LenientJson;
import io.customerhub.support.LoneSurrogates;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Small helpers for JSON request bodies, with errors that name the field. */
final class Json {

  private Json() {
  }

  /** The request body as a JSON object, or a 400 that says why not. */
  static JsonObject body(RoutingContext ctx) {
    String text = bodyText(ctx);
    if (text == null || text.isEmpty()) throw HubException.invalid("body: is empty; a JSON object is expected");
    JsonObject body;
    try {
      body = new JsonObject(text);
    } catch (DecodeException e) {
      throw HubException.invalid("body: is not a JSON object (" + IngestService.parserSays(e) + ")");
    } catch (ClassCastException e) {
      throw HubException.invalid("body: is not a JSON object");
    }
    return whole(body, text);
  }

  /** {@code body} as parsed from {@code text}, or a 400 naming a field whose text is no Unicode. */
  private static JsonObject whole(JsonObject body, String text) {
    String lone = LoneSurrogates.mayHold(text) ? LoneSurrogates.pathIn(body) : null;
    if (lone != null) throw HubException.invalid(LoneSurrogates.reason(lone));
    return body;
  }

  /**
   * The request body as text, in the charset its {@code Content-Type} names (UTF-8 unless it names one), or null
   * when there is none; a charset the JVM does not know is a 415 naming it, not a failure of the request.
   */
  static String bodyText(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null) return null;
    return ctx.body().buffer().toString(bodyCharset(ctx));
  }

  /**
   * The charset the request's {@code Content-Type} names, UTF-8 unless it names one; a charset the JVM does not
   * know is a 415 naming it, not a failure of the request.
   */
  static Charset bodyCharset(RoutingContext ctx) {
    String charset = charset(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    if (charset == null) return StandardCharsets.UTF_8;
    try {
      return Charset.forName(charset);
    } catch (IllegalArgumentException e) { // an illegal or unsupported charset name
      throw HubException.unsupportedMediaType("Content-Type: charset '" + charset + "' is not one this hub knows; "
          + "send UTF-8");
    }
  }

  /**
   * The request body as a JSON object, refused with a 413 past {@code maxBytes} before it is parsed: for paths
   * that take records to compare, which should be no longer than a record ingest takes. Read as ingest reads a
   * record: Python's bare NaN is a missing value there as well.
   */
  static JsonObject body(RoutingContext ctx, int maxBytes) {
    int length = ctx.body() == null || ctx.body().buffer() == null ? 0 : ctx.body().length();
    if (length > maxBytes) {
      throw HubException.tooLarge("body: is " + length + " bytes, more than the " + maxBytes + " this path takes");
    }
    if (length == 0) return body(ctx);
    try {
      LenientJson parsed = LenientJson.parse(bodyText(ctx));
      return whole(parsed.json(), parsed.text());
    } catch (DecodeException e) {
      throw HubException.invalid("body: is not a JSON object (" + IngestService.parserSays(e) + ")");
    } catch (ClassCastException e) {
      throw HubException.invalid("body: is not a JSON object");
    }
  }

  /**
   * The {@code charset} parameter of a {@code Content-Type} value, unquoted, or null when it names none. Read here,
   * not by the web framework's header parser, which throws on a quote left open ({@code charset="}).
   */
  static String charset(String contentType) {
    if (contentType == null) return null;
    String[] parts = contentType.split(";");
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      if (eq < 0 || !p.substring(0, eq).strip().equalsIgnoreCase("charset")) continue;
      String value = p.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      return value;
    }
    return null;
  }

  /** A non-blank string field, or null; a value of another type counts as missing. */
  static String text(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v instanceof String s && !s.isBlank()) return s.strip();
    if (v instanceof Number n) return n.toString();
    return null;
  }

  /** The longest note a steward or administrator may give an action, for the audit trail. */
  static final int MAX_NOTE = 2000;

  /**
   * The {@code note} of {@code body} (null when it gives none), or a 400 naming {@code field} when it is no string,
   * is longer than {@link #MAX_NOTE} or holds a NUL character.
   */
  static String note(JsonObject body, String field) {
    Object note = body.getValue("note");
    if (note != null && !(note instanceof String)) throw HubException.invalid(field + ": must be a string");
    if (note != null && ((String) note).length() > MAX_NOTE) {
      throw HubException.invalid(field + ": longer than " + MAX_NOTE + " characters");
    }
    return withoutNul(field, (String) note);
  }

  /** Whether {@code text} holds a NUL character, which PostgreSQL cannot store or compare. */
  static boolean hasNul(String text) {
    return text != null && text.indexOf('\u0000') >= 0;
  }

  /**
   * {@code text} unchanged, or a 400 naming {@code field} when it holds a NUL character: PostgreSQL stores none, in
   * text or json, and would fail the request with a 500 instead.
   */
  static String withoutNul(String field, String text) {
    if (hasNul(text)) {
      throw HubException.invalid(field + ": must not contain NUL characters");
    }
    return text;
  }
}
