package io.customerhub.cache;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Hazelcast member settings for the hub, built in code so that every node and every test agrees on them. */
public final class HazelcastConfigs {

  private static final Logger LOG = LoggerFactory.getLogger(HazelcastConfigs.class);

  public static final int DEFAULT_PORT = 5701;
  public static final List<String> LOOPBACK_MEMBERS = List.of("127.0.0.1");

  private static final String LOOPBACK = "127.0.0.1";
  private static final int NEAR_CACHE_ENTRIES = 100_000;

  private HazelcastConfigs() {
  }

  /** A member of {@code clusterName} that only talks to other members on this machine. */
  public static Config member(String clusterName) {
    return member(clusterName, LOOPBACK_MEMBERS, DEFAULT_PORT);
  }

  /**
   * A member of {@code clusterName} that joins the given members ({@code host} or {@code host:port}) over TCP.
   * If all members are loopback addresses the member binds to 127.0.0.1 only; otherwise (e.g. containers named
   * {@code hub1,hub2}) it binds to the machine's network address so that the others can reach it.
   */
  public static Config member(String clusterName, List<String> members, int port) {
    Config config = new Config().setClusterName(clusterName);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // near-cache invalidations travel at once instead of in 10-second batches: a routing answer must not lag a
    // committed change on another node by seconds
    config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
    // a member that stops answering (a long pause, a frozen VM) held every cache call on its partitions for up to a
    // minute, and the healthy node's writes and reads with them: calls now give up after 5 s (reads fall back to
    // PostgreSQL), and a member silent for 20 s leaves the cluster, its partitions taken over by the others
    config.setProperty("hazelcast.operation.call.timeout.millis", "5000");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "20");
    // Without these a member waits ~12 s for others before it considers itself started.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");

    NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
    if (members.stream().allMatch(HazelcastConfigs::isLoopback)) {
      config.setProperty("hazelcast.socket.bind.any", "false");
      network.getInterfaces().setEnabled(true).addInterface(LOOPBACK);
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(1);

    config.addMapConfig(cachedMap(ProfileCache.PROFILES));
    config.addMapConfig(cachedMap(ProfileCache.ROUTING));
    // Vert.x keeps event-bus subscriptions in this multimap and expects set semantics (its default-cluster.xml).
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    return config;
  }

  /**
   * Builds a Vert.x instance clustered over a Hazelcast member with {@code hz}. When that member is bound to
   * loopback the event bus is too; otherwise the event bus uses the address Hazelcast announces.
   */
  public static Future<Vertx> clusteredVertx(Config hz, VertxOptions options) {
    return clusteredVertx(hz, options, null, false);
  }

  /**
   * As above, with Vert.x's own meters (pools, event bus, JVM, and the HTTP server's per request when
   * {@code requestMetrics}) in {@code registry} when given.
   */
  public static Future<Vertx> clusteredVertx(Config hz, VertxOptions options, MeterRegistry registry,
                                             boolean requestMetrics) {
    VertxOptions effective = new VertxOptions(options);
    if (hz.getNetworkConfig().getInterfaces().isEnabled()) {
      String host = hz.getNetworkConfig().getInterfaces().getInterfaces().iterator().next();
      effective.getEventBusOptions().setHost(host).setClusterPublicHost(host);
    }
    long started = System.nanoTime();
    VertxBuilder builder = Vertx.builder();
    if (registry != null) {
      MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
      // recording them costs the routing path's tail: one lookup in a hundred took 4 ms instead of under 2
      if (!requestMetrics) metrics.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER);
      effective.setMetricsOptions(metrics);
      builder.withMetrics(new MicrometerMetricsFactory(registry));
    }
    return builder.with(effective).withClusterManager(new HazelcastClusterManager(hz)).buildClustered()
        .onSuccess(v -> LOG.info("clustered Vert.x joined Hazelcast cluster {} in {} ms", hz.getClusterName(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  /**
   * Serving nodes read profiles and routing answers far more often than they change: a near cache answers
   * repeated reads from local memory, and invalidation on change keeps it from serving a stale profile after a
   * merge. Caching local entries matters on a single member, where every entry is local and would otherwise
   * never be near-cached.
   */
  private static MapConfig cachedMap(String name) {
    NearCacheConfig nearCache = new NearCacheConfig(name)
        .setInMemoryFormat(InMemoryFormat.OBJECT)
        .setInvalidateOnChange(true)
        .setCacheLocalEntries(true)
        .setEvictionConfig(new EvictionConfig()
            .setEvictionPolicy(EvictionPolicy.LRU)
            .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
            .setSize(NEAR_CACHE_ENTRIES));
    return new MapConfig(name).setBackupCount(1).setNearCacheConfig(nearCache);
  }

  private static boolean isLoopback(String member) {
    String host = member.contains(":") ? member.substring(0, member.lastIndexOf(':')) : member;
    return host.equals("localhost") || host.startsWith("127.");
  }
}
