package io.customerhub.profile;

import io.customerhub.record.Address;
import io.customerhub.resolve.standardize.StandardAddress;
import io.customerhub.resolve.standardize.Standardizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Tells which of a profile's addresses name one place in other words, so that the golden record lists each place
 * once: 建国路8号 / 3号楼402室 in the CRM and "8 Jianguo Lu, Bldg 3, Rm 402" in the ERP, or "8 Jianguo Road" and
 * "No. 8 Jianguo Rd". The text forms of {@link Normalize} cannot see this; the matcher's address standardizer can
 * (pinyin for hanzi, one short form for road/路/lu, numbers without their markers).
 *
 * <p>Two addresses are one place when their street lines have the same tokens, in any order (Chinese writes the
 * house number after the street, English before it), and city, region, postcode and country each agree or are
 * missing on one side. Anything else stays apart: a moved customer, another flat in the same building, a hanzi
 * reading ICU gives differently from the Latin one. A wrongly kept duplicate costs a line on a screen; a wrongly
 * dropped address loses a place, so the rule errs towards keeping. Addresses without a street line are compared
 * by text only, as before.
 */
final class Places {

  private Places() {
  }

  /**
   * The values of {@code bestFirst} without those that name a place an earlier one names; the order is kept, so
   * each place is shown in the words of its best-ranked value. Standardizes only when there are two or more.
   */
  static <T> List<T> distinct(List<T> bestFirst, Function<T, Object> value) {
    if (bestFirst.size() < 2) return bestFirst;
    List<T> kept = new ArrayList<>(bestFirst.size());
    List<Place> keptPlaces = new ArrayList<>(bestFirst.size());
    for (T item : bestFirst) {
      Place place = of(value.apply(item));
      if (place != null && keptPlaces.stream().anyMatch(place::sameAs)) continue;
      kept.add(item);
      keptPlaces.add(place);
    }
    return kept;
  }

  /** The place an address value names (a map in the contract's shape or an {@link Address}); null without a line. */
  static Place of(Object value) {
    Address address = value instanceof Address a ? a : value instanceof Map<?, ?> m ? address(m) : null;
    StandardAddress s = address == null ? null : Standardizer.address(address);
    if (s == null || s.line() == null) return null;
    String[] tokens = s.line().split(" ");
    Arrays.sort(tokens);
    return new Place(List.of(tokens), s.city(), s.region(), s.postcode(), s.country());
  }

  private static Address address(Map<?, ?> m) {
    return new Address(text(m.get("line1")), text(m.get("line2")), text(m.get("city")), text(m.get("region")),
        text(m.get("postcode")), text(m.get("country")));
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }

  /** A street line's tokens, sorted, and the standardized city, region, postcode and country (any may be null). */
  record Place(List<String> lineTokens, String city, String region, String postcode, String country) {

    boolean sameAs(Place other) {
      return other != null && lineTokens.equals(other.lineTokens) && agree(city, other.city)
          && agree(region, other.region) && agree(postcode, other.postcode) && agree(country, other.country);
    }

    private static boolean agree(String a, String b) {
      return a == null || b == null || Objects.equals(a, b);
    }
  }
}
