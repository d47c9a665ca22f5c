/**
 * How the sources cover the customers ({@code GET /api/v1/sources}): per source, its records and the profiles it
 * takes part in, alone or with which other sources. {@link io.customerhub.coverage.SourceCoverage} is the pure
 * report; {@link io.customerhub.coverage.CoverageQueries} reads its counts from PostgreSQL in one snapshot.
 */
package io.customerhub.coverage;
