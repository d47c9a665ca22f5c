package io.customerhub.serve;

import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * Versions on what stewards touch: a profile or a review pair is answered with its version as its {@code ETag},
 * and an action sent with it as {@code If-Match} is refused (412) once what it names has changed, so that two
 * stewards never silently overwrite each other. Without {@code If-Match}, or with {@code *}, an action applies to
 * things as they are. Weak and strong tags are alike here: the tag is the version.
 */
final class Preconditions {

  /** A review pair's version: its two records' versions, {@code 3.1}. */
  private static final Pattern PAIR_VERSION = Pattern.compile("[0-9]{1,18}\\.[0-9]{1,18}");

  private Preconditions() {
  }

  static void etag(RoutingContext ctx, Object version) {
    ctx.response().putHeader("ETag", "\"" + version + "\"");
  }

  /** The profile version of {@code If-Match}, or null. */
  static Long profileVersion(RoutingContext ctx) {
    String tag = tag(ctx);
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

  /** The review pair version of {@code If-Match}, or null. */
  static String pairVersion(RoutingContext ctx) {
    String tag = tag(ctx);
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
