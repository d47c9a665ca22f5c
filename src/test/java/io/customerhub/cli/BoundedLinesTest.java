package io.customerhub.cli;

import io.customerhub.support.Utf8;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Lines read as BufferedReader.readLine reads them, but none longer than the limit kept. */
class BoundedLinesTest {

  /** What BoundedLines returns for one line: its text ("" when not kept), bytes, blankness and whether too long. */
  private record Line(String text, long bytes, boolean blank, boolean tooLong) {
  }

  private static List<Line> read(Reader in, long maxBytes) throws IOException {
    BoundedLines lines = new BoundedLines(in, maxBytes);
    List<Line> read = new ArrayList<>();
    for (String text; (text = lines.next()) != null; ) {
      read.add(new Line(text, lines.bytes(), lines.blank(), lines.tooLong()));
    }
    assertNull(lines.next(), "the end stays the end");
    return read;
  }

  /** readLine's lines, with what BoundedLines is to say of each under {@code maxBytes}. */
  private static List<Line> expected(String text, long maxBytes) throws IOException {
    BufferedReader reader = new BufferedReader(new StringReader(text));
    List<Line> expected = new ArrayList<>();
    for (String line; (line = reader.readLine()) != null; ) {
      long bytes = Utf8.length(line);
      expected.add(new Line(bytes > maxBytes ? "" : line, bytes, line.isBlank(), bytes > maxBytes));
    }
    return expected;
  }

  /** A reader handing out a few chars at a time, so that "\r\n" and surrogate pairs are split between reads. */
  private static Reader trickling(String text, Random random) {
    return new Reader() {
      private int at;

      @Override
      public int read(char[] into, int offset, int length) {
        if (at == text.length()) return -1;
        int n = Math.min(Math.min(length, 1 + random.nextInt(5)), text.length() - at);
        text.getChars(at, at + n, into, offset);
        at += n;
        return n;
      }

      @Override
      public void close() {
      }
    };
  }

  private static final String[] PIECES = {"a", "{\"x\":1}", " ", "\t", "\u3000", "\n", "\r", "\r\n", "\n\r", "é", "北",
      "\ud83d\ude00", "\ud83d", "\ude00", "\u0085", "\u2028"};

  @Test
  void linesAreReadLikeReadLineAndMeasuredLikeUtf8Length() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int pieces = random.nextInt(30);
      for (int p = 0; p < pieces; p++) text.append(PIECES[random.nextInt(PIECES.length)]);
      long maxBytes = random.nextInt(12);
      String s = text.toString();
      List<Line> expected = expected(s, maxBytes);
      assertEquals(expected, read(trickling(s, random), maxBytes), () -> s.replace("\r", "\\r").replace("\n", "\\n"));
      assertEquals(expected, read(new StringReader(s), maxBytes));
    }
  }

  /** Blocks of the reader's size: a line over many of them, and a terminator or a surrogate pair across two. */
  @Test
  void longLinesAcrossBlocks() throws IOException {
    String pairAcross = "a".repeat(8191) + "\ud83d\ude00" + "b";
    String returnAcross = "c".repeat(8191) + "\r\nd";
    String many = "北".repeat(100_000);
    for (String s : new String[] {pairAcross, returnAcross, many + "\n" + many, "x\n" + " ".repeat(20_000) + "\ry"}) {
      for (long maxBytes : new long[] {0, 10, 8193, 8195, 300_000, 400_000}) {
        assertEquals(expected(s, maxBytes), read(new StringReader(s), maxBytes), maxBytes + " " + s.length());
      }
    }
  }
}
