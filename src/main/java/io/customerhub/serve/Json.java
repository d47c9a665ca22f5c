package io.customerhub.serve;

import io.customerhub.ingest.LenientJson;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers for JSON request bodies, with errors that name the field. */
final class Json {

  private Json() {
  }

  /** The request body as a JSON object, or a 400 that says why not. */
  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) throw HubException.invalid("body: is empty; a JSON object is expected");
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw HubException.invalid("body: is not a JSON object");
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
      return LenientJson.parse(ctx.body().asString()).json();
    } catch (DecodeException | ClassCastException e) {
      throw HubException.invalid("body: is not a JSON object");
    }
  }

  /** A non-blank string field, or null; a value of another type counts as missing. */
  static String text(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v instanceof String s && !s.isBlank()) return s.strip();
    if (v instanceof Number n) return n.toString();
    return null;
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
