package io.customerhub.cache;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The members of one Hazelcast cluster share one cache of profiles and routing answers, so they must share one
 * database. Two hubs on one machine find each other by the cluster name alone: a second hub with its own database
 * and the default name joined the first one's cluster and answered the first one's customers by key as its own.
 * Each member says which database it serves (its {@code hub_identity}); a node whose database is not that of the
 * live members is refused at start.
 */
public final class ClusterDatabase {

  static final String MAP = "hub-member-database";

  private ClusterDatabase() {
  }

  /**
   * Registers this member's database, or says why it may not join: the other database's id when a live member
   * serves one. Entries of members that left are dropped on the way. Blocking: called while a node starts.
   */
  public static Optional<UUID> claim(HazelcastInstance hz, UUID database) {
    IMap<String, String> served = hz.getMap(MAP);
    String self = hz.getCluster().getLocalMember().getUuid().toString();
    Set<String> live = hz.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString)
        .collect(Collectors.toSet());
    for (Map.Entry<String, String> e : served.entrySet()) {
      if (!live.contains(e.getKey())) {
        served.remove(e.getKey(), e.getValue());
      } else if (!e.getKey().equals(self) && !e.getValue().equals(database.toString())) {
        return Optional.of(UUID.fromString(e.getValue()));
      }
    }
    served.put(self, database.toString());
    return Optional.empty();
  }
}
