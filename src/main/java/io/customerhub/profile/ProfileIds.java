package io.customerhub.profile;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New profile ids: UUID version 7 (RFC 9562), the creation millisecond in the first 48 bits and 74 random bits.
 * Ids made close in time sort close together, so the primary key of {@code profile} and the crosswalk's index by
 * profile take each batch's new ids on a few neighbouring pages instead of one random page each: fewer pages
 * written and logged per record. 74 random bits keep ids of one millisecond from colliding (ids are not secrets:
 * every path needs a token); an id reveals when its profile was created, which the profile says anyway.
 */
public final class ProfileIds {

  private ProfileIds() {
  }

  public static UUID next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return at(System.currentTimeMillis(), random.nextLong(), random.nextLong());
  }

  /** The id of {@code millis} with these random bits (all but 74 of them are overwritten). */
  static UUID at(long millis, long randomHigh, long randomLow) {
    long high = (millis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
    long low = (randomLow & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
