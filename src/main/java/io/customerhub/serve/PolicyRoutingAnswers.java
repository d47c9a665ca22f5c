package io.customerhub.serve;

import io.customerhub.profile.Profile;
import io.customerhub.route.RoutingPolicy;
import io.customerhub.store.ProfileCodec;

/** Routing answers rendered once per profile change from the configured lane policy, then served from cache. */
public final class PolicyRoutingAnswers implements RoutingAnswers {

  private final RoutingPolicy policy;
  private final String unknown;

  public PolicyRoutingAnswers(RoutingPolicy policy) {
    this.policy = policy;
    this.unknown = ProfileCodec.write(policy.unknownCustomer().toView());
  }

  @Override
  public String render(Profile profile) {
    return ProfileCodec.write(policy.decide(profile).toView());
  }

  @Override
  public String unknown() {
    return unknown;
  }
}
