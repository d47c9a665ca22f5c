package io.customerhub.serve;

import io.customerhub.coverage.CoverageQueries;
import io.customerhub.store.ProfileCodec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/sources}: how the sources cover the customers (see {@link io.customerhub.coverage}). Counts only,
 * no customer's values, for readers and stewards.
 */
public final class SourcesModule implements HttpApiVerticle.ApiModule {

  private final CoverageQueries coverage;

  public SourcesModule(CoverageQueries coverage) {
    this.coverage = coverage;
  }

  @Override
  public void mount(Router api) {
    api.get("/sources").handler(Auth.require("reader", "steward")).handler(this::report);
  }

  private void report(RoutingContext ctx) {
    coverage.report(Params.flag("completeness", ctx.queryParams().get("completeness"), false)).map(ProfileCodec::write)
        .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json))
        .onFailure(ctx::fail);
  }
}
