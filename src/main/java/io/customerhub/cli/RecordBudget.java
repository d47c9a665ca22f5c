package io.customerhub.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that lets a parser read at most {@code maxChars} characters for one record. commons-csv and Jackson keep
 * a record whole while they read it: a quote left open in a CSV file makes the rest of the file one value, and a
 * corrupt .json file can hold one object of gigabytes, either of which ended the import with an OutOfMemoryError.
 * No record that long could be imported anyway (the hub takes far less in one request), so reading stops with
 * {@link TooLong} once one record has taken the budget. The parsers read ahead in blocks of a few thousand
 * characters, which the budget's size makes no matter.
 */
final class RecordBudget extends FilterReader {

  /** Thrown through the parser when one record took more than the budget. */
  static final class TooLong extends IOException {
    TooLong(long maxChars) {
      super("a record runs on for more than " + maxChars + " characters (a quote or a bracket left open?)", null);
    }
  }

  private final long maxChars;
  private long used;

  RecordBudget(Reader in, long maxChars) {
    super(in);
    this.maxChars = maxChars;
  }

  /** A new record starts: the budget is whole again. */
  void nextRecord() {
    used = 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) spend(1);
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) spend(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    spend(skipped);
    return skipped;
  }

  private void spend(long chars) throws TooLong {
    used += chars;
    if (used > maxChars) throw new TooLong(maxChars);
  }
}
