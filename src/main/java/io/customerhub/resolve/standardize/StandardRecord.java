package io.customerhub.resolve.standardize;

import io.customerhub.record.Kind;
import io.customerhub.record.SourceKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A record reduced to standardized comparison values: computed once per record version and stored
 * (see {@link #encode()}) so that candidates never need to be standardized again. Names, organization and
 * address lines are lower-case ASCII tokens separated by single spaces; no value is ever an empty string.
 * Immutable and thread-safe.
 */
public final class StandardRecord {

  private final SourceKey key;
  private final Kind kind;
  private final String given;
  private final String family;
  private final String org;
  private final String birthDate;
  private final String nationalId;
  private final String taxId;
  private final List<String> emails;
  private final List<String> phones;
  private final List<StandardAddress> addresses;
  private final String gender;
  private final String occupation;
  private final String generation;
  private final List<NameReading> readings;
  private final List<String> blockingKeys;
  private final List<String> strongKeys;
  // derived once here so that pair scoring never splits or joins strings (not part of the encoded form)
  private final String givenKey;
  private final String givenFirst;
  private final String familyKey;
  private final String orgKey;
  private final String orgCore;
  private final List<String> orgTokens;
  private final int[] birth;
  private final List<String> streets;
  private final List<String> houseNumbers;

  public StandardRecord(SourceKey key, Kind kind, String given, String family, String org, String birthDate,
                        String nationalId, String taxId, List<String> emails, List<String> phones,
                        List<StandardAddress> addresses, List<String> blockingKeys) {
    this(key, kind, given, family, org, birthDate, nationalId, taxId, emails, phones, addresses, null, null,
        blockingKeys);
  }

  /** With a person's traits: {@code gender} "m" or "f", {@code occupation} as words ("naval officer"). */
  public StandardRecord(SourceKey key, Kind kind, String given, String family, String org, String birthDate,
                        String nationalId, String taxId, List<String> emails, List<String> phones,
                        List<StandardAddress> addresses, String gender, String occupation,
                        List<String> blockingKeys) {
    this(key, kind, given, family, org, birthDate, nationalId, taxId, emails, phones, addresses, gender, occupation,
        null, blockingKeys);
  }

  /** And the generational suffix of the name ({@code generation}: "sr", "jr", "iii", "iv"; see {@link Generation}). */
  public StandardRecord(SourceKey key, Kind kind, String given, String family, String org, String birthDate,
                        String nationalId, String taxId, List<String> emails, List<String> phones,
                        List<StandardAddress> addresses, String gender, String occupation, String generation,
                        List<String> blockingKeys) {
    this(key, kind, given, family, org, birthDate, nationalId, taxId, emails, phones, addresses, gender, occupation,
        generation, List.of(), blockingKeys);
  }

  /** And the other readings of a name written in hanzi ({@link NameReading}). */
  public StandardRecord(SourceKey key, Kind kind, String given, String family, String org, String birthDate,
                        String nationalId, String taxId, List<String> emails, List<String> phones,
                        List<StandardAddress> addresses, String gender, String occupation, String generation,
                        List<NameReading> readings, List<String> blockingKeys) {
    this.key = Objects.requireNonNull(key, "key");
    this.kind = kind;
    this.given = StandardAddress.blankToNull(given);
    this.family = StandardAddress.blankToNull(family);
    this.org = StandardAddress.blankToNull(org);
    this.birthDate = StandardAddress.blankToNull(birthDate);
    this.nationalId = StandardAddress.blankToNull(nationalId);
    this.taxId = StandardAddress.blankToNull(taxId);
    this.emails = clean(emails);
    this.phones = clean(phones);
    this.addresses = addresses == null ? List.of()
        : addresses.stream().filter(a -> a != null && !a.isEmpty()).toList();
    this.gender = StandardAddress.blankToNull(gender);
    this.occupation = StandardAddress.blankToNull(occupation);
    this.generation = StandardAddress.blankToNull(generation);
    this.readings = readings == null ? List.of() : List.copyOf(readings);
    this.blockingKeys = clean(blockingKeys);
    this.strongKeys = strongKeys(this.emails, this.phones, this.nationalId, this.taxId);
    this.givenKey = compact(this.given);
    this.givenFirst = tokens(this.given).stream().findFirst().orElse(null);
    this.familyKey = compact(this.family);
    this.orgKey = compact(this.org);
    this.orgCore = OrgStandardizer.core(this.orgKey);
    this.orgTokens = tokens(this.org);
    this.birth = birthParts(this.birthDate);
    List<String> st = new ArrayList<>();
    List<String> nums = new ArrayList<>();
    for (StandardAddress a : this.addresses) {
      StringBuilder sb = new StringBuilder();
      String num = null;
      if (a.line() != null) {
        for (String t : a.line().split(" ")) {
          if (t.isEmpty()) continue;
          if (Character.isDigit(t.charAt(0))) {
            if (num == null) num = t;
          } else {
            sb.append(t);
          }
        }
      }
      st.add(sb.length() == 0 ? null : sb.toString());
      nums.add(num);
    }
    this.streets = java.util.Collections.unmodifiableList(st);
    this.houseNumbers = java.util.Collections.unmodifiableList(nums);
  }

  /** Space-free form; null when nothing is left (decoded foreign text may hold bare spaces). */
  private static String compact(String tokens) {
    if (tokens == null) return null;
    String c = tokens.replace(" ", "");
    return c.isEmpty() ? null : c;
  }

  private static List<String> tokens(String s) {
    if (s == null) return List.of();
    List<String> out = new ArrayList<>();
    for (String t : s.split(" ")) if (!t.isEmpty()) out.add(t);
    return List.copyOf(out);
  }

  /** {year, month, day}, 0 where unknown; tolerant of foreign text since any string can be decoded. */
  private static int[] birthParts(String date) {
    int[] out = new int[3];
    if (date == null) return out;
    String[] p = date.split("-");
    for (int i = 0; i < Math.min(3, p.length); i++) {
      try {
        out[i] = Integer.parseInt(p[i]);
      } catch (NumberFormatException e) {
        return new int[3];
      }
    }
    return out;
  }

  static List<String> strongKeys(List<String> emails, List<String> phones, String nationalId, String taxId) {
    List<String> strong = new ArrayList<>();
    for (String e : emails) strong.add("email:" + e);
    for (String p : phones) strong.add("phone:" + p);
    if (nationalId != null) strong.add("nid:" + nationalId);
    if (taxId != null) strong.add("tax:" + taxId);
    return List.copyOf(new LinkedHashSet<>(strong));
  }

  /** Identifiers only; kept for callers that need no names (tests, tools). */
  public StandardRecord(SourceKey key, Kind kind, List<String> emails, List<String> phones, String nationalId,
                        String taxId) {
    this(key, kind, null, null, null, null, nationalId, taxId, emails, phones, List.of(), List.of());
  }

  private static List<String> clean(List<String> values) {
    if (values == null) return List.of();
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (String v : values) if (v != null && !v.isEmpty()) set.add(v);
    return List.copyOf(set);
  }

  public SourceKey key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** Given name tokens (middle names included), e.g. "mary ann"; hanzi given names as one pinyin token. */
  public String given() {
    return given;
  }

  public String family() {
    return family;
  }

  /** Organization name without legal form, e.g. "acme trading". */
  public String org() {
    return org;
  }

  /** yyyy-MM-dd, yyyy-MM or yyyy; a day/month swap that only reads one way (1990-25-03) is kept as given. */
  public String birthDate() {
    return birthDate;
  }

  public String nationalId() {
    return nationalId;
  }

  public String taxId() {
    return taxId;
  }

  public List<String> emails() {
    return emails;
  }

  /** E.164 numbers. */
  public List<String> phones() {
    return phones;
  }

  public List<StandardAddress> addresses() {
    return addresses;
  }

  /** "m" or "f", from the record's attributes; null when it says neither. */
  public String gender() {
    return gender;
  }

  /** The occupation as lower-case words ("naval officer"), from the record's attributes; or null. */
  public String occupation() {
    return occupation;
  }

  /** The generational suffix of the name ("sr", "jr", "iii", "iv"), or null. */
  public String generation() {
    return generation;
  }

  /** The other readings of a name written in hanzi (陳大文 in Cantonese as well as in pinyin); empty for most. */
  public List<NameReading> readings() {
    return readings;
  }

  /**
   * This record with its name as {@code reading} reads it, and no other reading: what a record in Latin letters is
   * compared with.
   */
  public StandardRecord readAs(NameReading reading) {
    return new StandardRecord(key, kind, reading.given(), reading.family(), org, birthDate, nationalId, taxId, emails,
        phones, addresses, gender, occupation, generation, List.of(), blockingKeys);
  }

  /** Both records name a generation, and not the same one: a father and a son. */
  public static boolean generationsDiffer(StandardRecord a, StandardRecord b) {
    return Generation.conflict(a.generation, b.generation);
  }

  /**
   * Identifiers that on their own justify looking at two records together: {@code email:wei@x.com},
   * {@code phone:+8613800138000}, {@code nid:110101199003070011}, {@code tax:91110000MA01}.
   */
  public List<String> strongKeys() {
    return strongKeys;
  }

  /**
   * Keys that group plausible candidates, in the rule order of the configuration: the strong keys first
   * (when the "strong" rule is on), then phonetic name + birth year and day or month ({@code ny:}), phonetic
   * name + birth year ({@code ns:}), name pair ({@code nk:}),
   * postcode + initials ({@code pi:}), birth date + each initial ({@code di:}), e-mail local part ({@code el:}),
   * organization name ({@code on:}, {@code op:}).
   */
  public List<String> blockingKeys() {
    return blockingKeys;
  }

  /** Given name without spaces (maryann), for comparison across writing styles (Xiao Ming = Xiaoming). */
  public String givenKey() {
    return givenKey;
  }

  /** First given-name token, so that a middle name does not hide a match. */
  public String givenFirst() {
    return givenFirst;
  }

  public String familyKey() {
    return familyKey;
  }

  public String orgKey() {
    return orgKey;
  }

  /** {@link #orgKey()} without a leading city name (haiyikeji for Beijing Haiyi Keji). */
  public String orgCore() {
    return orgCore;
  }

  public List<String> orgTokens() {
    return orgTokens;
  }

  public int birthYear() {
    return birth[0];
  }

  public int birthMonth() {
    return birth[1];
  }

  public int birthDay() {
    return birth[2];
  }

  /** Per address (same order): the street words without numbers, joined (jianguord), or null. */
  public List<String> streets() {
    return streets;
  }

  /** Per address (same order): the house number, or null. */
  public List<String> houseNumbers() {
    return houseNumbers;
  }

  public String encode() {
    StringBuilder sb = new StringBuilder(256).append(RecordCodec.VERSION);
    RecordCodec.field(sb, key.source());
    RecordCodec.field(sb, key.sourceId());
    RecordCodec.field(sb, kind == null ? null : kind.wire());
    RecordCodec.field(sb, given);
    RecordCodec.field(sb, family);
    RecordCodec.field(sb, org);
    RecordCodec.field(sb, birthDate);
    RecordCodec.field(sb, nationalId);
    RecordCodec.field(sb, taxId);
    RecordCodec.list(sb, emails);
    RecordCodec.list(sb, phones);
    RecordCodec.addresses(sb, addresses);
    RecordCodec.field(sb, gender);
    RecordCodec.field(sb, occupation);
    RecordCodec.field(sb, generation);
    RecordCodec.readings(sb, readings);
    RecordCodec.list(sb, blockingKeys);
    return sb.toString();
  }

  /**
   * {@code encoded} without its blocking keys (decoded, the record has none): what scoring a pair needs. The
   * candidate index keeps this form, since it holds each record's keys as hashes already: the keys are about two
   * thirds of the text, and every candidate offered would decode them again for nothing.
   */
  public static String withoutBlockingKeys(String encoded) {
    int last = encoded.lastIndexOf('|');
    if (last < 0 || !RecordCodec.readable(encoded)) {
      throw new IllegalArgumentException("not a standard record (" + RecordCodec.VERSION + "): " + encoded);
    }
    return last == encoded.length() - 1 ? encoded : encoded.substring(0, last + 1);
  }

  /**
   * The kind, given name and family name of an encoded record, read without decoding the rest: the candidate index
   * reads them for every record it takes.
   */
  public static String[] kindAndNames(String encoded) {
    String[] out = new String[3];
    int start = 0;
    for (int field = 0; field <= 5; field++) {
      int end = encoded.indexOf('|', start);
      if (end < 0) {
        throw new IllegalArgumentException("not a standard record (" + RecordCodec.VERSION + "): " + encoded);
      }
      if (field >= 3) out[field - 3] = RecordCodec.nullable(encoded.substring(start, end));
      start = end + 1;
    }
    return out;
  }

  /**
   * The other readings of an encoded record's name, read without decoding the rest (the field before the blocking
   * keys); none in a form stored before readings were.
   */
  public static List<NameReading> readings(String encoded) {
    if (!encoded.startsWith(RecordCodec.VERSION + "|")) return List.of();
    int last = encoded.lastIndexOf('|');
    int before = encoded.lastIndexOf('|', last - 1);
    return before < 0 ? List.of() : RecordCodec.readingItems(encoded.substring(before + 1, last));
  }

  /** What term frequencies count of a record: its name keys, birth date, identifiers, towns and occupation. */
  public record Counted(String givenKey, String familyKey, String orgKey, String birthDate, String nationalId,
                        String taxId, List<String> emails, List<String> phones, List<String> cities,
                        String occupation) {
  }

  public Counted counted() {
    return new Counted(givenKey, familyKey, orgKey, birthDate, nationalId, taxId, emails, phones, cities(addresses),
        occupation);
  }

  /** The towns of the addresses, each once. */
  static List<String> cities(List<StandardAddress> addresses) {
    List<String> out = new ArrayList<>(addresses.size());
    for (StandardAddress a : addresses) if (a.city() != null && !out.contains(a.city())) out.add(a.city());
    return out;
  }

  /**
   * {@link #counted()} of an encoded record, read without building the record (whose constructor derives much
   * that counting does not need): the candidate index counts every record state it takes in, on the thread that
   * applies a commit.
   */
  public static Counted counted(String encoded) {
    List<String> f = fields(encoded);
    return new Counted(compact(RecordCodec.nullable(f.get(4))), compact(RecordCodec.nullable(f.get(5))),
        compact(RecordCodec.nullable(f.get(6))), StandardAddress.blankToNull(RecordCodec.nullable(f.get(7))),
        StandardAddress.blankToNull(RecordCodec.nullable(f.get(8))),
        StandardAddress.blankToNull(RecordCodec.nullable(f.get(9))), clean(RecordCodec.items(f.get(10))),
        clean(RecordCodec.items(f.get(11))), cities(RecordCodec.addressItems(f.get(12))),
        StandardAddress.blankToNull(RecordCodec.nullable(f.get(14))));
  }

  /**
   * The fields of an encoded record in the current layout: a form of an earlier version (before the traits, or
   * before the generation) is read with what it lacks empty, so that a hub upgraded in place reads what it stored.
   */
  private static List<String> fields(String encoded) {
    List<String> f = RecordCodec.split(Objects.requireNonNull(encoded, "encoded"), '|');
    int lacking = f.size() == 14 && f.get(0).equals(RecordCodec.VERSION_WITHOUT_TRAITS) ? 4
        : f.size() == 16 && f.get(0).equals(RecordCodec.VERSION_WITHOUT_GENERATION) ? 2
        : f.size() == 17 && f.get(0).equals(RecordCodec.VERSION_WITHOUT_READINGS) ? 1 : 0;
    if (lacking > 0) {
      List<String> upgraded = new ArrayList<>(f.subList(0, f.size() - 1));
      for (int i = 0; i < lacking; i++) upgraded.add("");
      upgraded.add(f.get(f.size() - 1));
      return upgraded;
    }
    if (f.size() != 18 || !f.get(0).equals(RecordCodec.VERSION)) {
      throw new IllegalArgumentException("not a standard record (" + RecordCodec.VERSION + "): " + encoded);
    }
    return f;
  }

  public static StandardRecord decode(String encoded) {
    List<String> f = fields(encoded);
    String kind = RecordCodec.nullable(f.get(3));
    return new StandardRecord(new SourceKey(RecordCodec.unescape(f.get(1)), RecordCodec.unescape(f.get(2))),
        kind == null ? null : Kind.fromWire(kind).orElseThrow(() -> new IllegalArgumentException("kind " + kind)),
        RecordCodec.nullable(f.get(4)), RecordCodec.nullable(f.get(5)), RecordCodec.nullable(f.get(6)),
        RecordCodec.nullable(f.get(7)), RecordCodec.nullable(f.get(8)), RecordCodec.nullable(f.get(9)),
        RecordCodec.items(f.get(10)), RecordCodec.items(f.get(11)), RecordCodec.addressItems(f.get(12)),
        RecordCodec.nullable(f.get(13)), RecordCodec.nullable(f.get(14)), RecordCodec.nullable(f.get(15)),
        RecordCodec.readingItems(f.get(16)), RecordCodec.items(f.get(17)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StandardRecord r && key.equals(r.key) && kind == r.kind && Objects.equals(given, r.given)
        && Objects.equals(family, r.family) && Objects.equals(org, r.org) && Objects.equals(birthDate, r.birthDate)
        && Objects.equals(nationalId, r.nationalId) && Objects.equals(taxId, r.taxId) && emails.equals(r.emails)
        && phones.equals(r.phones) && addresses.equals(r.addresses) && Objects.equals(gender, r.gender)
        && Objects.equals(occupation, r.occupation) && Objects.equals(generation, r.generation)
        && readings.equals(r.readings) && blockingKeys.equals(r.blockingKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, kind, given, family, org, birthDate, nationalId, taxId, emails, phones, addresses,
        gender, occupation, generation, readings, blockingKeys);
  }

  @Override
  public String toString() {
    return encode();
  }
}
