package io.customerhub.generate;

import java.time.LocalDate;
import java.util.List;

/** The true state of one real-world customer, from which every record about it is rendered. */
sealed interface Entity permits Entity.Person, Entity.Org {

  String id();

  Credit credit();

  /** Customers who send a lot back: their orders have a high share of returns. */
  boolean returner();

  /** ERP credit facts; {@code openReceivables} may exceed the limit for a few customers. */
  record Credit(long creditLimit, long overdueAmount, int overdueDays, long openReceivables) {
  }

  /**
   * @param origin      {@code CN}, {@code WEST} or one of the origin codes of {@link Lexicon#OTHER_ORIGINS}
   *                    and {@link Lexicon#HAN_ORIGINS}
   * @param familyFirst whether the person's own culture writes the family name first (full names)
   * @param givenHan    given name in Chinese characters (hanzi, kanji) for persons whose names are written so
   * @param kana        the whole name in katakana, family name first, for Japanese persons (furigana), else null
   */
  record Person(String id, String origin, boolean female, String given, String family, String givenHan,
                String familyHan, String kana, boolean familyFirst, LocalDate birthDate, String nationalId,
                List<String> emails, String altEmail, List<Phone> phones, Addr address, Addr previousAddress,
                String segment, boolean consent, Credit credit, boolean returner) implements Entity {

    String fullName() {
      return familyFirst ? family + " " + given : given + " " + family;
    }
  }

  /**
   * @param legalName    the registered name (hanzi for Chinese companies)
   * @param nameVariants how other systems write the same company: English, pinyin, short forms, other suffixes
   * @param riskOnly     a company the risk feed knows about that is no customer: no CRM or ERP record
   */
  record Org(String id, boolean chinese, String legalName, List<String> nameVariants, String taxId, Addr address,
             Addr previousAddress, List<Phone> phones, List<String> emails, String altEmail, String segment,
             String controller, Credit credit, boolean returner, boolean riskOnly) implements Entity {
  }
}
