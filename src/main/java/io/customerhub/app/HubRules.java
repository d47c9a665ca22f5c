package io.customerhub.app;

import io.customerhub.ingest.SourceMappings;
import io.customerhub.profile.ProfileRules;
import io.customerhub.resolve.match.MatchingConfig;
import io.customerhub.route.RoutingPolicy;

import java.nio.file.Path;

/**
 * Every rule file of {@code conf/}, read and checked before a node starts anything else: a mistake in one is
 * refused within a second, naming the file and the field, instead of after PostgreSQL, Hazelcast and the model
 * have started (the first start of an embedded PostgreSQL alone takes seconds).
 */
record HubRules(MatchingConfig matching, ProfileRules profile, RoutingPolicy routing, SourceMappings mappings) {

  static HubRules load(Path confDir) {
    return new HubRules(MatchingConfig.load(confDir.resolve("matching.json")), ProfileRules.load(confDir),
        RoutingPolicy.load(confDir), SourceMappings.load(confDir));
  }
}
