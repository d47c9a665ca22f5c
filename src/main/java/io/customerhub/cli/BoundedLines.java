package io.customerhub.cli;

import io.customerhub.support.Utf8;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text as {@link java.io.BufferedReader#readLine()} reads them (ended by {@code \n}, {@code \r} or
 * {@code \r\n}, the last one by the end of the text too), except that a line of more than {@code maxBytes} in UTF-8
 * is read through without being kept. readLine keeps every line whole: a corrupt file of one line of gigabytes, no
 * newline in it, ended the import with an OutOfMemoryError, although that line was only going to be rejected as
 * larger than a request may be. Memory stays bounded whatever the file holds: a line kept is at most {@code maxBytes}
 * chars, and a longer one is only measured, block by block.
 */
final class BoundedLines {

  private final Reader in;
  private final long maxBytes;
  /** Read in blocks, not char by char through a reader that synchronizes every call. */
  private final char[] buffer = new char[8192];
  private int position;
  private int end;
  /** The last line ended with {@code \r}: a {@code \n} right after it ends that line too, not an empty one. */
  private boolean afterReturn;
  private final StringBuilder kept = new StringBuilder();
  private long bytes;
  private boolean blank;
  private boolean tooLong;

  BoundedLines(Reader in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * The next line without its terminator, or null after the last one. A line of more than {@code maxBytes} is
   * {@linkplain #tooLong() too long} and returned as "": never a part of it, which could pass for a record.
   */
  String next() throws IOException {
    kept.setLength(0);
    bytes = 0;
    blank = true;
    tooLong = false;
    boolean started = false;
    char before = 0; // a surrogate pair may be split between two blocks
    while (true) {
      if (position == end) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) return !started ? null : tooLong ? "" : kept.toString();
        position = 0;
        end = read;
        continue;
      }
      if (afterReturn) {
        afterReturn = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      started = true;
      int from = position;
      while (position < end && buffer[position] != '\n' && buffer[position] != '\r') position++;
      // simple loops of their own: a line of gigabytes is measured at the speed it is decoded
      bytes += bytes(buffer, from, position, before);
      if (blank) blank = blank(buffer, from, position);
      if (position > from) before = buffer[position - 1];
      if (!tooLong && bytes > maxBytes) {
        tooLong = true;
        kept.setLength(0);
      }
      if (position == end) { // the line goes on in the next block
        if (!tooLong) kept.append(buffer, from, position - from);
        continue;
      }
      int to = position;
      afterReturn = buffer[position++] == '\r';
      if (tooLong) return "";
      if (kept.isEmpty()) return new String(buffer, from, to - from); // the whole line in one block, as most are
      return kept.append(buffer, from, to - from).toString();
    }
  }

  /** The bytes in UTF-8 of {@code chars[from, to)}, as {@link Utf8#length} counts them after {@code before}. */
  private static long bytes(char[] chars, int from, int to, char before) {
    long bytes = 0;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      bytes += c < 0x80 ? 1 : Utf8.width(i > from ? chars[i - 1] : before, c);
    }
    return bytes;
  }

  /** As {@link String#isBlank()}: no surrogate is white space, so chars are looked at one by one. */
  private static boolean blank(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(chars[i])) return false;
    }
    return true;
  }

  /** The bytes in UTF-8 of the line {@link #next()} returned last, counted while reading it, kept or not. */
  long bytes() {
    return bytes;
  }

  /** Whether the line {@link #next()} returned last is empty or white space only, as {@link String#isBlank()}. */
  boolean blank() {
    return blank;
  }

  /** Whether the line {@link #next()} returned last was longer than {@code maxBytes}: read through, not kept. */
  boolean tooLong() {
    return tooLong;
  }
}
