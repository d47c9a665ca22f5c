package io.customerhub.steward;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which customer a value set by hand is about, when a profile is taken apart. A steward sets a value on a profile
 * as it is then, and the override keeps the keys of the records the profile held ({@code setWith}); a merge carries
 * it with them. When records are split out, an override goes with them if they hold most of the records it was set
 * with: a name a steward set on a customer, carried into a profile wrongly merged with it, leaves with that
 * customer's records when the merge is undone, rather than staying on the other customer. An override set before
 * the hub kept its records stays where it is. Pure.
 */
public final class OverrideOrigins {

  /** The key of an override entry that lists the records its profile held when it was set. */
  public static final String SET_WITH = "setWith";

  private OverrideOrigins() {
  }

  /**
   * The attributes whose overrides go with the {@code moved} records: those set with records of which more than
   * half move ({@code setWith} by attribute, record keys as {@code source:sourceId}).
   */
  public static List<String> movedWith(Map<String, ? extends Collection<String>> setWith, Set<String> moved) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, ? extends Collection<String>> e : setWith.entrySet()) {
      Collection<String> records = e.getValue();
      if (records == null || records.isEmpty()) continue;
      long going = records.stream().filter(moved::contains).count();
      if (going * 2 > records.size()) out.add(e.getKey());
    }
    out.sort(null);
    return out;
  }
}
