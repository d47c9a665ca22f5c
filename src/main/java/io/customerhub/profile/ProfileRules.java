package io.customerhub.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the assembler is configured with, decoded once at start from conf/profile.json (survivorship,
 * orders, tiers). Missing sections fall back to {@link #defaults()}, which the shipped files spell out.
 */
public record ProfileRules(SurvivorshipRules survivorship, OrderRules orders, TierRules tiers) {

  /** The shape of conf/profile.json. */
  record ProfileFile(SurvivorshipRules survivorship, OrderRules orders, TierRules tiers) {
  }

  public ProfileRules {
    if (survivorship == null) survivorship = SurvivorshipRules.defaults();
    if (orders == null) orders = OrderRules.defaults();
    if (tiers == null) tiers = TierRules.defaults();
  }

  public static ProfileRules defaults() {
    return new ProfileRules(null, null, null);
  }

  /** Reads {@code profile.json} from the configuration directory; a missing file means defaults. */
  public static ProfileRules load(Path confDir) {
    Path profile = confDir.resolve("profile.json");
    return Files.exists(profile) ? of(RulesJson.read(profile, ProfileFile.class)) : defaults();
  }

  /** From the parsed content of conf/profile.json. */
  public static ProfileRules fromMap(Map<String, ?> profileJson) {
    return of(RulesJson.convert(profileJson, ProfileFile.class));
  }

  private static ProfileRules of(ProfileFile f) {
    return new ProfileRules(f.survivorship(), f.orders(), f.tiers());
  }
}
