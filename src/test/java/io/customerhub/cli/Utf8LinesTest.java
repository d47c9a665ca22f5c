package io.customerhub.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8LinesTest {

  @TempDir
  Path dir;

  private long lineOf(byte[] bytes) throws Exception {
    return Utf8Lines.firstLineNotUtf8(Files.write(dir.resolve("f"), bytes));
  }

  @Test
  void namesTheLineOfTheFirstBytesThatAreNotUtf8() throws Exception {
    assertEquals(0, lineOf("a\nMüller 张伟 😀\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, lineOf(new byte[0]));
    assertEquals(3, lineOf("a\nb\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(1, lineOf(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));
    assertEquals(2, lineOf(new byte[] {'a', '\n', (byte) 0xe5, (byte) 0xbc}), "a character cut off at the end");
  }

  @Test
  void findsTheLineAcrossTheReadersBlocks() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) text.append("{\"n\":\"张伟 ").append(i).append("\"}\n");
    byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 3];
    System.arraycopy(good, 0, bad, 0, good.length);
    bad[good.length] = 'x';
    bad[good.length + 1] = (byte) 0xc3; // a lead byte followed by no continuation
    bad[good.length + 2] = '\n';
    assertEquals(20_001, lineOf(bad));
    assertEquals(0, lineOf(good));
  }
}
