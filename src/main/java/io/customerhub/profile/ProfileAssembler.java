package io.customerhub.profile;

import java.time.Instant;

/** STUB: computes a profile from its records and orders. Pure and thread-safe. */
public final class ProfileAssembler {

  public Profile assemble(ProfileInput input, Instant now) {
    throw new UnsupportedOperationException("stub");
  }
}
