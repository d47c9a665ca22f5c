/**
 * The unified 360° profile, pure domain code. {@link io.customerhub.profile.ProfileAssembler} turns a profile's
 * member records and orders into a {@link io.customerhub.profile.Profile}: golden values by per-attribute
 * survivorship ({@link io.customerhub.profile.Survivorship}) with every candidate kept as lineage, order
 * aggregates, a value tier from {@link io.customerhub.profile.TierThresholds} and risk tags from
 * {@code io.customerhub.risk}. Rules come from conf/profile.json and conf/risk.json via
 * {@link io.customerhub.profile.ProfileRules}. No Vert.x, no I/O beyond reading those files.
 */
package io.customerhub.profile;
