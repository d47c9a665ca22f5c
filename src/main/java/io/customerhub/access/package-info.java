/**
 * Who may still call: bearer tokens revoked before they expire. A token is revoked by its id ({@code jti}), or
 * every token of a subject issued up to a moment (a leaked service credential whose token ids nobody kept). The
 * revocations live in PostgreSQL, shared by every node, and each node holds them in memory ({@link
 * io.customerhub.access.Revocations}) so that checking a request costs two map lookups, never a query.
 */
package io.customerhub.access;
