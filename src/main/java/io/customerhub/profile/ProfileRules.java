package io.customerhub.profile;

import io.customerhub.risk.RiskRules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the assembler is configured with, decoded once at start from conf/profile.json (survivorship,
 * orders, tiers) and conf/risk.json (risk rules); the node adds the nicknames its matcher reads
 * and name counts ({@link #withNames}), so that survivorship counts a nickname as backing its formal name.
 * Missing sections fall back to {@link #defaults()}, which the shipped files spell out.
 */
public record ProfileRules(SurvivorshipRules survivorship, OrderRules orders, TierRules tiers, RiskRules risk,
                           NameKnowledge names) {

  /** The shape of conf/profile.json. */
  record ProfileFile(SurvivorshipRules survivorship, OrderRules orders, TierRules tiers) {
  }

  public ProfileRules {
    if (survivorship == null) survivorship = SurvivorshipRules.defaults();
    if (orders == null) orders = OrderRules.defaults();
    if (tiers == null) tiers = TierRules.defaults();
    if (risk == null) risk = RiskRules.defaults();
    if (names == null) names = NameKnowledge.NONE;
  }

  /** The same rules knowing these names: the matcher's nicknames (conf/nicknames.txt) and name counts. */
  public ProfileRules withNames(NameKnowledge other) {
    return new ProfileRules(survivorship, orders, tiers, risk, other);
  }

  public static ProfileRules defaults() {
    return new ProfileRules(null, null, null, null, null);
  }

  /** Reads {@code profile.json} and {@code risk.json} from the configuration directory; missing files mean defaults. */
  public static ProfileRules load(Path confDir) {
    Path profile = confDir.resolve("profile.json");
    ProfileFile f = Files.exists(profile) ? RulesJson.read(profile, ProfileFile.class) : new ProfileFile(null, null, null);
    return new ProfileRules(f.survivorship(), f.orders(), f.tiers(), RiskRules.load(confDir), null);
  }

  /** From the parsed content of conf/profile.json and conf/risk.json (either may be empty). */
  public static ProfileRules fromMaps(Map<String, ?> profileJson, Map<String, ?> riskJson) {
    ProfileFile f = RulesJson.convert(profileJson, ProfileFile.class);
    return new ProfileRules(f.survivorship(), f.orders(), f.tiers(), RiskRules.fromMap(riskJson), null);
  }
}
