package io.customerhub.serve;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.resolve.Explanations;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/** Why records are together: {@code GET /profiles/{id}/explain}. */
public final class MatchingModule implements HttpApiVerticle.ApiModule {

  private final Explanations explanations;
  private final ProfileReadModel readModel;

  public MatchingModule(Explanations explanations, ProfileReadModel readModel) {
    this.explanations = explanations;
    this.readModel = readModel;
  }

  @Override
  public void mount(Router api) {
    api.get("/profiles/:profileId/explain").handler(Auth.require("reader", "steward")).handler(this::explain);
  }

  private void explain(RoutingContext ctx) {
    UUID id = ProfileHandlers.profileId(ctx);
    readModel.stored(id).compose(stored -> {
      if (stored == null || !"active".equals(stored.status()) && stored.mergedInto() == null) {
        throw HubException.notFound("no profile " + id);
      }
      if (stored.mergedInto() != null) {
        ProfileHandlers.redirect(ctx, stored.mergedInto() + "/explain");
        return io.vertx.core.Future.succeededFuture();
      }
      return explanations.of(id).onSuccess(json -> ProfileHandlers.json(ctx, json.encode()));
    }).onFailure(ctx::fail);
  }
}
