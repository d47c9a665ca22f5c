package io.customerhub.resolve.standardize;

/**
 * A standardized address: {@code line} holds the street tokens of line1 and line2 (abbreviations unified:
 * road → rd, 路 → rd; hanzi runs as one pinyin token), {@code city} and {@code region} are latinized tokens,
 * {@code postcode} is upper case without spaces or dashes, {@code country} upper case. Any field may be null.
 */
public record StandardAddress(String line, String city, String region, String postcode, String country) {

  public StandardAddress {
    line = blankToNull(line);
    city = blankToNull(city);
    region = blankToNull(region);
    postcode = blankToNull(postcode);
    country = blankToNull(country);
  }

  public boolean isEmpty() {
    return line == null && city == null && region == null && postcode == null && country == null;
  }

  /** The first token of the line that starts with a digit (8 in "8 jianguo rd"), or null. */
  public String houseNumber() {
    if (line == null) return null;
    for (String t : line.split(" ")) if (!t.isEmpty() && Character.isDigit(t.charAt(0))) return t;
    return null;
  }

  /**
   * The postcode without its last two characters: its district or sector (TQ13 8 of TQ13 8DF, 1000 of 100022),
   * where the next street's postcode differs. Null for codes shorter than five characters, which are whole towns
   * already (Australia's four digits).
   */
  public String postcodeDistrict() {
    return postcodeDistrict(postcode);
  }

  public static String postcodeDistrict(String postcode) {
    return postcode == null || postcode.length() < 5 ? null : postcode.substring(0, postcode.length() - 2);
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
