package io.customerhub.steward;

import io.customerhub.cache.ProfileReadModel;
import io.customerhub.resolve.KeptApartSync;
import io.customerhub.resolve.index.IndexSync;
import io.customerhub.store.ProfileStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * The stewards' capability: the review queue, direct actions on profiles and the erasure of a customer, sharing one
 * way of changing them.
 */
public final class Steward {

  private final ProfileSurgery surgery;
  private final StewardDecisions decisions;
  private final ProfileActions actions;
  private final CustomerErasure erasure;

  public Steward(Vertx vertx, Pool pool, ProfileStore store, IndexSync sync, ProfileReadModel readModel,
                 KeptApartSync keptApart) {
    this.surgery = new ProfileSurgery(vertx, pool, store, sync, readModel, keptApart);
    this.decisions = new StewardDecisions(surgery);
    this.actions = new ProfileActions(surgery);
    this.erasure = new CustomerErasure(surgery);
  }

  /** Loads the pairs stewards kept apart, and listens for those decided on other nodes. */
  public Future<Integer> start() {
    return surgery.start();
  }

  public StewardDecisions decisions() {
    return decisions;
  }

  public ProfileActions actions() {
    return actions;
  }

  public CustomerErasure erasure() {
    return erasure;
  }
}
