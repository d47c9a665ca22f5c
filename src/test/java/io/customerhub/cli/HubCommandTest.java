package io.customerhub.cli;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.DecodeException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a command says when the hub goes away under it: one line, not a stack trace. */
class HubCommandTest {

  @Test
  void aConnectionLostUnderACommandIsOneLine() {
    String said = HubCommand.connectionTrouble(new ExecutionException(new HttpClosedException("Connection was closed")));
    assertTrue(said.startsWith("the connection to the hub was lost (Connection was closed)"), said);
    assertTrue(HubCommand.connectionTrouble(new ExecutionException(new java.net.ConnectException("refused")))
        .contains("lost"));
    assertTrue(HubCommand.connectionTrouble(new TimeoutException()).contains("did not answer in time"));
  }

  @Test
  void anAnswerThatIsNoJsonAsksWhetherTheAddressIsAHub() {
    assertTrue(HubCommand.connectionTrouble(new DecodeException("Failed to decode: Unrecognized token 'hello'"))
        .contains("--url"));
  }

  @Test
  void anythingElseKeepsItsStackTrace() {
    assertNull(HubCommand.connectionTrouble(new IllegalStateException("a bug")));
    assertNull(HubCommand.connectionTrouble(new RuntimeException(new NullPointerException())));
  }

  @Test
  void anExportToWhereNoFileCanBeIsRefusedBeforeAnyPageIsRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    for (String[] args : new String[][] {{"export", "--out", dir.toString()},
        {"export", "--out", dir.resolve("nowhere/x.ndjson").toString()},
        {"export", "--out", dir.resolve("x.ndjson").toString(), "--token-file", dir.resolve("no/tok").toString()}}) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code = HubCommand.commandLine().setErr(new java.io.PrintWriter(err, true)).execute(args);
      org.junit.jupiter.api.Assertions.assertEquals(picocli.CommandLine.ExitCode.USAGE, code, err::toString);
      assertTrue(err.toString().startsWith("hub export: --"), err.toString());
    }
    java.nio.file.Path binary = java.nio.file.Files.write(dir.resolve("tok"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    java.io.StringWriter err = new java.io.StringWriter();
    HubCommand.commandLine().setErr(new java.io.PrintWriter(err, true)).execute("export", "--token-file",
        binary.toString());
    assertTrue(err.toString().contains("--token-file " + binary + ": not UTF-8 text"), err.toString());
  }

  @Test
  void evalNamesTheOptionItRefusesBeforeGeneratingAnything() {
    for (String[] args : new String[][] {{"eval", "--persons", "-5"}, {"eval", "--dup-rate", "2"}, {"eval", "--orgs", "-1"}}) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code = HubCommand.commandLine().setErr(new java.io.PrintWriter(err, true)).execute(args);
      org.junit.jupiter.api.Assertions.assertEquals(picocli.CommandLine.ExitCode.USAGE, code, err::toString);
      assertTrue(err.toString().startsWith("hub eval: " + args[1] + " must"), err.toString());
    }
  }
}
