package io.customerhub.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Realistic identifiers with their real check characters, so that validators in the hub accept them. */
final class Identifiers {

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";
  private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private Identifiers() {
  }

  /** Resident identity card number (GB 11643): area, birth date, sequence (odd for men), ISO 7064 check. */
  static String chineseNationalId(String areaCode, LocalDate birth, boolean female, SplittableRandom rng) {
    int seq = rng.nextInt(500) * 2 + (female ? 0 : 1);
    String body = areaCode + Format.pad(birth.getYear(), 4) + Format.pad(birth.getMonthValue(), 2)
        + Format.pad(birth.getDayOfMonth(), 2) + Format.pad(seq, 3);
    return body + chineseIdCheck(body);
  }

  static char chineseIdCheck(String body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (body17.charAt(i) - '0') * ID_WEIGHTS[i];
    return ID_CHECK.charAt(sum % 11);
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
    int total = 0;
    for (int i = 0; i < 17; i++) total += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
    int check = (31 - total % 31) % 31;
    return body + USCC_CHARS.charAt(check);
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
