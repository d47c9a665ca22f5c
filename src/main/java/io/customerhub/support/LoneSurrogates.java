package io.customerhub.support;

import io.vertx.core.json.JsonObject;

/**
 * Finds half of a UTF-16 surrogate pair standing alone (JSON lets {@code "\ud802"} through): no Unicode character,
 * and UTF-8 has no bytes for it. The database driver writes {@code ?} in its place, so a record key holding one
 * would be stored as another key than the one the hub linked, and every later version of it would be refused.
 */
public final class LoneSurrogates {

  private LoneSurrogates() {
  }

  /**
   * A first, cheap look at a record's JSON text: whether it holds a surrogate, raw or as a {@code \\uD…} escape.
   * Paired ones (an emoji) answer true too: {@link #pathIn} tells.
   */
  public static boolean mayHold(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) return true;
      if (c == '\\' && i + 2 < n && text.charAt(i + 1) == 'u') {
        char h = text.charAt(i + 2);
        if (h == 'd' || h == 'D') return true;
      }
    }
    return false;
  }

  /** Why a value at {@code path} (as {@link #pathIn} gives it; empty for the whole) is refused. */
  public static String reason(String path) {
    return (path.isEmpty() ? "record" : path) + ": holds half of a UTF-16 surrogate pair alone (such as \\ud802), "
        + "which is no character and cannot be stored";
  }

  /** Whether {@code s} holds a surrogate without its other half. */
  public static boolean in(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else if (Character.isSurrogate(c)) return true;
    }
    return false;
  }

  /** {@code s} with each surrogate standing alone replaced by U+FFFD, as a decoder shows bytes it cannot read. */
  public static String replaced(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  /** Where in {@code json} the first name or string holding one is ({@code addresses[0].city}), or null. */
  public static String pathIn(JsonObject json) {
    return JsonTexts.pathOf(json, LoneSurrogates::in);
  }
}
