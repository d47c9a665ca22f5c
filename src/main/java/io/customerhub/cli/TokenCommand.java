package io.customerhub.cli;

import io.customerhub.config.HubConfig;
import io.customerhub.config.Secrets;
import io.customerhub.serve.Auth;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code bin/hub token --role ROLE[,ROLE…]}: prints a bearer token signed with the configured key. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Print a bearer token signed with the configured key.")
final class TokenCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions config;

  @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
      description = "one or more of: reader, router, ingest, steward, monitor, admin")
  List<String> roles;

  @Option(names = "--subject", defaultValue = "cli", description = "who the token is for (audit trail)")
  String subject;

  @Option(names = "--ttl", defaultValue = "-1", description = "minutes until it expires (default from configuration)")
  int ttlMinutes;

  @Override
  public Integer call() throws Exception {
    HubConfig cfg = config.load();
    Vertx vertx = Vertx.vertx();
    try {
      java.nio.file.Path secretFile = cfg.dataDir().resolve("jwt-secret");
      boolean made = cfg.auth().jwtSecret() == null && !java.nio.file.Files.exists(secretFile);
      Auth auth = new Auth(vertx, Secrets.jwtSecret(cfg), cfg.auth().issuer());
      if (made) { // the wrong data directory gave a token that no running hub takes, without a word
        System.err.println("no hub has run with " + cfg.dataDir() + " yet: made a new token secret in " + secretFile
            + "; a hub that runs with another data directory (HUB_DATA_DIR) or HUB_JWT_SECRET refuses this token");
      }
      // the bound auth.tokenTtlMinutes has: minutes times 60 overflowed an int past 35 million, into no expiry
      if (ttlMinutes != -1 && (ttlMinutes < 1 || ttlMinutes > HubConfig.MAX_TOKEN_TTL_MINUTES)) {
        throw new IllegalArgumentException("--ttl: minutes from 1 to " + HubConfig.MAX_TOKEN_TTL_MINUTES
            + " (ten years), not " + ttlMinutes);
      }
      String badSubject = Auth.subjectProblem(subject);
      if (badSubject != null) throw new IllegalArgumentException("--subject: " + badSubject);
      String token = auth.token(subject, roles, ttlMinutes > 0 ? ttlMinutes : cfg.auth().tokenTtlMinutes());
      // on standard error, so that scripts still read the token alone from standard output
      System.err.println("token id " + Auth.tokenId(token) + " (should the token leak: POST /api/v1/admin/revocations "
          + "{\"tokenId\": \"" + Auth.tokenId(token) + "\"})");
      System.out.println(token);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } finally {
      vertx.close();
    }
  }
}
