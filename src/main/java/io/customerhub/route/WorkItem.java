package io.customerhub.route;

import io.customerhub.record.SourceKey;

import java.time.Instant;

/** A piece of work waiting for someone (a ticket, a call-back, an order issue) and the customer it is for. */
public record WorkItem(String id, SourceKey customer, String type, Instant createdAt) {
}
