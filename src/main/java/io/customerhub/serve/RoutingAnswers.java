package io.customerhub.serve;

import io.customerhub.profile.Profile;

/** Renders routing answers (never raw PII): for a known profile, and for a customer the hub does not know. */
public interface RoutingAnswers {

  String render(Profile profile);

  String unknown();
}
