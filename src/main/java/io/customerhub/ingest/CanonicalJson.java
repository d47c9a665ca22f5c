package io.customerhub.ingest;

import io.customerhub.record.Address;
import io.customerhub.record.CanonicalRecord;
import io.customerhub.record.OrderInfo;
import io.customerhub.record.SourceKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** The canonical JSON form of a record, as stored and as answered: fields in a fixed order, nulls left out. */
public final class CanonicalJson {

  private CanonicalJson() {
  }

  public static JsonObject encode(CanonicalRecord r) {
    JsonObject o = new JsonObject()
        .put("source", r.source())
        .put("sourceId", r.sourceId())
        .put("kind", r.kind().wire());
    putIfSet(o, "updatedAt", r.updatedAt() == null ? null : r.updatedAt().toString());
    if (r.deleted()) o.put("deleted", true);
    putIfSet(o, "givenName", r.givenName());
    putIfSet(o, "familyName", r.familyName());
    putIfSet(o, "fullName", r.fullName());
    putIfSet(o, "orgName", r.orgName());
    putIfSet(o, "taxId", r.taxId());
    putIfSet(o, "nationalId", r.nationalId());
    putIfSet(o, "birthDate", r.birthDate());
    if (!r.emails().isEmpty()) o.put("emails", new JsonArray(r.emails()));
    if (!r.phones().isEmpty()) o.put("phones", new JsonArray(r.phones()));
    if (!r.addresses().isEmpty()) {
      JsonArray arr = new JsonArray();
      for (Address a : r.addresses()) arr.add(address(a));
      o.put("addresses", arr);
    }
    if (!r.links().isEmpty()) {
      JsonArray arr = new JsonArray();
      for (SourceKey k : r.links()) arr.add(key(k));
      o.put("links", arr);
    }
    if (!r.attributes().isEmpty()) o.put("attributes", sorted(r.attributes()));
    OrderInfo order = r.order();
    if (order != null) {
      if (order.customerRef() != null) o.put("customerRef", key(order.customerRef()));
      putIfSet(o, "orderedAt", order.orderedAt() == null ? null : order.orderedAt().toString());
      if (order.amount() != null) o.put("amount", order.amount());
      putIfSet(o, "currency", order.currency());
      putIfSet(o, "status", order.status() == null ? null : order.status().wire());
      putIfSet(o, "channel", order.channel());
    }
    return o;
  }

  /** Decodes a record that was stored by {@link #encode}; stored records are valid by construction. */
  public static CanonicalRecord decodeStored(String json) {
    JsonObject o = new JsonObject(json);
    RecordDecoder.Decoded d = RecordDecoder.decode(o, o.getString("source"), null);
    if (!d.ok()) throw new IllegalStateException("stored record does not decode: " + d.reason());
    return d.record();
  }

  /** A stable fingerprint of the record's content, so that the same version delivered twice changes nothing. */
  public static String contentHash(JsonObject canonical) {
    return contentHash(canonical.encode());
  }

  /** The same hash of an already encoded canonical record (what {@link #encode} returned, encoded). */
  public static String contentHash(String encodedCanonical) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(encodedCanonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Nested maps in key order, so that equal content always hashes equally. */
  @SuppressWarnings("unchecked")
  private static JsonObject sorted(java.util.Map<String, Object> map) {
    JsonObject out = new JsonObject(new java.util.LinkedHashMap<>());
    for (java.util.Map.Entry<String, Object> e : new TreeMap<>(map).entrySet()) {
      Object v = e.getValue();
      if (v instanceof JsonObject j) v = sorted(j.getMap());
      else if (v instanceof java.util.Map<?, ?> m) v = sorted((java.util.Map<String, Object>) m);
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** A record's key as the canonical record writes references ({@code links}, {@code customerRef}). */
  public static JsonObject key(SourceKey k) {
    return new JsonObject().put("source", k.source()).put("sourceId", k.sourceId());
  }

  private static JsonObject address(Address a) {
    JsonObject o = new JsonObject();
    putIfSet(o, "line1", a.line1());
    putIfSet(o, "line2", a.line2());
    putIfSet(o, "city", a.city());
    putIfSet(o, "region", a.region());
    putIfSet(o, "postcode", a.postcode());
    putIfSet(o, "country", a.country());
    return o;
  }

  private static void putIfSet(JsonObject o, String field, Object value) {
    if (value != null) o.put(field, value);
  }
}
