package io.customerhub.cli;

import io.customerhub.app.HubNode;
import io.customerhub.config.HubConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bin/hub start}: one hub node in the foreground until SIGTERM or SIGINT. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Run one hub node in the foreground until SIGTERM/SIGINT.")
final class StartCommand implements Callable<Integer> {

  @Mixin
  ConfigOptions config;

  @Option(names = "--port", description = "HTTP port (default from configuration: 8080)")
  Integer port;

  @Override
  public Integer call() throws Exception {
    HubConfig cfg = config.load();
    if (port != null) cfg = cfg.withHttpPort(port);
    HubNode node = HubNode.start(cfg);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "hub-shutdown"));
    System.out.printf("Customer Hub listening on %s://%s:%d (Ctrl-C to stop)%n", cfg.http().tls() ? "https" : "http",
        cfg.http().host(), node.httpPort());
    stopped.await();
    return 0;
  }
}
