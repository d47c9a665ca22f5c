package io.customerhub.generate;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of data-quality problems the generator injects, each with the probability that it hits one record
 * when enabled. Declared in the order they are applied to a record: representation variants first, then
 * corruption of what is there, then dropping fields.
 */
public enum ErrorType {
  /**
   * Names in Chinese characters (张伟, 陳大文, 山田太郎, the last with its furigana two times in three) instead of their
   * romanization, or the full name in Western order ("Wei Zhang", "Văn An Nguyễn").
   */
  SCRIPT("script", 0.25),
  /** A Western given name replaced by a nickname: Robert → Bob, Elizabeth → Liz. */
  NICKNAME("nickname", 0.2),
  /** Given and family name exchanged. */
  SWAPPED_NAMES("swapped-names", 0.04),
  /** A previous address of the same customer instead of the current one. */
  MOVED_ADDRESS("moved-address", 0.1),
  /** E-mail in other case, with stray whitespace, or another address of the same customer. */
  EMAIL_VARIANT("email-variant", 0.15),
  /** Phone written another way: 13800138000, 0086-138-0013-8000, (138) 0013-8000 … */
  PHONE_FORMAT("phone-format", 0.5),
  /** Company name in another language or legal form: 北京华信科技有限公司 / "Beijing Huaxin Technology Co., Ltd.". */
  ORG_SUFFIX("org-suffix", 0.5),
  /** One keyboard slip in a name, e-mail or street: insert, delete, substitute or transpose a letter. */
  TYPO("typo", 0.08),
  /** Characters mixed up by OCR: 0↔O, 1↔l, 5↔S, rn↔m. */
  OCR("ocr", 0.03),
  /** One digit of the national id wrong. */
  NATIONAL_ID_TYPO("national-id-typo", 0.03),
  /** Day and month of the birth date exchanged (only possible when the day is at most 12). */
  BIRTHDATE_SWAP("birthdate-swap", 0.03),
  /** One or two fields left empty. */
  MISSING_FIELD("missing-field", 0.15);

  private final String wire;
  private final double defaultRate;

  ErrorType(String wire, double defaultRate) {
    this.wire = wire;
    this.defaultRate = defaultRate;
  }

  /** The name used on the command line and in summaries, e.g. {@code phone-format}. */
  public String wire() {
    return wire;
  }

  public double defaultRate() {
    return defaultRate;
  }

  /** Accepts the wire name, the enum name, and a few short forms ({@code missing}, {@code id-typo}, {@code date-swap}). */
  public static Optional<ErrorType> fromWire(String value) {
    if (value == null) return Optional.empty();
    String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ErrorType t : values()) if (t.wire.equals(v)) return Optional.of(t);
    return Optional.ofNullable(switch (v) {
      case "typos" -> TYPO;
      case "missing", "missing-fields" -> MISSING_FIELD;
      case "swap", "swapped", "name-swap" -> SWAPPED_NAMES;
      case "nicknames" -> NICKNAME;
      case "moved", "address" -> MOVED_ADDRESS;
      case "phone", "phones" -> PHONE_FORMAT;
      case "email", "emails" -> EMAIL_VARIANT;
      case "hanzi", "pinyin" -> SCRIPT;
      case "org", "suffix" -> ORG_SUFFIX;
      case "id-typo", "national-id" -> NATIONAL_ID_TYPO;
      case "date-swap", "birthdate" -> BIRTHDATE_SWAP;
      default -> null;
    });
  }
}
