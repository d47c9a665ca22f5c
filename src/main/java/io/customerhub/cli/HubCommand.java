package io.customerhub.cli;

import io.customerhub.app.ServiceRefused;
import io.customerhub.embedded.DataDirInUse;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** {@code bin/hub}: the hub's command line (contract 1.1). */
@Command(name = "hub", mixinStandardHelpOptions = true, version = "customer-hub 0.1.0",
    description = "Customer Hub: ingest, resolve and serve unified customer profiles.",
    subcommands = {DemoCommand.class, StartCommand.class, TokenCommand.class, ImportCommand.class,
        GenerateCommand.class, EvalCommand.class, TrainCommand.class, ReresolveCommand.class,
        DeadLettersCommand.class, ExportCommand.class, ModelsCommand.class})
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
          RuntimeException refused = refusal(e);
          if (refused != null) { // not the user's input: the same one line, with the exit code of a failure
            cl.getErr().println("hub " + cl.getCommandName() + ": " + refused.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
          }
          String message = userMessage(e);
          if (message == null) {
            String lost = connectionTrouble(e);
            if (lost == null) throw e;
            cl.getErr().println("hub " + cl.getCommandName() + ": " + lost);
            return CommandLine.ExitCode.SOFTWARE;
          }
          cl.getErr().println("hub " + cl.getCommandName() + ": " + message);
          return CommandLine.ExitCode.USAGE;
        });
  }

  /**
   * What went wrong between the command and the hub, in one line, wherever in the causes it stands: a connection
   * lost or refused, no answer in time, or an answer that is no JSON (an address that is not a hub); null for
   * anything else. Reads and imports ask again after pauses first ({@link PatientRequests}); what changes the hub
   * otherwise (train, restore a model, start a re-resolution) is not sent twice: the command says so and stops.
   */
  static String connectionTrouble(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof PatientRequests.Lost) return t.getMessage() + "; run the command again once it answers";
      if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof java.net.ConnectException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return "the connection to the hub was lost (" + t.getMessage() + "); run the command again once it answers";
      }
      if (t instanceof java.util.concurrent.TimeoutException) {
        return "the hub did not answer in time; run the command again once it answers";
      }
      if (t instanceof io.vertx.core.json.DecodeException) {
        return "the answer is no JSON: is the address (--url) that of a Customer Hub?";
      }
    }
    return null;
  }

  /**
   * The line to show for an exception caused by the user's input (a bad argument, a file that is missing, not
   * writable or in the way), or null for anything else, which keeps its stack trace.
   */
  static String userMessage(Exception e) {
    if (e instanceof IllegalArgumentException) return e.getMessage();
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof FileSystemException f) return f.getFile() + ": " + reason(f);
    return null;
  }

  /**
   * What kept the node from starting and says so in one line, wherever in the causes it stands: a service that
   * refused it, or a data directory another process holds; null for anything else.
   */
  static RuntimeException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ServiceRefused || t instanceof DataDirInUse) return (RuntimeException) t;
    }
    return null;
  }

  /** Why a file could not be read or written, in the words a user knows (not the exception's class). */
  static String reason(Throwable e) {
    if (e instanceof NoSuchFileException) return "no such file or directory";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileAlreadyExistsException) return "already exists";
    if (e instanceof CharacterCodingException) return "not UTF-8 text (a binary file?)";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static boolean keepsRunning(String[] args) {
    return args.length > 0 && (args[0].equals("start") || args[0].equals("demo"));
  }
}
