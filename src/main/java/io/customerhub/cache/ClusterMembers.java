package io.customerhub.cache;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the members of one Hazelcast cluster must agree on, checked as a node joins. They share one cache of profiles
 * and routing answers, so they must share one database: two hubs on one machine find each other by the cluster
 * settings alone, and a second hub with its own database answered the first one's customers by key as its own. And
 * a caller may land on any of them, so each must accept the tokens the others sign: without a shared secret, each
 * node made its own, and a token worked on one node and was refused on the other, with nothing saying why.
 */
public final class ClusterMembers {

  static final String MAP = "hub-members";

  /**
   * This node as the others see it: its database's id, the fingerprint of the key it signs with and those of every
   * key it accepts (the current one and the previous ones of a rotation).
   */
  public record Self(UUID database, String signs, List<String> accepts) {
    public static Self of(UUID database, String currentSecret, List<String> previousSecrets) {
      List<String> accepted = new java.util.ArrayList<>(List.of(fingerprint(currentSecret)));
      for (String s : previousSecrets) accepted.add(fingerprint(s));
      return new Self(database, fingerprint(currentSecret), accepted);
    }

    JsonObject json() {
      return new JsonObject().put("database", database.toString()).put("signs", signs)
          .put("accepts", new JsonArray(accepts));
    }
  }

  private ClusterMembers() {
  }

  /**
   * Registers this member, or says why it may not join: a live member serves another database, or signs tokens
   * this node refuses, or refuses those it signs. Entries of members that left are dropped on the way. Blocking:
   * called while a node starts.
   */
  public static Optional<String> claim(HazelcastInstance hz, Self self) {
    IMap<String, String> members = hz.getMap(MAP);
    String me = hz.getCluster().getLocalMember().getUuid().toString();
    Set<String> live = hz.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString)
        .collect(Collectors.toSet());
    for (Map.Entry<String, String> e : members.entrySet()) {
      if (!live.contains(e.getKey())) {
        members.remove(e.getKey(), e.getValue());
        continue;
      }
      if (e.getKey().equals(me)) continue;
      Optional<String> conflict = conflict(self, new JsonObject(e.getValue()));
      if (conflict.isPresent()) return conflict;
    }
    members.put(me, self.json().encode());
    return Optional.empty();
  }

  /** Why {@code self} cannot serve beside the member {@code other} says it is, if it cannot. */
  static Optional<String> conflict(Self self, JsonObject other) {
    String database = other.getString("database");
    if (database != null && !database.equals(self.database().toString())) {
      return Optional.of("its members serve another database (hub " + database + ", this one " + self.database()
          + ") and would share their cached customers with this node; give each hub its own cluster name");
    }
    String signs = other.getString("signs");
    JsonArray accepts = other.getJsonArray("accepts", new JsonArray());
    if (signs != null && (!self.accepts().contains(signs) || !accepts.contains(self.signs()))) {
      return Optional.of("its members sign tokens with another key (auth.jwtSecret, HUB_JWT_SECRET), so a token would "
          + "work on one node and not on another; give every node the same secret (each made its own in its data "
          + "directory), or list the other one in auth.previousJwtSecrets while a key is rotated");
    }
    return Optional.empty();
  }

  /** A key's fingerprint: what tells two keys apart without telling either. */
  static String fingerprint(String secret) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("customer-hub signing key " + secret).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
