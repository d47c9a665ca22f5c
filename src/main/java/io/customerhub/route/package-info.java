/**
 * Routing and prioritization for callers without PII rights: {@link io.customerhub.route.RoutingPolicy}
 * (conf/routing.json) maps a profile's tier and risk codes to a lane and a priority;
 * {@link io.customerhub.route.Prioritizer} ranks work items by that priority and their waiting time against
 * the service level of the customer's tier and the item type.
 */
package io.customerhub.route;
