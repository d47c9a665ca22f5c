package io.customerhub.serve;

import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * Versions on what stewards touch: a profile or a review pair is answered with its version as its {@code ETag},
 * and an action sent with it as {@code If-Match} is refused (412) once what it names has changed, so that two
 * stewards never silently overwrite each other. Without {@code If-Match}, or with {@code *}, an action applies to
 * things as they are, unless the hub requires the version ({@code http.requireIfMatch}): then such an action is
 * refused with 428. Weak and strong tags are alike here: the tag is the version.
 */
final class Preconditions {

  /** Where the API's first handler leaves whether this hub requires {@code If-Match} on every steward action. */
  private static final String REQUIRED = "hub.ifMatchRequired";

  /** A review pair's version: its two records' versions, {@code 3.1}. */
  private static final Pattern PAIR_VERSION = Pattern.compile("[0-9]{1,18}\\.[0-9]{1,18}");

  private Preconditions() {
  }

  /** Marks every request of the API as needing {@code If-Match} on its actions, when the hub is so configured. */
  static void require(RoutingContext ctx) {
    ctx.put(REQUIRED, Boolean.TRUE);
    ctx.next();
  }

  static boolean required(RoutingContext ctx) {
    return Boolean.TRUE.equals(ctx.get(REQUIRED));
  }

  /** 428, naming what is missing: the hub takes no action that does not say which version it was decided on. */
  static HubException missing(String what) {
    return new HubException(428, "Precondition required", what + ": this hub takes a steward's action only with the "
        + "version it was decided on (read it first: the ETag of the profile or review pair)");
  }

  static void etag(RoutingContext ctx, Object version) {
    ctx.response().putHeader("ETag", "\"" + version + "\"");
  }

  /** The profile version of {@code If-Match}, or null (428 when the hub requires one). */
  static Long profileVersion(RoutingContext ctx) {
    String tag = tag(ctx);
    if (tag == null && required(ctx)) throw missing("If-Match");
    if (tag == null) return null;
    try {
      long version = Long.parseLong(tag);
      if (version >= 1) return version;
    } catch (NumberFormatException notAVersion) {
      // answered below
    }
    throw HubException.invalid("If-Match: must be the profile's ETag (its version, e.g. \"7\"), not "
        + ctx.request().getHeader("If-Match"));
  }

  /** The review pair version of {@code If-Match}, or null (428 when the hub requires one). */
  static String pairVersion(RoutingContext ctx) {
    String tag = tag(ctx);
    if (tag == null && required(ctx)) throw missing("If-Match");
    if (tag == null || isPairVersion(tag)) return tag;
    throw HubException.invalid("If-Match: must be the review pair's ETag (its version, e.g. \"3.1\"), not "
        + ctx.request().getHeader("If-Match"));
  }

  static boolean isPairVersion(String text) {
    return PAIR_VERSION.matcher(text).matches();
  }

  /** The entity tag of {@code If-Match} without quotes or weak marker; null without one, or for {@code *}. */
  private static String tag(RoutingContext ctx) {
    String raw = ctx.request().getHeader("If-Match");
    if (raw == null || raw.isBlank() || raw.strip().equals("*")) return null;
    String tag = raw.strip();
    if (tag.startsWith("W/")) tag = tag.substring(2);
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) tag = tag.substring(1, tag.length() - 1);
    return tag;
  }
}
