package io.customerhub.store;

import io.customerhub.profile.Profile;
import io.customerhub.profile.ProfileChanges;
import io.customerhub.record.SourceKey;

import java.util.List;
import java.util.UUID;

/**
 * One committed change of one profile, handed to the cache after the commit. {@code profile} is null when the
 * profile is gone (merged away or deleted); {@code mergedInto} names the survivor of a merge; {@code changes} says
 * what differs from the previous version, for change events (null when the profile is gone).
 */
public record ProfileChange(UUID profileId, String type, long version, Profile profile, UUID mergedInto,
                            List<SourceKey> detachedKeys, ProfileChanges changes) {

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String MERGED = "merged";
  public static final String DELETED = "deleted";
  public static final String SPLIT = "split";
  /** Deleted at the customer's request, with everything its records said; {@code detachedKeys} names them. */
  public static final String ERASED = "erased";

  /** A change without a new profile version to compare (merged away, deleted). */
  public ProfileChange(UUID profileId, String type, long version, Profile profile, UUID mergedInto,
                       List<SourceKey> detachedKeys) {
    this(profileId, type, version, profile, mergedInto, detachedKeys, null);
  }
}
