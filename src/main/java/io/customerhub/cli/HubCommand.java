package io.customerhub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/hub}: the hub's command line (contract 1.1). */
@Command(name = "hub", mixinStandardHelpOptions = true, version = "customer-hub 0.1.0",
    description = "Customer Hub: ingest, resolve and serve unified customer profiles.",
    subcommands = {DemoCommand.class, StartCommand.class, TokenCommand.class, ImportCommand.class,
        GenerateCommand.class, EvalCommand.class, TrainCommand.class, ReresolveCommand.class})
public final class HubCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code = new CommandLine(new HubCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != 0 || !keepsRunning(args)) System.exit(code);
  }

  private static boolean keepsRunning(String[] args) {
    return args.length > 0 && (args[0].equals("start") || args[0].equals("demo"));
  }
}
