package io.customerhub.serve;

import io.customerhub.testing.HubTestNode;
import io.customerhub.testing.HubTestNode.Response;
import io.customerhub.testing.OneHubPerClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.customerhub.testing.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stewards' console: its pages load without a token and hold no data, under a policy that lets only its own
 * scripts run; every script module it imports is there; the API tells the signed-in caller who they are.
 */
class ConsoleIT extends OneHubPerClass {

  private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");
  private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  @Test
  void thePageLoadsWithoutATokenUnderAStrictPolicy() {
    Response page = hub.get("/console/", null);
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.contentType().startsWith("text/html"), page::toString);
    assertEquals(Console.CONTENT_SECURITY_POLICY, page.header("Content-Security-Policy"));
    assertTrue(page.header("Content-Security-Policy").contains("script-src 'self';"), "no inline or foreign script");
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    assertEquals("DENY", page.header("X-Frame-Options"));
    assertEquals("no-referrer", page.header("Referrer-Policy"));
    Matcher scripts = SCRIPT.matcher(page.body());
    while (scripts.find()) {
      assertTrue(scripts.group().contains("src="), () -> "an inline script the policy would refuse: " + scripts.group());
    }
  }

  @Test
  void withoutAnIdentityProviderThePagesOfferTheTokenSignInOnly() {
    Response signIn = hub.get("/console/sign-in.json", null);
    assertEquals(200, signIn.status(), signIn::toString);
    assertEquals(new io.vertx.core.json.JsonObject().putNull("provider"), signIn.json());
    assertEquals(Console.CONTENT_SECURITY_POLICY, signIn.header("Content-Security-Policy"));
    assertTrue(Console.CONTENT_SECURITY_POLICY.contains("connect-src 'self';"), Console.CONTENT_SECURITY_POLICY);
  }

  @Test
  void theBarePathLeadsToThePage() {
    Response bare = hub.get("/console", null);
    assertEquals(302, bare.status(), bare::toString);
    assertEquals("/console/", bare.header("Location"));
  }

  @Test
  void everyScriptModuleThePageImportsIsServedAsJavaScript() {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add("main.js");
    while (!todo.isEmpty()) {
      String module = todo.pop();
      if (!seen.add(module)) continue;
      Response js = hub.get("/console/js/" + module, null);
      assertEquals(200, js.status(), () -> module + ": " + js);
      assertTrue(js.contentType().startsWith("text/javascript"), () -> module + ": " + js.contentType());
      assertFalse(js.body().contains("innerHTML"), () -> module + " writes markup: data must go in as text");
      Matcher imports = IMPORT.matcher(js.body());
      while (imports.find()) todo.add(imports.group(1));
    }
    assertTrue(seen.containsAll(Set.of("main.js", "api.js", "dom.js", "format.js", "reviews.js", "profile.js",
        "lookup.js", "sources.js", "model.js")), seen::toString);
    assertEquals(200, hub.get("/console/console.css", null).status());
  }

  @Test
  void nothingOutsideTheConsoleIsServedFromIt() {
    assertNotEquals(200, hub.get("/console/../conf/hub.json", null).status());
    assertNotEquals(200, hub.get("/console/%2e%2e/%2e%2e/conf/hub.json", null).status());
    assertProblem(404, hub.get("/console-not/index.html", null));
    assertEquals(404, hub.get("/console/missing.js", null).status());
  }

  @Test
  void theApiSaysWhoIsSignedIn() {
    Response me = hub.get("/api/v1/me", hub.token("steward", "reader"));
    assertEquals(200, me.status(), me::toString);
    assertEquals("it-steward-reader", me.json().getString("subject"));
    assertEquals(Set.of("steward", "reader"), new HashSet<>(me.json().getJsonArray("roles").getList()));
    Instant expires = Instant.parse(me.json().getString("expiresAt"));
    assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(10))), () -> "expires " + expires);
    assertProblem(401, hub.get("/api/v1/me", null));
    assertEquals(200, hub.get("/api/v1/me", hub.token("router")).status(), "any role may ask");
  }

  @Test
  void theConsoleCanBeSwitchedOff() {
    try (HubTestNode off = HubTestNode.builder().env("HUB_HTTP_CONSOLE", "false").start()) {
      assertProblem(404, off.get("/console/", null));
      assertEquals(200, off.get("/api/v1/me", off.token("reader")).status(), "the API stays");
    }
  }
}
