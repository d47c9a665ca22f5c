/**
 * Risk tags as declared rules (conf/risk.json): generic rule types (attribute threshold on one source's
 * records, order aggregate threshold, order ratio in a window, conflicting values, order recency), evaluated by
 * {@link io.customerhub.risk.RiskEngine}, which keeps each tag's {@code since} while it holds and records
 * raised/cleared entries in a bounded history.
 */
package io.customerhub.risk;
