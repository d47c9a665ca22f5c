package io.customerhub.cli;

import io.customerhub.config.ConfigLoader;
import io.customerhub.config.HubConfig;
import io.vertx.core.json.DecodeException;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Options every command shares: which configuration file to read. */
final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: conf/hub.json)")
  Path configFile;

  HubConfig load() {
    Path file = configFile != null ? configFile : ConfigLoader.confDir().resolve("hub.json");
    try {
      return ConfigLoader.load(file, System.getenv());
    } catch (UncheckedIOException e) { // missing, unreadable: one line naming the file, not a stack trace
      throw new IllegalArgumentException("cannot read configuration " + file + ": " + HubCommand.reason(e.getCause()));
    } catch (DecodeException e) {
      throw new IllegalArgumentException("configuration " + file + " is not valid JSON: " + e.getMessage());
    }
  }
}
