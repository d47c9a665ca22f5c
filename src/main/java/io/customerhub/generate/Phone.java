package io.customerhub.generate;

import java.util.SplittableRandom;

/**
 * A phone number as its parts: country code, the trunk prefix dialled inside the country, and the national
 * number in its usual digit groups. Knowing the parts lets the generator write the same number the many ways
 * real systems store it.
 */
record Phone(String countryCode, String trunk, String[] groups) {

  static final int FORMAT_COUNT = 6;

  /** Chinese mobile, e.g. +86 138 0013 8000. */
  static Phone chineseMobile(SplittableRandom rng) {
    String prefix = "13" + rng.nextInt(10);
    int p = rng.nextInt(10);
    if (p < 3) prefix = new String[] {"150", "151", "152", "158", "159", "186", "187", "188", "189", "199"}[rng.nextInt(10)];
    return new Phone("86", "", new String[] {prefix, Identifiers.digits(rng, 4), Identifiers.digits(rng, 4)});
  }

  /** Chinese landline: area code without the trunk 0, then an 8-digit (or 7-digit, small areas) number. */
  static Phone chineseLandline(String areaWithTrunk, SplittableRandom rng) {
    String area = areaWithTrunk.substring(1);
    String subscriber = (char) ('2' + rng.nextInt(8)) + Identifiers.digits(rng, 7);
    return new Phone("86", "0", new String[] {area, subscriber.substring(0, 4), subscriber.substring(4)});
  }

  static Phone foreign(String countryCode, String area, SplittableRandom rng) {
    return switch (countryCode) {
      case "1" -> new Phone("1", "1", new String[] {area, (char) ('2' + rng.nextInt(8)) + Identifiers.digits(rng, 2),
          Identifiers.digits(rng, 4)});
      case "44" -> new Phone("44", "0", new String[] {area, "7" + Identifiers.digits(rng, 3), Identifiers.digits(rng, 4)});
      case "49" -> new Phone("49", "0", new String[] {area, (char) ('2' + rng.nextInt(8)) + Identifiers.digits(rng, 6)});
      default -> new Phone(countryCode, "0", new String[] {area, Identifiers.digits(rng, 2), Identifiers.digits(rng, 2),
          Identifiers.digits(rng, 2), Identifiers.digits(rng, 2)});
    };
  }

  /** The international form the clean records use: {@code +86 138 0013 8000}. */
  String canonical() {
    return "+" + countryCode + " " + String.join(" ", groups);
  }

  String nationalDigits() {
    return String.join("", groups);
  }

  /**
   * One of the ways sources write the number, never the canonical one: national digits ({@code 13800138000}),
   * international with 00 and dashes ({@code 0086-138-0013-8000}), area in parentheses ({@code (138) 0013-8000}),
   * compact E.164 ({@code +8613800138000}), dashed national ({@code 138-0013-8000}), spaced with 00.
   */
  String variant(int format) {
    String nat = nationalDigits();
    String rest = String.join("-", java.util.Arrays.copyOfRange(groups, 1, groups.length));
    return switch (format % FORMAT_COUNT) {
      case 0 -> trunkIfUsed() + nat;
      case 1 -> "00" + countryCode + "-" + String.join("-", groups);
      case 2 -> "(" + trunkIfUsed() + groups[0] + ") " + rest;
      case 3 -> "+" + countryCode + nat;
      case 4 -> trunkIfUsed() + String.join("-", groups);
      default -> "00" + countryCode + " " + String.join(" ", groups);
    };
  }

  /** Mobile numbers in China and the US national format are written without a trunk prefix. */
  private String trunkIfUsed() {
    return countryCode.equals("1") ? "" : trunk;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phone p && p.canonical().equals(canonical());
  }

  @Override
  public int hashCode() {
    return canonical().hashCode();
  }

  @Override
  public String toString() {
    return canonical();
  }
}
