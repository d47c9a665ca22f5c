package io.customerhub.generate;

import io.customerhub.generate.Entity.Org;
import io.customerhub.generate.Entity.Person;
import io.customerhub.generate.Lexicon.GivenName;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Applies the enabled error types to a rendered record. Whether a type hits a record, and how, depends only on
 * the seed, the record's position and the type, never on the other types' rates: the records a type touches are
 * the same whether it is enabled alone or with all others, and a run without errors renders exactly the clean
 * version of every record of a run with errors.
 */
final class ErrorInjector {

  /** How systems without ü write the surname 吕 (Lyu): each is right. */
  static final List<String> LYU_SPELLINGS = List.of("Lu", "Lv", "Lü");

  private static final String[] KEYBOARD = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  private static final String[][] OCR_PAIRS = {{"rn", "m"}, {"m", "rn"}, {"0", "O"}, {"O", "0"}, {"1", "l"},
      {"l", "1"}, {"5", "S"}, {"S", "5"}};

  private static final ErrorType[] TYPES = ErrorType.values();

  private final long seed;
  private final double[] rates = new double[TYPES.length];
  private final int[] counts = new int[TYPES.length];
  private final boolean any;

  ErrorInjector(GeneratorOptions options) {
    this.seed = options.seed();
    for (ErrorType t : TYPES) rates[t.ordinal()] = options.rate(t);
    this.any = !options.errorRates().isEmpty();
  }

  /** How many records each type actually changed (a type that does not apply to a record is not counted). */
  Map<ErrorType, Integer> counts() {
    EnumMap<ErrorType, Integer> m = new EnumMap<>(ErrorType.class);
    for (ErrorType t : TYPES) m.put(t, counts[t.ordinal()]);
    return m;
  }

  /**
   * @param salt identifies the record independently of the error settings (source and position)
   */
  void apply(Map<String, Object> record, Entity entity, long salt) {
    if (!any) return;
    for (ErrorType type : TYPES) {
      double rate = rates[type.ordinal()];
      if (rate <= 0) continue;
      long h = Seeds.mix(seed, salt, type.ordinal());
      if (Seeds.unit(h) >= rate) continue;
      SplittableRandom rng = new SplittableRandom(Seeds.mix(h, salt, 0x5eed));
      if (apply(type, record, entity, rng)) counts[type.ordinal()]++;
    }
  }

  private boolean apply(ErrorType type, Map<String, Object> r, Entity e, SplittableRandom rng) {
    return switch (type) {
      case SCRIPT -> script(r, e, rng);
      case NICKNAME -> nickname(r, e, rng);
      case SWAPPED_NAMES -> swapNames(r);
      case MOVED_ADDRESS -> moveAddress(r, e);
      case EMAIL_VARIANT -> emailVariant(r, e, rng);
      case PHONE_FORMAT -> phoneFormat(r, e, rng);
      case ORG_SUFFIX -> orgSuffix(r, e, rng);
      case TYPO -> typo(r, rng);
      case OCR -> ocr(r, rng);
      case NATIONAL_ID_TYPO -> nationalIdTypo(r, rng);
      case BIRTHDATE_SWAP -> birthDateSwap(r);
      case MISSING_FIELD -> missing(r, rng);
    };
  }

  // ---- representation variants ---------------------------------------------------------------------------

  private static boolean script(Map<String, Object> r, Entity e, SplittableRandom rng) {
    if (e instanceof Org o) return o.chinese() && toHanziAddresses(r, o.address(), o.previousAddress());
    Person p = (Person) e;
    if (!hasName(r)) return false;
    if (p.givenHan() == null) {
      // Korean and Vietnamese names: the same name in Western order.
      return p.familyFirst() && replace(r, "fullName", p.given() + " " + p.family());
    }
    if (p.family().equals("Lyu") && rng.nextBoolean()) {
      String spelling = LYU_SPELLINGS.get(rng.nextInt(LYU_SPELLINGS.size()));
      if (r.get("familyName") != null) r.put("familyName", spelling);
      r.put("fullName", spelling + " " + p.given());
      return true;
    }
    if (rng.nextInt(3) < 2) {
      if (r.get("givenName") != null) r.put("givenName", p.givenHan());
      if (r.get("familyName") != null) r.put("familyName", p.familyHan());
      // Japanese records often part the family name from the given one with a space; Chinese ones never do
      String between = p.kana() != null && rng.nextBoolean() ? " " : "";
      if (r.get("fullName") != null || rng.nextBoolean()) r.put("fullName", p.familyHan() + between + p.givenHan());
      if (p.kana() != null && rng.nextInt(3) < 2) furigana(r, p.kana());
      if (rng.nextBoolean()) toHanziAddresses(r, p.address(), p.previousAddress());
      return true;
    }
    return replace(r, "fullName", p.given() + " " + p.family());
  }

  /** A Japanese name's reading in katakana, kept where Japanese systems keep it: beside the name, as furigana. */
  @SuppressWarnings("unchecked")
  private static void furigana(Map<String, Object> r, String kana) {
    Object attributes = r.get("attributes");
    if (attributes instanceof Map<?, ?> a) ((Map<String, Object>) a).put("furigana", kana);
  }

  /** Sets a field and tells whether that changed the record (Yang Yang reads the same in either order). */
  private static boolean replace(Map<String, Object> r, String field, Object value) {
    return !Objects.equals(r.put(field, value), value);
  }

  private static boolean hasName(Map<String, Object> r) {
    return r.get("givenName") != null || r.get("familyName") != null || r.get("fullName") != null;
  }

  @SuppressWarnings("unchecked")
  private static boolean toHanziAddresses(Map<String, Object> r, Addr current, Addr previous) {
    List<Map<String, Object>> addresses = (List<Map<String, Object>>) r.get("addresses");
    if (addresses == null || addresses.isEmpty()) return false;
    boolean changed = false;
    for (int i = 0; i < addresses.size(); i++) {
      for (Addr a : new Addr[] {current, previous}) {
        if (a.hanzi() != null && a.toMap().equals(addresses.get(i))) {
          addresses.set(i, a.hanzi().toMap());
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  private static boolean nickname(Map<String, Object> r, Entity e, SplittableRandom rng) {
    if (!(e instanceof Person p) || !p.origin().equals("WEST")) return false;
    List<String> nicknames = List.of();
    for (GivenName g : Lexicon.WESTERN_GIVEN) if (g.name().equals(p.given())) nicknames = g.nicknames();
    if (nicknames.isEmpty()) return false;
    String nick = nicknames.get(rng.nextInt(nicknames.size()));
    boolean changed = false;
    if (p.given().equals(r.get("givenName"))) {
      r.put("givenName", nick);
      changed = true;
    }
    if (r.get("fullName") instanceof String full && full.startsWith(p.given() + " ")) {
      r.put("fullName", nick + full.substring(p.given().length()));
      changed = true;
    }
    return changed;
  }

  private static boolean swapNames(Map<String, Object> r) {
    Object given = r.get("givenName");
    Object family = r.get("familyName");
    if (given == null || family == null || given.equals(family)) return false;
    r.put("givenName", family);
    r.put("familyName", given);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean moveAddress(Map<String, Object> r, Entity e) {
    List<Map<String, Object>> addresses = (List<Map<String, Object>>) r.get("addresses");
    if (addresses == null || addresses.isEmpty()) return false;
    Addr previous = e instanceof Person p ? p.previousAddress() : ((Org) e).previousAddress();
    addresses.set(0, previous.toMap());
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean emailVariant(Map<String, Object> r, Entity e, SplittableRandom rng) {
    List<String> emails = (List<String>) r.get("emails");
    if (emails == null || emails.isEmpty()) return false;
    String email = emails.get(0);
    switch (rng.nextInt(3)) {
      case 0 -> emails.set(0, recase(email, rng));
      case 1 -> emails.set(0, new String[] {" " + email, email + " ", "  " + email + " ", email + "\t"}[rng.nextInt(4)]);
      default -> {
        String other = e instanceof Person p ? p.altEmail() : ((Org) e).altEmail();
        emails.clear();
        emails.add(other);
      }
    }
    return true;
  }

  /** Wei.Zhang@qq.com, WEI.ZHANG@QQ.COM: what web forms and old systems make of an address. */
  private static String recase(String email, SplittableRandom rng) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at);
    String out = switch (rng.nextInt(3)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> capitalizeWords(local) + domain;
      default -> capitalizeWords(local) + domain.toUpperCase(Locale.ROOT);
    };
    return out.equals(email) ? local + domain.toUpperCase(Locale.ROOT) : out;
  }

  private static String capitalizeWords(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean start = i == 0 || ".-_".indexOf(s.charAt(i - 1)) >= 0;
      b.append(start ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static boolean phoneFormat(Map<String, Object> r, Entity e, SplittableRandom rng) {
    List<String> phones = (List<String>) r.get("phones");
    if (phones == null || phones.isEmpty()) return false;
    List<Phone> known = e instanceof Person p ? p.phones() : ((Org) e).phones();
    boolean changed = false;
    for (int i = 0; i < phones.size(); i++) {
      if (i > 0 && rng.nextDouble() < 0.3) continue;
      for (Phone ph : known) {
        if (ph.canonical().equals(phones.get(i))) {
          phones.set(i, ph.variant(rng.nextInt(Phone.FORMAT_COUNT)));
          changed = true;
          break;
        }
      }
    }
    return changed;
  }

  private static boolean orgSuffix(Map<String, Object> r, Entity e, SplittableRandom rng) {
    if (!(e instanceof Org o) || r.get("orgName") == null) return false;
    r.put("orgName", o.nameVariants().get(rng.nextInt(o.nameVariants().size())));
    return true;
  }

  // ---- corruption ----------------------------------------------------------------------------------------

  /** A text field of the record addressed by a path, so that typos and OCR errors can pick any of them. */
  private record Slot(Map<String, Object> owner, String field, List<String> list, int index) {
    String get() {
      return list != null ? list.get(index) : (String) owner.get(field);
    }

    void set(String value) {
      if (list != null) list.set(index, value);
      else owner.put(field, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Slot> slots(Map<String, Object> r, boolean withIdentifiers) {
    List<Slot> out = new ArrayList<>();
    for (String f : new String[] {"givenName", "familyName", "fullName", "orgName"}) {
      if (r.get(f) instanceof String) out.add(new Slot(r, f, null, 0));
    }
    if (r.get("emails") instanceof List<?> emails && !emails.isEmpty()) {
      out.add(new Slot(null, null, (List<String>) emails, 0));
    }
    if (r.get("addresses") instanceof List<?> addresses && !addresses.isEmpty()) {
      Map<String, Object> a = (Map<String, Object>) addresses.get(0);
      if (a.get("line1") instanceof String) out.add(new Slot(a, "line1", null, 0));
      if (withIdentifiers && a.get("postcode") instanceof String) out.add(new Slot(a, "postcode", null, 0));
    }
    if (withIdentifiers) {
      for (String f : new String[] {"nationalId", "taxId"}) if (r.get(f) instanceof String) out.add(new Slot(r, f, null, 0));
      if (r.get("phones") instanceof List<?> phones) {
        for (int i = 0; i < phones.size(); i++) out.add(new Slot(null, null, (List<String>) phones, i));
      }
    }
    return out;
  }

  private static boolean typo(Map<String, Object> r, SplittableRandom rng) {
    List<Slot> candidates = new ArrayList<>();
    for (Slot s : slots(r, false)) if (latinLetters(editablePart(s.get())) >= 3) candidates.add(s);
    if (candidates.isEmpty()) return false;
    Slot slot = candidates.get(rng.nextInt(candidates.size()));
    String value = slot.get();
    String part = editablePart(value);
    String changed = keyboardSlip(part, rng);
    if (changed.equals(part)) return false;
    slot.set(changed + value.substring(part.length()));
    return true;
  }

  /** Typos go into the local part of an e-mail address; a broken domain would be a different error. */
  private static String editablePart(String value) {
    int at = value.indexOf('@');
    return at < 0 ? value : value.substring(0, at);
  }

  private static int latinLetters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (isLatin(s.charAt(i))) n++;
    return n;
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static String keyboardSlip(String s, SplittableRandom rng) {
    List<Integer> letters = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) if (isLatin(s.charAt(i))) letters.add(i);
    for (int attempt = 0; attempt < 10; attempt++) {
      int pos = letters.get(rng.nextInt(letters.size()));
      char c = s.charAt(pos);
      String out = switch (rng.nextInt(4)) {
        case 0 -> s.substring(0, pos + 1) + matchCase(neighbour(c, rng), c) + s.substring(pos + 1);
        case 1 -> s.substring(0, pos) + s.substring(pos + 1);
        case 2 -> s.substring(0, pos) + matchCase(neighbour(c, rng), c) + s.substring(pos + 1);
        default -> pos + 1 < s.length() && isLatin(s.charAt(pos + 1))
            ? s.substring(0, pos) + s.charAt(pos + 1) + c + s.substring(pos + 2) : s;
      };
      if (!out.equals(s)) return out;
    }
    return s;
  }

  private static char neighbour(char c, SplittableRandom rng) {
    char lower = Character.toLowerCase(c);
    for (int row = 0; row < KEYBOARD.length; row++) {
      int col = KEYBOARD[row].indexOf(lower);
      if (col < 0) continue;
      List<Character> near = new ArrayList<>();
      if (col > 0) near.add(KEYBOARD[row].charAt(col - 1));
      if (col + 1 < KEYBOARD[row].length()) near.add(KEYBOARD[row].charAt(col + 1));
      if (row > 0 && col < KEYBOARD[row - 1].length()) near.add(KEYBOARD[row - 1].charAt(col));
      if (row + 1 < KEYBOARD.length && col < KEYBOARD[row + 1].length()) near.add(KEYBOARD[row + 1].charAt(col));
      return near.get(rng.nextInt(near.size()));
    }
    return 'e';
  }

  private static char matchCase(char c, char like) {
    return Character.isUpperCase(like) ? Character.toUpperCase(c) : c;
  }

  private static boolean ocr(Map<String, Object> r, SplittableRandom rng) {
    List<Slot> candidates = new ArrayList<>();
    for (Slot s : slots(r, true)) if (ocrPositions(s.get()) > 0) candidates.add(s);
    if (candidates.isEmpty()) return false;
    Slot slot = candidates.get(rng.nextInt(candidates.size()));
    String value = slot.get();
    int target = rng.nextInt(ocrPositions(value));
    for (int i = 0; i < value.length(); i++) {
      for (String[] pair : OCR_PAIRS) {
        if (value.startsWith(pair[0], i) && target-- == 0) {
          slot.set(value.substring(0, i) + pair[1] + value.substring(i + pair[0].length()));
          return true;
        }
      }
    }
    return false;
  }

  private static int ocrPositions(String value) {
    int n = 0;
    for (int i = 0; i < value.length(); i++) for (String[] pair : OCR_PAIRS) if (value.startsWith(pair[0], i)) n++;
    return n;
  }

  private static boolean nationalIdTypo(Map<String, Object> r, SplittableRandom rng) {
    if (!(r.get("nationalId") instanceof String id)) return false;
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < id.length(); i++) if (Character.isDigit(id.charAt(i))) digits.add(i);
    if (digits.isEmpty()) return false;
    int pos = digits.get(rng.nextInt(digits.size()));
    char replacement = (char) ('0' + (id.charAt(pos) - '0' + 1 + rng.nextInt(9)) % 10);
    r.put("nationalId", id.substring(0, pos) + replacement + id.substring(pos + 1));
    return true;
  }

  private static boolean birthDateSwap(Map<String, Object> r) {
    if (!(r.get("birthDate") instanceof String date) || date.length() != 10) return false;
    String month = date.substring(5, 7);
    String day = date.substring(8, 10);
    if (day.equals(month) || Integer.parseInt(day) > 12) return false;
    r.put("birthDate", date.substring(0, 5) + day + "-" + month);
    return true;
  }

  // ---- dropping fields -----------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static boolean missing(Map<String, Object> r, SplittableRandom rng) {
    boolean guestOrder = "order".equals(r.get("kind"));
    List<String> present = new ArrayList<>();
    for (String f : new String[] {"nationalId", "birthDate", "taxId"}) if (r.get(f) != null) present.add(f);
    for (String f : new String[] {"emails", "phones", "addresses"}) {
      if (r.get(f) instanceof List<?> l && !l.isEmpty()) present.add(f);
    }
    if (guestOrder && !(present.contains("emails") && present.contains("phones"))) {
      // A guest order keeps at least one contact point, otherwise nothing could ever match it.
      present.remove("emails");
      present.remove("phones");
    }
    if (present.isEmpty()) return false;
    int drop = present.size() > 2 && rng.nextDouble() < 0.3 ? 2 : 1;
    for (int i = 0; i < drop; i++) {
      String f = present.remove(rng.nextInt(present.size()));
      if (r.get(f) instanceof List<?> l) ((List<Object>) l).clear();
      else r.put(f, null);
      if (guestOrder) present.remove(f.equals("emails") ? "phones" : f.equals("phones") ? "emails" : "");
    }
    return true;
  }
}
