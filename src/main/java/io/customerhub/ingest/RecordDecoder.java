package io.customerhub.ingest;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.Kind;
import io.customerhub.record.MissingValues;
import io.customerhub.record.OrderInfo;
import io.customerhub.record.OrderStatus;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Validates a JSON object in canonical shape and turns it into a {@link CanonicalRecord}. Every problem is
 * reported with the field it concerns, all at once, so that a source can fix its feed in one go.
 */
public final class RecordDecoder {

  static final int MAX_TEXT = 1024;
  static final int MAX_ID_BYTES = 1024;
  static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
  /** An order's amount is stored as numeric(18,2): at most 16 digits before the point. */
  static final int AMOUNT_INTEGER_DIGITS = 16;
  static final int MAX_ITEMS = 50;
  /** Every top-level field the decoder reads, aliases included. */
  static final java.util.Set<String> CANONICAL_FIELDS = java.util.Set.of("source", "sourceId", "kind", "updatedAt",
      "deleted", "givenName", "familyName", "fullName", "orgName", "taxId", "nationalId", "birthDate", "emails",
      "email", "phones", "phone", "addresses", "address", "links", "attributes", "customerRef", "orderedAt", "amount",
      "currency", "status", "channel");

  private RecordDecoder() {
  }

  /** A number as the digits a source meant: 4.12345678E8 as 412345678, 4120.0 as 4120. */
  static String plain(Number n) {
    return n instanceof Double || n instanceof Float
        ? BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString() : n.toString();
  }

  /**
   * The outcome of decoding one input: a record, or the list of field errors. A record may come with warnings:
   * values left out because they are unusable (an impossible birth date) while the record itself is good.
   */
  public record Decoded(CanonicalRecord record, List<String> errors, List<String> warnings) {
    public boolean ok() {
      return errors.isEmpty();
    }

    public String reason() {
      return String.join("; ", errors);
    }
  }

  /**
   * Why a record sent to the hub cannot be stored under its keys (its own sourceId, its links', its customer's), or
   * null: a key over {@link #MAX_ID_BYTES} bytes of UTF-8 (the database's key index takes no more than some 2,700
   * bytes a row, and 1,024 characters of CJK are 3,072), or one holding U+FFFD, what bytes that were not UTF-8 are
   * read as: two different ids ({@code M\xfcller}, {@code M\xf6ller} in Latin-1) would be one, and a customer
   * silently replaced by another. Checked where records come in, not where stored ones are read back.
   */
  public static String keyProblem(CanonicalRecord r) {
    String own = keyProblem("sourceId", r.key());
    if (own != null) return own;
    for (int i = 0; i < r.links().size(); i++) {
      String link = keyProblem("links[" + i + "].sourceId", r.links().get(i));
      if (link != null) return link;
    }
    return r.order() == null || r.order().customerRef() == null ? null
        : keyProblem("customerRef.sourceId", r.order().customerRef());
  }

  private static String keyProblem(String path, SourceKey key) {
    String id = key.sourceId();
    if (id.indexOf('\uFFFD') >= 0) {
      return path + ": holds U+FFFD, what bytes that are not UTF-8 are read as: two different ids would read as one; "
          + "send it in UTF-8";
    }
    if (id.equals(".") || id.equals("..")) { // a URL's path drops such a segment: no lookup by key could name it
      return path + ": is '" + id + "', which no URL path can name (the lookups by key could not find the record)";
    }
    if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      return path + ": is longer than " + MAX_ID_BYTES + " bytes of UTF-8";
    }
    return null;
  }

  /**
   * @param json    the input, already passed through the source mapping
   * @param source  the source the door received it for; a differing {@code source} field is an error
   */
  public static Decoded decode(JsonObject json, String source, Kind defaultKind) {
    return decode(json, source, defaultKind, false);
  }

  /**
   * As above, for a source that writes its dates with the year last month first ({@code monthFirst}: 03/07/1990 is
   * March 7) or day first.
   */
  public static Decoded decode(JsonObject json, String source, Kind defaultKind, boolean monthFirst) {
    List<String> aliased = new ArrayList<>();
    Fields f = new Fields(FieldAliases.canonical(json, defaultKind, aliased), monthFirst);
    f.warnings.addAll(aliased);
    String declared = f.text("source");
    if (declared != null && !declared.equals(source)) {
      f.error("source", "is '" + declared + "' but the record was sent for source '" + source + "'");
    }
    String sourceId = f.id("sourceId");
    // a value of the wrong type has said so already
    boolean told = f.errors.stream().anyMatch(e -> e.startsWith("sourceId: "));
    if (sourceId == null && !told) f.error("sourceId", f.has("sourceId") ? "must not be blank" : "is required");
    Kind kind = f.kind(defaultKind);
    Instant updatedAt = f.instant("updatedAt");
    boolean deleted = f.bool("deleted");
    String birthDate = f.date("birthDate");
    List<String> emails = f.texts("emails", "email", false, MissingValues::inEmail);
    // ERPs and spreadsheets export phone numbers as numbers; an email never is one
    List<String> phones = f.texts("phones", "phone", true, MissingValues::inCode);
    List<Address> addresses = f.addresses();
    List<SourceKey> links = f.links();
    Map<String, Object> attributes = f.withExtraFields(f.attributes());
    String given = f.data("givenName", false);
    String family = f.data("familyName", false);
    String full = f.data("fullName", false);
    String org = f.data("orgName", false);
    String taxId = f.data("taxId", true);
    String nationalId = f.data("nationalId", true);
    OrderInfo order = null;
    if (kind == Kind.ORDER) {
      order = f.order();
      boolean guest = !emails.isEmpty() || !phones.isEmpty() || given != null || family != null || full != null;
      boolean refTold = f.errors.stream().anyMatch(e -> e.startsWith("customerRef"));
      if (order != null && order.customerRef() == null && !guest && !deleted && !refTold) {
        f.error("customerRef", "is required for an order without guest identity (emails, phones or names)");
      }
    }
    if (!f.errors.isEmpty()) return new Decoded(null, List.copyOf(f.errors), List.of());
    CanonicalRecord record = new CanonicalRecord(new SourceKey(source, sourceId), kind, updatedAt, deleted,
        given, family, full, org, taxId, nationalId, birthDate, emails, phones, addresses, links, attributes, order);
    return new Decoded(record, List.of(), List.copyOf(f.warnings));
  }

  /** Typed access to the input that records an error per field instead of throwing. */
  private static final class Fields {
    /** Whether the source writes dates with the year last month first. */
    private final boolean monthFirst;
    private final JsonObject json;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Fields(JsonObject json, boolean monthFirst) {
      this.monthFirst = monthFirst;
      this.json = json;
    }

    void error(String field, String reason) {
      errors.add(field + ": " + reason);
    }

    void warn(String field, String reason) {
      warnings.add(field + ": " + reason);
    }

    boolean has(String field) {
      return json.getValue(field) != null;
    }

    String text(String field) {
      return text(json, field, field);
    }

    String text(JsonObject obj, String field, String path) {
      Object v = obj.getValue(field);
      if (v == null) return null;
      if (!(v instanceof String s)) {
        error(path, "must be a string, got " + typeName(v));
        return null;
      }
      if (s.length() > MAX_TEXT) {
        error(path, "is longer than " + MAX_TEXT + " characters");
        return null;
      }
      String trimmed = s.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * A field that holds data about the customer, as text; a placeholder for no value ({@code NULL}, {@code nan},
     * {@code N/A}: {@link MissingValues}) is read as missing, with a warning naming it.
     *
     * @param code an identifier or a postcode (numbers taken as text, and more placeholders) rather than a name
     */
    String data(String field, boolean code) {
      return data(json, field, field, code);
    }

    String data(JsonObject obj, String field, String path, boolean code) {
      String s = code ? withoutZeroFraction(id(obj, field, path)) : text(obj, field, path);
      if (s == null || !(code ? MissingValues.inCode(s) : MissingValues.inText(s))) return s;
      return placeholder(path, s);
    }

    /** Warns that {@code value} of {@code path} stands for no value; always null. */
    String placeholder(String path, String value) {
      warn(path, "'" + value + "' stands for no value; left out");
      return null;
    }

    /**
     * "4120.0" as 4120: a data frame reads a column of numbers with gaps as floats, and writes them so as text, in one
     * file and not in the other. Only where the value is a code (ids, postcodes, phones, dates), never a source id.
     */
    static String withoutZeroFraction(String s) {
      if (s == null || s.length() < 3 || !s.endsWith("0")) return s;
      int dot = s.lastIndexOf('.');
      if (dot <= 0) return s;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (i < dot ? c < '0' || c > '9' : i > dot && c != '0') return s;
      }
      return s.substring(0, dot);
    }

    /** Identifiers may arrive as numbers from spreadsheets and ERPs; they are kept as text. */
    String id(String field) {
      return id(json, field, field);
    }

    String id(JsonObject obj, String field, String path) {
      Object v = obj.getValue(field);
      if (v instanceof Number n) return plain(n);
      return text(obj, field, path);
    }

    /**
     * The declared kind, else the source's default, else what the fields say without doubt: person names or a
     * birth date and nothing of an organization or an order make a person, an organization's name or tax id and
     * nothing of a person an organization (with a warning). Anything else must say its kind.
     */
    Kind kind(Kind defaultKind) {
      String k = text("kind");
      if (k == null) {
        if (defaultKind != null) return defaultKind;
        Kind inferred = inferredKind();
        if (inferred == null) {
          error("kind", "is required (person, organization or order)");
        } else {
          warn("kind", "missing; read as " + inferred.wire() + " from the fields given");
        }
        return inferred;
      }
      return Kind.fromWire(k).orElseGet(() -> {
        error("kind", "must be person, organization or order, got '" + k + "'");
        return null;
      });
    }

    private Kind inferredKind() {
      boolean person = has("givenName") || has("familyName") || has("fullName") || has("birthDate")
          || has("nationalId");
      boolean organization = has("orgName") || has("taxId");
      boolean order = has("customerRef") || has("orderedAt") || has("amount") || has("status");
      if (order) return null;
      if (person && !organization) return Kind.PERSON;
      if (organization && !person) return Kind.ORGANIZATION;
      return null;
    }

    boolean bool(String field) {
      Object v = json.getValue(field);
      if (v == null) return false;
      if (v instanceof Boolean b) return b;
      if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
        return Boolean.parseBoolean(s);
      }
      error(field, "must be true or false, got " + typeName(v));
      return false;
    }

    Instant instant(String field) {
      return instant(json, field, field);
    }

    /** An ISO-8601 time in the years 1 to 9999. */
    Instant instant(JsonObject obj, String field, String path) {
      String s = text(obj, field, path);
      if (s == null) return null;
      Instant at = parseInstant(s);
      if (at == null) {
        error(path, "is not an ISO-8601 timestamp such as 2026-11-01T08:00:00Z: '" + s + "'");
        return null;
      }
      if (at.isBefore(FIRST_INSTANT) || at.truncatedTo(ChronoUnit.MICROS).isAfter(LAST_INSTANT)) {
        error(path, "is outside the years 1 to 9999: '" + s + "'");
        return null;
      }
      // the database keeps microseconds and rounds: the last nanoseconds of 9999 would become the year 10000
      return at.isAfter(LAST_INSTANT) ? LAST_INSTANT : at;
    }

    private static Instant parseInstant(String s) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
          } catch (DateTimeParseException e3) {
            return null;
          }
        }
      }
    }

    /**
     * Dates are normalized to yyyy-MM-dd (also read from 19900307, as a number or text, and 1990/03/07). A
     * birth date no calendar has (1990-13-45, 1990-02-30) is a typo in the source, not a reason to lose the
     * customer: the record is accepted with what can be read of it (1990, 1990-02), text that is no date at all
     * without it, each with a warning that names the value. The source's own text stays in the stored raw record.
     */
    String date(String field) {
      Object v = json.getValue(field);
      String s;
      if (v instanceof Number n && n.longValue() == n.doubleValue()) {
        s = Long.toString(n.longValue());
      } else if (v == null || v instanceof String) {
        s = text(field);
      } else {
        warn(field, "is not a date (expected YYYY-MM-DD), got " + typeName(v) + "; left out");
        return null;
      }
      if (s == null) return null;
      s = withoutZeroFraction(s);
      if (MissingValues.inCode(s)) return placeholder(field, s);
      DateText.Read read = DateText.read(s, monthFirst);
      if (read == null) {
        warn(field, "is not a date (expected YYYY-MM-DD): '" + s + "'; left out");
        return null;
      }
      if (read.repaired()) warn(field, "is not a calendar date: '" + s + "'; kept " + read.iso());
      return read.iso();
    }

    List<String> texts(String field, String singular, boolean numbersAllowed, Predicate<String> placeholder) {
      List<Item> items = items(field, singular);
      if (items.size() > MAX_ITEMS) {
        error(field, "has more than " + MAX_ITEMS + " values");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Item it : items) {
        Object item = it.value();
        if (item == null) continue;
        if (numbersAllowed && item instanceof Number n) item = plain(n);
        if (numbersAllowed && item instanceof String t) item = withoutZeroFraction(t.strip());
        if (!(item instanceof String s)) {
          error(it.path(), "must be a string, got " + typeName(item));
          continue;
        }
        if (s.length() > MAX_TEXT) error(it.path(), "is longer than " + MAX_TEXT + " characters");
        else if (!s.isBlank() && placeholder.test(s.strip())) placeholder(it.path(), s.strip());
        else if (!s.isBlank() && !out.contains(s.strip())) out.add(s.strip());
      }
      return out;
    }

    /** A value of a list field, with the path that names it in an error. */
    private record Item(String path, Object value) {
    }

    /**
     * The values of a list field and of its singular alias together (phones and phone): a source mapping may fill
     * the one from a column of its own while the record carries the other, and neither may be lost. A single
     * value counts as a list of one.
     */
    private List<Item> items(String field, String singular) {
      List<Item> items = new ArrayList<>();
      for (String name : List.of(field, singular)) {
        Object v = json.getValue(name);
        if (v instanceof JsonArray arr) {
          for (int i = 0; i < arr.size(); i++) items.add(new Item(name + "[" + i + "]", arr.getValue(i)));
        } else if (v != null) {
          items.add(new Item(name.equals(field) ? field + "[0]" : name, v));
        }
      }
      return items;
    }

    /** Objects as the canonical record has them; an address written as one line of text is read as its line1. */
    List<Address> addresses() {
      List<Item> items = items("addresses", "address");
      List<Address> out = new ArrayList<>();
      for (Item it : items.subList(0, Math.min(items.size(), MAX_ITEMS))) {
        String path = it.path();
        Object item = it.value();
        if (item instanceof String line) item = new JsonObject().put("line1", line);
        if (!(item instanceof JsonObject given)) {
          if (item != null) error(path, "must be an object or a line of text, got " + typeName(item));
          continue;
        }
        JsonObject a = FieldAliases.address(given, path, warnings);
        Address address = new Address(data(a, "line1", path + ".line1", false),
            data(a, "line2", path + ".line2", false), data(a, "city", path + ".city", false),
            data(a, "region", path + ".region", false), data(a, "postcode", path + ".postcode", true),
            data(a, "country", path + ".country", false));
        if (!address.isEmpty()) out.add(address);
      }
      return out;
    }

    List<SourceKey> links() {
      Object v = json.getValue("links");
      if (v == null) return List.of();
      if (!(v instanceof JsonArray arr)) {
        error("links", "must be an array of {source, sourceId}");
        return List.of();
      }
      List<SourceKey> out = new ArrayList<>();
      for (int i = 0; i < Math.min(arr.size(), MAX_ITEMS); i++) {
        SourceKey key = reference(arr.getValue(i), "links[" + i + "]");
        if (key != null) out.add(key);
      }
      return out;
    }

    SourceKey reference(Object v, String path) {
      if (!(v instanceof JsonObject o)) {
        error(path, "must be an object {source, sourceId}");
        return null;
      }
      int told = errors.size();
      String s = text(o, "source", path + ".source");
      String id = id(o, "sourceId", path + ".sourceId");
      if (s == null || id == null) {
        // a part refused for what it holds has said why already
        if (errors.size() == told) error(path, "needs both source and sourceId");
        return null;
      }
      return new SourceKey(s, id);
    }

    Map<String, Object> attributes() {
      Object v = json.getValue("attributes");
      if (v == null) return Map.of();
      if (!(v instanceof JsonObject o)) {
        error("attributes", "must be an object, got " + typeName(v));
        return Map.of();
      }
      Map<String, Object> map = new java.util.TreeMap<>(o.getMap());
      map.values().removeIf(java.util.Objects::isNull);
      return map;
    }

    /**
     * Top-level fields the canonical record does not have ("gender", "occupation", a misspelt "birthdate"): a
     * text, number or true/false is kept among the attributes, where matching reads a gender and an occupation,
     * unless the attributes name it already; anything else is left out. Either way a warning names them, so that a
     * feed's misspelt field shows instead of going missing in silence.
     */
    Map<String, Object> withExtraFields(Map<String, Object> attributes) {
      List<String> kept = new ArrayList<>();
      List<String> left = new ArrayList<>();
      Map<String, Object> out = attributes;
      for (String name : json.fieldNames()) {
        Object v = json.getValue(name);
        if (CANONICAL_FIELDS.contains(name) || v == null) continue;
        boolean scalar = (v instanceof String t && t.length() <= MAX_TEXT) || v instanceof Number || v instanceof Boolean;
        if (!scalar || attributes.containsKey(name)) {
          left.add(name);
          continue;
        }
        if (out == attributes) out = new java.util.TreeMap<>(attributes);
        out.put(name, v instanceof String t ? t.strip() : v);
        kept.add(name);
      }
      warnNotCanonical(kept, "kept among the attributes");
      warnNotCanonical(left, "left out");
      return out;
    }

    /** One warning naming {@code names} (if any) and what became of them. */
    private void warnNotCanonical(List<String> names, String outcome) {
      if (names.isEmpty()) return;
      warn(String.join(", ", names.stream().sorted().toList()),
          "not " + (names.size() == 1 ? "a field" : "fields") + " of the canonical record; " + outcome);
    }

    OrderInfo order() {
      Object ref = json.getValue("customerRef");
      SourceKey customer = ref == null ? null : reference(ref, "customerRef");
      Instant orderedAt = instant("orderedAt");
      BigDecimal amount = null;
      Object a = json.getValue("amount");
      if (a instanceof Number n) amount = new BigDecimal(n.toString());
      else if (a instanceof String s && !s.isBlank()) {
        try {
          amount = new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
          error("amount", "must be a number, got '" + s + "'");
        }
      } else if (a != null && !(a instanceof String)) error("amount", "must be a number, got " + typeName(a));
      if (amount != null && amount.signum() < 0) error("amount", "must not be negative");
      // cents are kept: an amount below a thousandth is 0.00 as stored, without writing its zeros out
      if (amount != null && (long) amount.precision() - amount.scale() < -2) amount = BigDecimal.ZERO;
      // told from precision and scale first (writing 1E+1000000000 out in digits would take a gigabyte), then as
      // the database rounds it to cents (9999999999999999.999 is a digit too long once rounded)
      if (amount != null && ((long) amount.precision() - amount.scale() > AMOUNT_INTEGER_DIGITS
          || amount.setScale(2, RoundingMode.HALF_UP).precision() - 2 > AMOUNT_INTEGER_DIGITS)) {
        error("amount", "is larger than an amount can be (" + AMOUNT_INTEGER_DIGITS + " digits before the point)");
        amount = null;
      }
      String statusText = text("status");
      OrderStatus status = null;
      if (statusText != null) {
        status = OrderStatus.fromWire(statusText).orElse(null);
        if (status == null) {
          error("status", "must be one of placed, paid, shipped, delivered, returned, cancelled; got '"
              + statusText + "'");
        }
      }
      return new OrderInfo(customer, orderedAt, amount, text("currency"), status, text("channel"));
    }

    private static String typeName(Object v) {
      if (v instanceof JsonObject) return "an object";
      if (v instanceof JsonArray) return "an array";
      if (v instanceof Number) return "a number";
      if (v instanceof Boolean) return "a boolean";
      return "a string";
    }
  }
}
