package io.customerhub.profile;

import io.customerhub.record.Address;
import io.customerhub.resolve.match.Similarity;
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
 * house number after the street, English before it; a word of five letters or more may be one edit apart, as ICU
 * reads some hanzi or as a typo makes it), postcode and country each agree or are missing on one side, and so do
 * city and region unless both give the same postcode. Anything else stays apart: a moved customer, another flat in
 * the same building, another street type (长安街 is a street, "Chang'an Ave" an avenue), a typo in a house number
 * or a postcode. A wrongly kept duplicate costs a line on a screen; a wrongly dropped address hides a place, so
 * the rule errs towards keeping (every value stays in the lineage either way). Addresses without a street line are
 * compared by text only.
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
      if (other == null || !sameLine(lineTokens, other.lineTokens) || !agree(postcode, other.postcode)
          || !agree(country, other.country)) return false;
      // one postcode on both sides settles the city and the region, which sources write in too many ways to
      // compare (SC, Sichuan, 四川省; IL, Illinois); without it, they tell two Springfields apart
      boolean postcodeSettles = postcode != null && postcode.equals(other.postcode);
      return postcodeSettles
          || (agree(city, other.city) || readAlike(city, other.city)) && agree(region, other.region);
    }

    /**
     * The same tokens, except that a word may be one edit apart: ICU reads some hanzi in another of their readings
     * than the one a street or city is known by (长安 zhangan for Chang'an, 成都 chengdou for Chengdu), and a
     * source may have typed the street's name with a typo (Victoira Road).
     * Numbers must be equal: they are the house and the flat.
     */
    private static boolean sameLine(List<String> a, List<String> b) {
      if (a.equals(b)) return true;
      if (a.size() != b.size()) return false;
      List<String> rest = new ArrayList<>(b);
      List<String> unmatched = new ArrayList<>();
      for (String t : a) if (!rest.remove(t)) unmatched.add(t);
      for (String t : unmatched) {
        String alike = rest.stream().filter(u -> readAlike(t, u)).findFirst().orElse(null);
        if (alike == null) return false;
        rest.remove(alike);
      }
      return true;
    }

    /**
     * Two words of five letters or more, one edit apart (a letter changed, added or dropped, or two swapped: a typo
     * as well as another reading); short words (rd, st, unit codes) must be equal.
     */
    private static boolean readAlike(String a, String b) {
      return a != null && b != null && a.length() >= 5 && b.length() >= 5 && letters(a) && letters(b)
          && Similarity.editDistance(a, b, 1) <= 1;
    }

    private static boolean letters(String s) {
      for (int i = 0; i < s.length(); i++) if (!Character.isLetter(s.charAt(i))) return false;
      return true;
    }

    private static boolean agree(String a, String b) {
      return a == null || b == null || Objects.equals(a, b);
    }
  }
}
