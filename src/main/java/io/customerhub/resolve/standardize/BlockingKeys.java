package io.customerhub.resolve.standardize;

import io.customerhub.record.Kind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The blocking keys stored with a record. Each rule is a cheap, error-tolerant grouping; together they let a
 * duplicate with a typo in any single field still share at least one key with its original. Names are used
 * order-free (sorted) so swapped given/family names still meet.
 */
public final class BlockingKeys {

  public static final Set<String> RULES = Set.of("strong", "name_phonetic_year", "name_sound_year", "name_key",
      "name_sound", "postcode_initials", "birthdate_initials", "birthdate_postcode", "birthdate_name_sound",
      "date_part_name", "birthdate_city", "street_number", "street_word", "number_postcode", "phone_tail",
      "email_local", "org_name", "org_phonetic", "near_postcode_initials", "city_name", "occupation_name",
      "city_occupation");

  /** Rules whose keys do not read the name: the same for every reading of it. */
  private static final Set<String> NAME_FREE_RULES = Set.of("strong", "birthdate_postcode", "street_number",
      "street_word", "number_postcode", "birthdate_city", "phone_tail", "city_occupation", "email_local");
  /** Street types as the address standardizer writes them (road -> rd, 路 -> rd). */
  private static final Set<String> STREET_TYPES = Set.of("rd", "st", "ave", "blvd", "dr", "ln", "ct", "pl", "cres",
      "tce", "hwy", "pkwy", "sq", "cct", "cl");
  /** Tokens that never name a street: street types and the words of units, floors and buildings. */
  private static final Set<String> NOT_A_NAME = Stream.concat(STREET_TYPES.stream(),
      Stream.of("unit", "ste", "fl", "bldg", "rm", "the")).collect(Collectors.toUnmodifiableSet());

  private BlockingKeys() {
  }

  /**
   * The size above which a block of this key says nothing and is skipped (see {@code Blocker}), or
   * {@link Integer#MAX_VALUE} where big blocks are paired by neighbourhood instead: the names alone
   * ({@code name_key}, {@code name_sound}) above {@code window}; one name part in a month or on a day number of a
   * year ({@code date_part_name}) above a handful, a common name (on 100,000 generated records its blocks of up to
   * {@code window} records doubled the candidate pairs of a training pass and found nothing more); an initial in a
   * postcode district ({@code near_postcode_initials}) above {@code window}: a district of a Chinese or American
   * postcode is a city, where an initial is thousands of people (a pass over 52,869 generated records took twice as
   * long for nothing), while a British one is a few streets. The keys of sparse records are not skipped but
   * thinned above {@code window} (see {@link #thinnedNeighbours}): a name part's sound in a town ({@code city_name}),
   * a common name in a big town; a name part's sound in an occupation ({@code occupation_name}), a common name among
   * politicians; an occupation in a town ({@code city_occupation}), the priests of London.
   */
  public static int skippedAbove(String key, int window) {
    if (key.startsWith("nk:") || key.startsWith("nn:") || key.startsWith("pn:") || thinned(key)) return window;
    if (key.startsWith("dn:")) return Math.min(window, 6);
    return Integer.MAX_VALUE;
  }

  /**
   * For a block over {@link #skippedAbove}: how many of the next records in name order each record is paired with
   * (0: the block is skipped). Only the keys that records holding a name, a town or an occupation and nothing else
   * meet by: such a record has no other key, and in a big block sorted by name the record its misspelled name part
   * was copied from sorts beside it (Anne Browb, cricketer, London, next to Anne Brown). Three neighbours are enough
   * for that and cost three pairs a record at most: on `bench/many_copies.py --attributes` F1 0.9710 → 0.9750 with
   * the same precision, and a pass over its 30,540 records no longer; all pairs of blocks of up to 300 records
   * (the limit of other keys) ran a pass over 101,086 records out of 2 GB of heap.
   */
  public static int thinnedNeighbours(String key) {
    return thinned(key) ? 3 : 0;
  }

  private static boolean thinned(String key) {
    return key.startsWith("cn:") || key.startsWith("jn:") || key.startsWith("co:");
  }

  /**
   * The keys the rules of {@code cfg} give a record already standardized: a pass over all records at once blocks
   * with the rules in force (and its batch rules), whatever rules were in force when each record was stored.
   */
  public static List<String> of(StandardizerConfig cfg, StandardRecord r) {
    return compute(cfg, r.kind(), r.given(), r.family(), r.org(), r.birthDate(), r.emails(), r.phones(),
        r.addresses(), r.occupation(), r.strongKeys(), r.readings());
  }

  /** {@code readings}: the name's other readings (陳大文 as chan tai man), whose name keys the record takes too. */
  static List<String> compute(StandardizerConfig cfg, Kind kind, String given, String family, String org,
                              String birthDate, List<String> emails, List<String> phones,
                              List<StandardAddress> addresses, String occupation, List<String> strongKeys,
                              List<NameReading> readings) {
    Set<String> keys = new LinkedHashSet<>();
    add(keys, cfg, kind, given, family, org, birthDate, emails, phones, addresses, occupation, strongKeys, false);
    for (NameReading r : readings) {
      add(keys, cfg, kind, r.given(), r.family(), org, birthDate, emails, phones, addresses, occupation, strongKeys,
          true);
    }
    String whole = given != null ? given : family;
    if (kind != Kind.ORGANIZATION && (given == null) != (family == null) && whole.indexOf(' ') > 0) {
      // the whole name in one of the two fields ("gates michael" as given name, the family name empty): the
      // name keys of the record it duplicates are those of a split, the family name first or last
      int first = whole.indexOf(' '), last = whole.lastIndexOf(' ');
      add(keys, cfg, kind, whole.substring(first + 1), whole.substring(0, first), org, birthDate, emails, phones,
          addresses, occupation, strongKeys, true);
      add(keys, cfg, kind, whole.substring(0, last), whole.substring(last + 1), org, birthDate, emails, phones,
          addresses, occupation, strongKeys, true);
    }
    return new ArrayList<>(keys);
  }

  /**
   * Adds the keys of {@code cfg}'s rules; with {@code otherName}, the record's keys are in already and only the
   * rules that read the name are run again, for another reading or split of it.
   */
  private static void add(Set<String> keys, StandardizerConfig cfg, Kind kind, String given, String family,
                          String org, String birthDate, List<String> emails, List<String> phones,
                          List<StandardAddress> addresses, String occupation, List<String> strongKeys,
                          boolean otherName) {
    List<String> rules = cfg.blockingRules();
    String g = compact(given);
    String f = compact(family);
    String year = birthDate == null ? null : birthDate.substring(0, 4);
    String initials = initials(g, f);
    boolean isOrg = kind == Kind.ORGANIZATION;
    boolean orgKeys = org != null && (isOrg || (g == null && f == null));
    for (String rule : rules) {
      if (otherName && NAME_FREE_RULES.contains(rule)) continue;
      switch (rule) {
        case "strong" -> keys.addAll(strongKeys);
        case "name_phonetic_year" -> {
          // both name parts sound alike and the year agrees: tolerant of spelling, a day/month swap and a
          // nickname, yet a block holds one name of one year, so it stays small however big the data grows
          if (year != null && g != null && f != null && !isOrg) {
            String given1 = first(given);
            // the year with the day and with the month, unlabelled: a swapped day and month, or a typo in one of
            // them, still shares a key, and a block holds one name of one year and one day-or-month
            for (String dayOrMonth : dayAndMonth(birthDate)) {
              String when = year + dayOrMonth;
              keys.add(phoneticNameYear("ny:", given1, f, when));
              for (String formal : cfg.nicknames().formalNames(g)) keys.add(phoneticNameYear("ny:", formal, f, when));
              for (String formal : cfg.nicknames().formalNames(f)) {
                keys.add(phoneticNameYear("ny:", given1, formal, when));
              }
            }
          }
        }
        case "name_sound_year" -> {
          // both name parts sound alike and the year agrees, whatever the day and month: a record whose birth
          // date lost both still meets its others. Not on by default: a block is a name of a year, so blocks grow
          // with the data (candidate pairs per record 1.7 -> 3.4 on 100,000 generated customers)
          if (year != null && g != null && f != null && !isOrg) {
            keys.add(phoneticNameYear("ns:", first(given), f, year));
          }
        }
        case "name_sound" -> {
          // both name parts by sound, whatever the birth date and the address: a record without a birth date whose
          // postcode and street are misspelled too. Names alone: big blocks are skipped (see skippedAbove)
          if (g != null && f != null && !isOrg) keys.add(phoneticNameYear("nn:", first(given), f, ""));
        }
        case "name_key" -> {
          if (g != null && f != null && !isOrg) {
            keys.add(nameKey(g, f));
            // Bill Smith meets William Smith; either part may be the given name when they are swapped
            for (String formal : cfg.nicknames().formalNames(g)) keys.add(nameKey(formal, f));
            for (String formal : cfg.nicknames().formalNames(f)) keys.add(nameKey(g, formal));
          }
        }
        // the keys above need both name parts intact: a missing part or a wrong first letter breaks them all at
        // once; these two survive one damaged name part and stay small, as a birth date is part of each
        case "birthdate_postcode" -> {
          if (birthDate != null && !isOrg) {
            for (StandardAddress a : addresses) if (a.postcode() != null) keys.add("dp:" + birthDate + ":" + a.postcode());
          }
        }
        case "birthdate_name_sound" -> {
          if (birthDate != null && !isOrg) {
            for (String part : new String[] {first(given), f}) {
              String sound = Phonetic.key(part);
              if (sound != null) keys.add("ds:" + birthDate + ":" + sound);
            }
          }
        }
        case "date_part_name" -> {
          // one name part as written with the year and either the month or the day: the other part misspelled
          // and the day or the month wrong (Karl Klein 2002-06-20, Karl Kleibn 2002-06-29). A block is a name in a
          // month or on a day number of one year: small (more than a handful is a common name, skipped), and only
          // in passes over all records. Not by sound: blocks of common sounds cost a training pass of 100,000
          // generated records 3.5 times the pairs. Not the day of the year without the year: on Splink's fake_1000
          // it joined namesakes years apart, whose other records then followed them into one profile
          if (birthDate != null && birthDate.length() == 10 && !isOrg) {
            String y = birthDate.substring(0, 4), m = birthDate.substring(5, 7), d = birthDate.substring(8, 10);
            for (String part : new String[] {first(given), f}) {
              if (part == null || part.isEmpty()) continue;
              if (!m.equals("00")) keys.add("dn:" + y + "-" + m + "-:" + part);
              keys.add("dn:" + y + "--" + d + ":" + part);
            }
          }
        }
        case "street_number" -> {
          // with the city: the same street name and number recur in every city, and such a block grows with the
          // data without saying anything
          for (StandardAddress a : addresses) {
            String[] parts = streetAndNumber(a.line());
            if (parts != null) keys.add("sn:" + parts[0] + ":" + parts[1] + ":" + (a.city() == null ? "" : compact(a.city())));
          }
        }
        case "street_word" -> {
          // the house number with the street's name word, in its city: a typo in another word of the line (a
          // building name in line2, a street type run together) leaves it as it is. Its blocks are bigger than
          // street_number's (every "renmin" street of a city), so it suits passes over all records
          for (StandardAddress a : addresses) {
            String number = a.houseNumber();
            if (number == null) continue;
            String city = a.city() == null ? "" : compact(a.city());
            for (String word : streetWords(a.line())) keys.add("sw:" + word + ":" + number + ":" + city);
          }
        }
        case "number_postcode" -> {
          // the house number in its postcode, whatever the street is called or how it is spelled: a postcode
          // holds a few streets, so a block holds a few households
          for (StandardAddress a : addresses) {
            String number = a.houseNumber();
            if (number != null && a.postcode() != null) keys.add("np:" + number + ":" + a.postcode());
          }
        }
        case "birthdate_city" -> {
          // a whole birth date in a city: both name parts damaged or missing and the postcode mistyped (Delaney of
          // Mount Evelyn and Jayden of Mount Evelyn, born 1933-12-20). A block holds the people of a city born on
          // one day: a handful at most
          if (birthDate != null && birthDate.length() == 10 && !isOrg) {
            for (StandardAddress a : addresses) {
              if (a.city() != null) keys.add("dc:" + birthDate + ":" + compact(a.city()));
            }
          }
        }
        case "phone_tail" -> {
          // a national number read in the wrong country (+86 773... for a Chicago 773...) keeps its last digits
          for (String p : phones) if (p.length() >= 10) keys.add("pt:" + p.substring(p.length() - 8));
        }
        case "postcode_initials" -> {
          if (initials != null && !isOrg) {
            for (StandardAddress a : addresses) if (a.postcode() != null) keys.add("pi:" + a.postcode() + ":" + initials);
          }
        }
        case "near_postcode_initials" -> {
          // the postcode's district (TQ13 8DF and TQ13 8HU) with each initial, one key apiece as birthdate_initials
          // has them: a record without a birth date whose postcode is the next block's, whose name is misspelled
          // or whose family name is missing
          if (initials != null && !isOrg) {
            for (StandardAddress a : addresses) {
              String district = a.postcodeDistrict();
              if (district == null) continue;
              for (int i = 0; i < initials.length(); i++) keys.add("pn:" + district + ":" + initials.charAt(i));
            }
          }
        }
        case "city_name" -> {
          // each name part's sound in the town: a record with a name and a town and nothing else (no birth date,
          // no postcode, no street) whose other name part is misspelled. A common name in a big town is many people
          // and is skipped (see skippedAbove); a name in a village is a family. By sound, not as written: 0.9537
          // against 0.9497 on bench/many_copies.py, and both together found next to nothing more for twice the keys
          if (!isOrg) {
            List<String> sounds = partSounds(cfg, given, f);
            for (StandardAddress a : addresses) {
              if (a.city() == null) continue;
              String city = compact(a.city());
              for (String sound : sounds) keys.add("cn:" + city + ":" + sound);
            }
          }
        }
        case "occupation_name" -> {
          // each name part's sound in the occupation: a record with a name and an occupation, its town London or
          // none, whose other name part is misspelled (frank iraser, chemist). A common name among politicians is
          // skipped as a common name in a big town is (see skippedAbove)
          if (!isOrg && occupation != null) {
            String job = compact(occupation);
            for (String sound : partSounds(cfg, given, f)) keys.add("jn:" + job + ":" + sound);
          }
        }
        case "city_occupation" -> {
          // the occupation in the town, whatever the name: a record whose name parts are both misspelled (witliam
          // grkeen, farmer, Yarworth). The priests of London are many people and are skipped (see skippedAbove)
          if (!isOrg && occupation != null) {
            String job = compact(occupation);
            for (StandardAddress a : addresses) {
              if (a.city() != null) keys.add("co:" + compact(a.city()) + ":" + job);
            }
          }
        }
        case "birthdate_initials" -> {
          // one key per initial, not one for both: a record without its family name (or with a mistyped one)
          // still meets the others of that birth date, and a whole date keeps the blocks small
          if (initials != null && birthDate != null && birthDate.length() == 10 && !isOrg) {
            for (int i = 0; i < initials.length(); i++) keys.add("di:" + birthDate + ":" + initials.charAt(i));
          }
        }
        case "email_local" -> {
          for (String e : emails) {
            String local = e.substring(0, e.indexOf('@'));
            if (local.length() >= 5) keys.add("el:" + local);
          }
        }
        case "org_name" -> {
          if (orgKeys) {
            keys.add("on:" + compact(org));
            keys.add("on:" + OrgStandardizer.core(compact(org)));
          }
        }
        case "org_phonetic" -> {
          if (orgKeys) {
            String[] t = org.split(" ");
            String p = Phonetic.key(t[0]);
            if (p != null) keys.add("op:" + p + ":" + (t.length > 1 ? t[1].substring(0, 1) : ""));
          }
        }
        default -> throw new IllegalArgumentException("unknown blocking rule " + rule);
      }
    }
  }

  /** The day and the month of an ISO date ({@code -dd} and {@code -mm}), or the bare year when it has neither. */
  private static List<String> dayAndMonth(String isoDate) {
    // a date known to the month meets the full dates of that month; one known to the year, only its like
    if (isoDate.length() == 7) return List.of(isoDate.substring(4));
    if (isoDate.length() < 10) return List.of("");
    String month = isoDate.substring(5, 7), day = isoDate.substring(8, 10);
    if (month.equals("00")) return List.of("-" + day); // a month no calendar has: the day alone
    return month.equals(day) ? List.of("-" + day) : List.of("-" + month, "-" + day);
  }

  private static String phoneticNameYear(String prefix, String given, String family, String year) {
    return soundsYear(prefix, Phonetic.key(given), Phonetic.key(family), year);
  }

  /** The key of two name parts' sounds (null: none), order-free, with {@code year}. */
  private static String soundsYear(String prefix, String a, String b, String year) {
    if (a == null) a = "";
    if (b == null) b = "";
    return prefix + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a) + ":" + year;
  }

  /**
   * The keys a person is found by from a name alone ({@code POST /profiles/search}): both name parts by sound,
   * order-free, and again with the formal name of a nickname (Bill Smith is found as William Smith); a whole name in
   * one field, split after its first word and before its last. Never stored, never used to link: a common name's
   * block holds thousands. Empty without both parts, or where either has no sound (digits).
   */
  public static List<String> nameSound(StandardizerConfig cfg, String given, String family) {
    Set<String> keys = new LinkedHashSet<>();
    if (given != null && family != null) {
      addNameSound(keys, cfg, given, family);
    } else {
      String whole = given != null ? given : family;
      if (whole != null && whole.indexOf(' ') > 0) {
        int first = whole.indexOf(' '), last = whole.lastIndexOf(' ');
        addNameSound(keys, cfg, whole.substring(0, first), whole.substring(first + 1));
        addNameSound(keys, cfg, whole.substring(0, last), whole.substring(last + 1));
      }
    }
    return new ArrayList<>(keys);
  }

  private static void addNameSound(Set<String> keys, StandardizerConfig cfg, String given, String family) {
    String g = first(given), f = compact(family);
    // each part's sound once: every record the candidate index takes passes here
    String gSound = Phonetic.key(g), fSound = Phonetic.key(f);
    if (gSound == null || fSound == null) return;
    keys.add(soundsYear("nn:", gSound, fSound, ""));
    // either part may be the given name: a swapped record's nickname sits in its family field
    for (String formal : cfg.nicknames().formalNames(compact(given))) {
      keys.add(soundsYear("nn:", Phonetic.key(formal), fSound, ""));
    }
    for (String formal : cfg.nicknames().formalNames(f)) keys.add(soundsYear("nn:", gSound, Phonetic.key(formal), ""));
  }

  private static String nameKey(String g, String f) {
    return "nk:" + (g.compareTo(f) <= 0 ? g + "|" + f : f + "|" + g);
  }

  /** {street words joined, house number} of an address line, or null when either is missing. */
  private static String[] streetAndNumber(String line) {
    if (line == null) return null;
    StringBuilder street = new StringBuilder();
    StringBuilder numbers = new StringBuilder();
    for (String t : line.split(" ")) {
      if (t.isEmpty()) continue;
      if (Character.isDigit(t.charAt(0))) {
        if (numbers.length() > 0) numbers.append('.');
        numbers.append(t);
      } else {
        street.append(t);
      }
    }
    return numbers.length() == 0 || street.length() == 0 ? null : new String[] {street.toString(), numbers.toString()};
  }

  /**
   * The words of an address line that name its street: the first word, and the word before the first street type
   * when that is another one (a line2 written first, "6 section saltash pl", still names saltash). Unit and
   * street-type words name nothing.
   */
  public static Set<String> streetWords(String line) {
    Set<String> words = new LinkedHashSet<>(2);
    if (line == null) return words;
    String previous = null;
    for (String t : line.split(" ")) {
      if (t.isEmpty()) continue;
      boolean word = !Character.isDigit(t.charAt(0)) && !NOT_A_NAME.contains(t);
      if (word && words.isEmpty()) words.add(t);
      if (STREET_TYPES.contains(t)) {
        if (previous != null) words.add(previous);
        break;
      }
      previous = word ? t : null;
    }
    return words;
  }

  private static String initials(String g, String f) {
    if (g == null && f == null) return null;
    String a = g == null ? "" : g.substring(0, 1);
    String b = f == null ? "" : f.substring(0, 1);
    return a.compareTo(b) <= 0 ? a + b : b + a;
  }

  /**
   * The sound of each name part, the first given name's formal names included (bill → william): a nickname with a
   * misspelled family name (bill dravies) still shares a key with the formal name's records.
   */
  private static List<String> partSounds(StandardizerConfig cfg, String given, String family) {
    Set<String> sounds = new LinkedHashSet<>();
    String given1 = first(given);
    List<String> parts = new ArrayList<>();
    parts.add(given1);
    if (given1 != null) parts.addAll(cfg.nicknames().formalNames(given1));
    parts.add(family);
    for (String part : parts) {
      String sound = Phonetic.key(part);
      if (sound != null) sounds.add(sound);
    }
    return List.copyOf(sounds);
  }

  private static String first(String tokens) {
    if (tokens == null) return null;
    int sp = tokens.indexOf(' ');
    return sp < 0 ? tokens : tokens.substring(0, sp);
  }

  static String compact(String tokens) {
    return tokens == null ? null : tokens.replace(" ", "");
  }
}
