package io.customerhub.generate;

import io.customerhub.profile.ValueChecks;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Realistic identifiers with their real check characters, computed as the hub checks them ({@link ValueChecks}), so
 * that the hub accepts them.
 */
final class Identifiers {

  private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private Identifiers() {
  }

  /** Resident identity card number (GB 11643): area, birth date, sequence (odd for men), ISO 7064 check. */
  static String chineseNationalId(String areaCode, LocalDate birth, boolean female, SplittableRandom rng) {
    int seq = rng.nextInt(500) * 2 + (female ? 0 : 1);
    String body = areaCode + Format.pad(birth.getYear(), 4) + Format.pad(birth.getMonthValue(), 2)
        + Format.pad(birth.getDayOfMonth(), 2) + Format.pad(seq, 3);
    return body + ValueChecks.residentIdCheck(body);
  }

  /** Unified social credit code (GB 32100): registry 9, type 1, area, organization code with its check, check. */
  static String unifiedSocialCreditCode(String areaCode, SplittableRandom rng) {
    StringBuilder org = new StringBuilder();
    for (int i = 0; i < 8; i++) org.append((char) ('0' + rng.nextInt(10)));
    int sum = 0;
    for (int i = 0; i < 8; i++) sum += (org.charAt(i) - '0') * ORG_CODE_WEIGHTS[i];
    int c = 11 - sum % 11;
    org.append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
    String body = "91" + areaCode + org;
    return body + ValueChecks.creditCodeCheck(body);
  }

  /** Identity documents of people outside mainland China: the format depends on the country. */
  static String foreignNationalId(String country, SplittableRandom rng) {
    return switch (country) {
      case "US" -> String.format("%03d-%02d-%04d", 100 + rng.nextInt(799), 1 + rng.nextInt(98), 1 + rng.nextInt(9998));
      case "GB" -> "" + letter(rng, "ABCEGHJKLMNOPRSTWXYZ") + letter(rng, "ABCEGHJKLMNPRSTWXYZ")
          + digits(rng, 6) + letter(rng, "ABCD");
      case "DE" -> "" + letter(rng, "CFGHJKLMNPRTVWXYZ") + digits(rng, 8);
      default -> "" + letter(rng, "EGP") + digits(rng, 8);
    };
  }

  static String foreignTaxId(String country, SplittableRandom rng) {
    return switch (country) {
      case "US" -> digits(rng, 2) + "-" + digits(rng, 7);
      case "GB" -> "GB" + digits(rng, 9);
      case "DE" -> "DE" + digits(rng, 9);
      default -> "FR" + digits(rng, 11);
    };
  }

  static String digits(SplittableRandom rng, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) c[i] = (char) ('0' + rng.nextInt(10));
    return new String(c);
  }

  private static char letter(SplittableRandom rng, String alphabet) {
    return alphabet.charAt(rng.nextInt(alphabet.length()));
  }
}
