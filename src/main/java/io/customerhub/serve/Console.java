package io.customerhub.serve;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data stewards' console: static pages under {@code /console/} (classpath {@code webroot/console}). The pages
 * hold no data and need no token to load; everything they show comes from the API with the token the steward
 * signs in with, so the API's roles decide what a console user may see and do, exactly as for any other caller.
 * The pages' own scripts are the only ones allowed to run (a strict Content-Security-Policy, no inline script),
 * and they put data in the page as text, never as markup: a customer's name cannot become script.
 */
final class Console {

  static final String PATH = "/console";
  static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(Optional.empty());

  private Console() {
  }

  /**
   * @param signIn the identity provider's endpoints and the console's client there, when stewards sign in at the
   *               organization's provider ({@link IdentityProvider#consoleSignIn()}); the pages read them from
   *               {@code sign-in.json}, and the page may then reach the provider's token endpoint, nothing else
   */
  static void mount(Router root, Supplier<Optional<JsonObject>> signIn) {
    root.get(PATH + "/sign-in.json").handler(ctx -> {
      Optional<JsonObject> provider = signIn.get();
      securityHeaders(ctx, provider);
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end(new JsonObject().put("provider", provider.orElse(null)).encode());
    });
    // the router lets "/console" match "/console/" too: only the bare path is sent on to the index
    root.get(PATH).handler(ctx -> {
      if (ctx.request().path().equals(PATH)) ctx.redirect(PATH + "/");
      else ctx.next();
    });
    root.route(PATH + "/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(ctx -> {
          securityHeaders(ctx, signIn.get());
          ctx.next();
        })
        .handler(StaticHandler.create("webroot/console").setIndexPage("index.html")
            .setDefaultContentEncoding("UTF-8")
            // revalidated on every load (Last-Modified), so that a new release's scripts are never mixed with old ones
            .setMaxAgeSeconds(0));
  }

  private static void securityHeaders(RoutingContext ctx, Optional<JsonObject> signIn) {
    ctx.response().headers()
        .set("Content-Security-Policy", contentSecurityPolicy(signIn.map(p -> origin(p.getString("tokenEndpoint")))))
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set(HttpHeaders.CACHE_CONTROL, "no-cache");
  }

  /** The pages' own scripts and styles only; requests to the hub and, when stewards sign in there, the provider. */
  static String contentSecurityPolicy(Optional<String> providerOrigin) {
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
        + providerOrigin.map(o -> " " + o).orElse("")
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
