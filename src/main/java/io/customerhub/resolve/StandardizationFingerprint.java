package io.customerhub.resolve;

import io.customerhub.ingest.CanonicalJson;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.resolve.standardize.StandardRecord;
import io.customerhub.resolve.standardize.Standardizer;
import io.customerhub.resolve.standardize.StandardizerConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names what a standardizer makes of records, so that a hub can tell at start whether its stored records'
 * standardized values and key hashes came from the standardization it runs now. It digests the settings that
 * shape them (region, Gmail dots, the online blocking rules, the nickname table; not the batch rules, which are
 * never stored) and what the standardizer makes of a few probe records that go through every standardizer: a
 * change of the code or of a library (libphonenumber's plans, ICU's transliteration) that alters one of these
 * shows without anyone remembering to bump a version. A change that no probe exercises goes unseen.
 */
final class StandardizationFingerprint {

  /**
   * Records as stored (canonical JSON): names in Latin and Han script, nicknames, phones with and without region,
   * name parts that are only a form of address or honours, a gender, an occupation and a place of birth among the
   * attributes, a birth date whose month no calendar has, salutations and generational suffixes in several
   * languages, with and without commas, a family name only the whole name gives, and a name in hanzi with the
   * furigana a Japanese system keeps beside it (its readings: Cantonese, Wade-Giles and the kana), Vietnamese
   * names, and placeholders for a name nobody gave.
   */
  private static final List<String> PROBES = List.of(
      """
      {"source":"probe","sourceId":"1","kind":"person","givenName":"Dr. Bill","familyName":"O'Brien-Müller",
       "birthDate":"1990-03-07","emails":["Bill.OBrien@GMail.com"],"phones":["(206) 473-1762","+86 138 0013 8000"],
       "addresses":[{"line1":"12 Main St Apt 4B","city":"Springfield","region":"IL","postcode":"62704",
       "country":"US"}],"links":[{"source":"erp","sourceId":"K-77"}]}""",
      """
      {"source":"probe","sourceId":"2","kind":"person","givenName":"伟","familyName":"张","nationalId":"11010119900307001X",
       "birthDate":"1990-25-03","phones":["010 6512 3456"],"addresses":[{"line1":"朝阳区建国路88号3号楼2单元501",
       "city":"北京","postcode":"100022","country":"CN"}]}""",
      """
      {"source":"probe","sourceId":"3","kind":"person","fullName":"Mrs Katherine Anne de la Cruz","birthDate":"1975",
       "emails":["k.delacruz@example.com"],"attributes":{"Gender":"F","occupation":"Naval Officer",
       "birth_place":"Devon"}}""",
      """
      {"source":"probe","sourceId":"4","kind":"organization","orgName":"Müller & Söhne Maschinenbau GmbH",
       "taxId":"DE 123-456-789","phones":["+49 89 1234567"],"addresses":[{"line1":"Leopoldstraße 7","city":"München",
       "postcode":"80802","country":"DE"}]}""",
      """
      {"source":"probe","sourceId":"5","kind":"organization","orgName":"北京海逸科技有限公司","taxId":"91110000MA01ABCD2X",
       "emails":["info@haiyi.com.cn"]}""",
      """
      {"source":"probe","sourceId":"6","kind":"person","givenName":"Sir","familyName":"Baronet",
       "fullName":"Sir Thomas Chudleigh, 1st Baronet","birthDate":"1630-15-25","addresses":[{"city":"Tiverton",
       "postcode":"EX16 4AA","country":"GB"}]}""",
      """
      {"source":"probe","sourceId":"7","kind":"person","fullName":"Mr John Smith Jr.","attributes":{"Name Suffix":"Jr",
       "Place of Birth":"Raleigh"}}""",
      """
      {"source":"probe","sourceId":"8","kind":"person","givenName":"Jean","fullName":"Monsieur Jean Dupont Junior"}""",
      """
      {"source":"probe","sourceId":"9","kind":"person","fullName":"Smith, John, Sr.","givenName":"王先生"}""",
      """
      {"source":"probe","sourceId":"10","kind":"person","fullName":"Hon Ming Chan","familyName":"The Rt Hon Chan"}""",
      """
      {"source":"probe","sourceId":"11","kind":"person","fullName":"남궁민수","givenName":"ヤマダ タロウ","familyName":"이"}""",
      """
      {"source":"probe","sourceId":"12","kind":"person","fullName":"Юрий Щербаков","givenName":"Γιώργος",
       "familyName":"Шевченкі","addresses":[{"line1":"ул. Жукова 5","city":"Москва","country":"RU"}]}""",
      """
      {"source":"probe","sourceId":"13","kind":"person","fullName":"عبد الله الحسن","givenName":"مُحَمَّد"}""",
      """
      {"source":"probe","sourceId":"14","kind":"person","fullName":"陳大文","attributes":{"フリガナ":"ﾔﾏﾀﾞ ﾀﾛｳ"}}""",
      """
      {"source":"probe","sourceId":"15","kind":"person","fullName":"Nguyễn Văn An","givenName":"Thi Mai",
       "familyName":"Tran"}""",
      """
      {"source":"probe","sourceId":"16","kind":"person","fullName":"Baby Girl Smith","familyName":"No Last Name"}""",
      """
      {"source":"probe","sourceId":"17","kind":"person","fullName":"林思怡"}""",
      """
      {"source":"probe","sourceId":"18","kind":"person","fullName":"山田太郎"}""");

  private StandardizationFingerprint() {
  }

  /** A hex digest; equal for two standardizers that store the same values and keys for the probes. */
  static String of(Standardizer standardizer) {
    StandardizerConfig c = standardizer.config();
    StringBuilder sb = new StringBuilder(4096)
        .append("region=").append(c.defaultRegion()).append('\n')
        .append("stripGmailDots=").append(c.stripGmailDots()).append('\n')
        .append("rules=").append(c.blockingRules()).append('\n')
        .append("nicknames=").append(c.nicknames().describe()).append('\n');
    for (String probe : PROBES) {
      CanonicalRecord r = CanonicalJson.decodeStored(probe);
      StandardRecord std = standardizer.standardize(r);
      sb.append(std.encode()).append('\n').append(KeyHash.literal(MatchKeys.of(r, std).hashes())).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
