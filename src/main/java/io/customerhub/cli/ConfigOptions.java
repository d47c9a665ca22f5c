package io.customerhub.cli;

import io.customerhub.config.ConfigLoader;
import io.customerhub.config.HubConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command shares: which configuration file to read. */
final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: conf/hub.json)")
  Path configFile;

  HubConfig load() {
    Path file = configFile != null ? configFile : ConfigLoader.confDir().resolve("hub.json");
    return ConfigLoader.load(file, System.getenv());
  }
}
