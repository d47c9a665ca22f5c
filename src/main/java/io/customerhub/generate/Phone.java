package io.customerhub.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A phone number as its parts: country code, the trunk prefix dialled inside the country, and the national
 * number in its usual digit groups. Knowing the parts lets the generator write the same number the many ways
 * real systems store it.
 */
final class Phone {

  static final int FORMAT_COUNT = 6;

  private final String countryCode;
  private final String trunk;
  private final String[] groups;
  private final String canonical;

  private Phone(String countryCode, String trunk, String... groups) {
    this.countryCode = countryCode;
    this.trunk = trunk;
    this.groups = groups;
    this.canonical = "+" + countryCode + " " + String.join(" ", groups);
  }

  /** Chinese mobile, e.g. +86 138 0013 8000. */
  static Phone chineseMobile(SplittableRandom rng) {
    String prefix = "13" + rng.nextInt(10);
    if (rng.nextInt(10) < 3) {
      prefix = new String[] {"150", "151", "152", "158", "159", "186", "187", "188", "189", "199"}[rng.nextInt(10)];
    }
    return new Phone("86", "", prefix, Identifiers.digits(rng, 4), Identifiers.digits(rng, 4));
  }

  /** Chinese landline: area code without the trunk 0, then an 8-digit number. */
  static Phone chineseLandline(String areaWithTrunk, SplittableRandom rng) {
    String subscriber = (char) ('2' + rng.nextInt(8)) + Identifiers.digits(rng, 7);
    return new Phone("86", "0", areaWithTrunk.substring(1), subscriber.substring(0, 4), subscriber.substring(4));
  }

  static Phone foreign(String countryCode, String area, SplittableRandom rng) {
    return switch (countryCode) {
      case "1" -> new Phone("1", "1", area, (char) ('2' + rng.nextInt(8)) + Identifiers.digits(rng, 2),
          Identifiers.digits(rng, 4));
      case "44" -> new Phone("44", "0", area, "7" + Identifiers.digits(rng, 3), Identifiers.digits(rng, 4));
      case "49" -> new Phone("49", "0", area, (char) ('2' + rng.nextInt(8)) + Identifiers.digits(rng, 6));
      default -> new Phone(countryCode, "0", area, Identifiers.digits(rng, 2), Identifiers.digits(rng, 2),
          Identifiers.digits(rng, 2), Identifiers.digits(rng, 2));
    };
  }

  /** The international form the clean records use: {@code +86 138 0013 8000}. */
  String canonical() {
    return canonical;
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
    String rest = String.join("-", Arrays.copyOfRange(groups, 1, groups.length));
    return switch (format % FORMAT_COUNT) {
      case 0 -> trunkIfUsed() + nationalDigits();
      case 1 -> "00" + countryCode + "-" + String.join("-", groups);
      case 2 -> "(" + trunkIfUsed() + groups[0] + ") " + rest;
      case 3 -> "+" + countryCode + nationalDigits();
      case 4 -> trunkIfUsed() + String.join("-", groups);
      default -> "00" + countryCode + " " + String.join(" ", groups);
    };
  }

  /** Numbers in the US national format are written without their trunk prefix 1. */
  private String trunkIfUsed() {
    return countryCode.equals("1") ? "" : trunk;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phone p && p.canonical.equals(canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }
}
