package io.customerhub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.NoSuchFileException;

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
    int code = commandLine().execute(args);
    if (code != 0 || !keepsRunning(args)) System.exit(code);
  }

  /**
   * The command line as {@code bin/hub} runs it: a wrong argument the command only finds out about while running
   * (a directory without the files it needs, say) is told in one line, not as a stack trace.
   */
  static CommandLine commandLine() {
    return new CommandLine(new HubCommand()).setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cl, parsed) -> {
          if (!(e instanceof IllegalArgumentException || e instanceof NoSuchFileException)) throw e;
          cl.getErr().println("hub " + cl.getCommandName() + ": " + (e instanceof NoSuchFileException
              ? "no such file or directory: " + e.getMessage() : e.getMessage()));
          return CommandLine.ExitCode.USAGE;
        });
  }

  private static boolean keepsRunning(String[] args) {
    return args.length > 0 && (args[0].equals("start") || args[0].equals("demo"));
  }
}
