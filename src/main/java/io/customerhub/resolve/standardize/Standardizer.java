package io.customerhub.resolve.standardize;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Turns a canonical record into its standardized comparison values. Thread-safe: all state is immutable
 * and ICU transliterators are held per thread (see {@link Latinizer}).
 */
public final class Standardizer {

  private static final AddressStandardizer ADDRESSES = new AddressStandardizer();

  private final StandardizerConfig config;
  private final ContactStandardizer contacts;
  private final NameStandardizer names = new NameStandardizer();
  private final NameStandardizer cantoneseNames = new NameStandardizer(HanReading.CANTONESE);
  private final NameStandardizer wadeGilesNames = new NameStandardizer(HanReading.WADE_GILES);
  private final OrgStandardizer orgs = new OrgStandardizer();

  public Standardizer() {
    this(StandardizerConfig.defaults());
  }

  public Standardizer(StandardizerConfig config) {
    this.config = config;
    this.contacts = new ContactStandardizer(config.defaultRegion(), config.stripGmailDots());
    Cantonese.load();
  }

  public StandardizerConfig config() {
    return config;
  }

  /** A full name written family name first (hanzi, Hangul, kana, Vietnamese), split as matching splits it. */
  public record FamilyFirstName(String family, String given) {
  }

  /**
   * A full name written in hanzi, Hangul or kana, or a Vietnamese one, as matching splits it (separators and an
   * honorific such as 先生 dropped, the family name first, two characters or syllables for a compound surname), for
   * callers outside matching; null for a full name in other letters, or one whose given name cannot be told (a
   * single character, kana run together).
   */
  public static FamilyFirstName familyFirstName(String fullName) {
    String n = Latinizer.nfkc(fullName);
    if (n == null) return null;
    String[] parts = NameStandardizer.hanParts(n);
    if (parts == null) parts = FamilyFirstNames.parts(n);
    if (parts == null) parts = VietnameseNames.parts(n);
    return parts == null || parts[1].isEmpty() ? null : new FamilyFirstName(parts[0], parts[1]);
  }

  /**
   * Whether a name, written as its lower-case letters without spaces ("babygirl", "nolastname"), is a placeholder
   * matching reads as no name ({@code family}: as a family name); for callers outside matching.
   */
  public static boolean isPlaceholderName(String letters, boolean family) {
    return NamePlaceholders.isCompactPlaceholder(letters, family);
  }

  /**
   * How many of a Latin full name's words (in lower-case latin letters) from {@code from} on make a form of address
   * that matching drops ("mr", "the rt hon"); 0 where none starts there.
   */
  public static int formOfAddressAt(List<String> words, int from) {
    return NameWords.formOfAddressAt(words, from);
  }

  /**
   * How matching reads one word of a Latin full name (in lower-case latin letters) after its forms of address
   * ({@link #formOfAddressAt}), for callers outside matching.
   */
  public enum NameWord {
    /** A generational or academic suffix after it: jr, iii, phd. */
    SUFFIX,
    /** A particle that belongs to the family name after it: van, de, bin. */
    PARTICLE,
    /** A word of the name itself. */
    NAME
  }

  /** What {@code word} is in a Latin full name, as matching reads it. */
  public static NameWord nameWord(String word) {
    return NameStandardizer.wordKind(word);
  }

  /**
   * A Latin full name without the titles or honours its last commas set off ("Thomas Clifford, 1st Baron Clifford
   * of Chudleigh", "John Smith, Jr., OBE"), as matching reads it: a comma left after that is the one of "Smith,
   * John".
   */
  public static String withoutTitles(String fullName) {
    return NameStandardizer.withoutTitles(fullName, null);
  }

  /**
   * Of a full name's words as written, the one that is the family name because it alone is in capitals beside
   * words that are not ("ZHANG Wei", "Mary Ann JOHNSON"), as matching reads it; -1 where there is none.
   */
  public static int familyNameInCapitals(List<String> words) {
    return NameStandardizer.upperCaseToken(words);
  }

  /**
   * One address as matching compares it (null when nothing is left), for callers outside matching that must
   * tell whether two addresses name one place, whatever their script. Addresses need no configuration.
   */
  public static StandardAddress address(Address a) {
    return ADDRESSES.address(a);
  }

  /** {@link BlockingKeys#nameSound} of a person's standardized names; none for an organization. */
  public List<String> nameSoundKeys(Kind kind, String given, String family) {
    return kind == Kind.ORGANIZATION ? List.of() : BlockingKeys.nameSound(config, given, family);
  }

  /** The same, and those of the name's other readings ({@link NameReading}), of a standardized record. */
  public List<String> nameSoundKeys(StandardRecord r) {
    return withReadings(r.kind(), nameSoundKeys(r.kind(), r.given(), r.family()), r.readings());
  }

  /** The same, of an encoded standard record (see {@link StandardRecord#kindAndNames}). */
  public List<String> nameSoundKeys(String encoded) {
    String[] kindAndNames = StandardRecord.kindAndNames(encoded);
    Kind kind = kindAndNames[0] == null ? null : Kind.fromWire(kindAndNames[0]).orElse(null);
    return withReadings(kind, nameSoundKeys(kind, kindAndNames[1], kindAndNames[2]), StandardRecord.readings(encoded));
  }

  private List<String> withReadings(Kind kind, List<String> keys, List<NameReading> readings) {
    if (readings.isEmpty()) return keys;
    LinkedHashSet<String> all = new LinkedHashSet<>(keys);
    for (NameReading r : readings) all.addAll(nameSoundKeys(kind, r.given(), r.family()));
    return List.copyOf(all);
  }

  /**
   * A person's place of birth ({@code birth_place} among the attributes) is compared as a town where the record
   * has none of its own: it never changes. A record whose one address is a bare postcode (a register's) gets it as
   * that postcode's town. Only the comparison form changes; the record and its golden profile keep it an attribute.
   */
  private static void withBirthPlace(CanonicalRecord r, List<StandardAddress> addresses) {
    if (addresses.stream().anyMatch(a -> a.city() != null)) return;
    String born = TraitStandardizer.birthPlace(r.attributes());
    if (born == null) return;
    List<Address> sent = r.addresses();
    boolean barePostcode = sent.size() == 1 && sent.get(0).line1() == null && sent.get(0).line2() == null;
    Address place = barePostcode ? new Address(null, null, born, sent.get(0).region(), sent.get(0).postcode(),
        sent.get(0).country()) : new Address(null, null, born, null, null, null);
    StandardAddress standard = ADDRESSES.address(place);
    if (standard == null) return;
    if (barePostcode) addresses.clear();
    addresses.add(standard);
  }

  public StandardRecord standardize(CanonicalRecord r) {
    boolean isOrg = r.kind() == Kind.ORGANIZATION;
    NameStandardizer.Name name = null;
    String org = orgs.organization(r.orgName() != null ? r.orgName() : isOrg ? r.fullName() : null);
    if (!isOrg) name = names.person(r.givenName(), r.familyName(), r.fullName());
    String given = name == null ? null : name.given();
    String family = name == null ? null : name.family();
    List<String> emails = new ArrayList<>();
    for (String e : r.emails()) emails.add(contacts.email(e));
    List<StandardAddress> addresses = new ArrayList<>();
    for (Address a : r.addresses()) addresses.add(ADDRESSES.address(a));
    String region = addresses.stream().filter(a -> a != null && a.country() != null).map(StandardAddress::country)
        .findFirst().orElse(null);
    List<String> phones = new ArrayList<>();
    for (String p : r.phones()) phones.add(contacts.phone(p, region));
    String birth = ContactStandardizer.birthDate(r.birthDate());
    String nid = ContactStandardizer.identifier(r.nationalId());
    String tax = ContactStandardizer.identifier(r.taxId());
    emails.removeIf(Objects::isNull);
    phones.removeIf(Objects::isNull);
    addresses.removeIf(Objects::isNull);
    if (!isOrg) withBirthPlace(r, addresses);
    String gender = isOrg ? null : TraitStandardizer.gender(r.attributes(), name.gender());
    String occupation = isOrg ? null : TraitStandardizer.occupation(r.attributes());
    String generation = isOrg ? null : Generation.of(name.generation(), r.attributes());
    List<NameReading> readings = isOrg ? List.of() : readings(r, name);
    List<String> blocking = BlockingKeys.compute(config, r.kind(), given, family, org, birth, emails, phones,
        addresses, occupation, StandardRecord.strongKeys(emails, phones, nid, tax), readings);
    return new StandardRecord(r.key(), r.kind(), given, family, org, birth, nid, tax, emails, phones, addresses,
        gender, occupation, generation, readings, blocking);
  }

  /**
   * The other readings of a name written in hanzi: Cantonese as Hong Kong spells it, for the records of Hong Kong,
   * Macau, Guangdong and most Chinese abroad, whose Latin letters spell 陳大文 Chan Tai Man, not Chen Dawen; Mandarin
   * as Taiwan spells it, 李登輝 Lee Teng-hui, not Li Denghui; and the reading a Japanese record keeps beside its
   * kanji ({@link Furigana}), which says how 山田太郎 is read: Yamada Taro, or without it a common Japanese family
   * name's ({@link JapaneseSurnames}).
   */
  private List<NameReading> readings(CanonicalRecord r, NameStandardizer.Name name) {
    List<NameReading> out = new ArrayList<>(4);
    boolean han = Latinizer.containsHan(r.givenName()) || Latinizer.containsHan(r.familyName())
        || Latinizer.containsHan(r.fullName());
    if (han) {
      add(out, HanReading.CANTONESE.system(), cantoneseNames.person(r.givenName(), r.familyName(), r.fullName()),
          name);
      add(out, HanReading.WADE_GILES.system(), wadeGilesNames.person(r.givenName(), r.familyName(), r.fullName()),
          name);
    }
    // furigana say how kanji are read: looked for beside a name in kanji only, so that the records they cannot help
    // (nearly all) do not have their attribute names read for them
    String[] kana = han ? Furigana.of(r.attributes()) : null;
    if (kana != null) {
      add(out, "furigana", names.person(kana[1], kana[0], null), name);
    } else if (han) {
      // no furigana: a common Japanese family name read from its kanji, the given name left unread; and, where the
      // given name is one whose kanji nearly always read one way, read with it too (the best reading counts)
      JapaneseSurnames.Split japanese = JapaneseSurnames.split(r.familyName(), r.givenName(), r.fullName());
      if (japanese != null) {
        add(out, "japanese", new NameStandardizer.Name(null, japanese.family(), null, null), name);
        String given = JapaneseGivenNames.reading(japanese.givenKanji());
        if (given != null) add(out, "japanese", new NameStandardizer.Name(given, japanese.family(), null, null), name);
      }
    }
    return out;
  }

  /** Adds {@code reading} unless it is the name as stored or one already there. */
  private static void add(List<NameReading> readings, String system, NameStandardizer.Name reading,
                          NameStandardizer.Name name) {
    if (reading.given() == null && reading.family() == null) return;
    if (Objects.equals(reading.given(), name.given()) && Objects.equals(reading.family(), name.family())) return;
    for (NameReading r : readings) {
      if (Objects.equals(r.given(), reading.given()) && Objects.equals(r.family(), reading.family())) return;
    }
    readings.add(new NameReading(system, reading.given(), reading.family()));
  }
}
