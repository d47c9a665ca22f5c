package io.customerhub.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that talk to a hub over HTTP: the configuration, and where the hub answers. */
final class RemoteOptions {

  @Mixin
  ConfigOptions config;

  @Option(names = "--url", description = "hub base URL (default: http://127.0.0.1:<configured port>)")
  String url;

  /** The hub at {@code --url} (which must answer), or on the configured port, or a node started for the command. */
  RemoteHub connect() throws Exception {
    return RemoteHub.connect(config.load(), url);
  }
}
