package io.customerhub.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a file stops being UTF-8: a reader decodes ahead in blocks, so its failure says nothing of the place. */
final class Utf8Lines {

  private static final int CHUNK = 64 * 1024;

  private Utf8Lines() {
  }

  /** The line (from 1) holding the file's first bytes that are not UTF-8, or 0 when it is UTF-8 throughout. */
  static long firstLineNotUtf8(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(CHUNK);
    CharBuffer out = CharBuffer.allocate(CHUNK); // a byte gives at most one char: never too small
    long line = 1;
    try (ReadableByteChannel channel = Files.newByteChannel(file)) {
      boolean end = false;
      while (true) {
        if (!end && channel.read(in) < 0) end = true;
        in.flip();
        int from = in.position();
        CoderResult result = decoder.decode(in, out, end);
        for (int i = from; i < in.position(); i++) if (in.get(i) == '\n') line++;
        if (result.isError()) return line;
        out.clear();
        if (end && !in.hasRemaining()) return 0;
        if (end) return line; // bytes left that end in the middle of a character
        in.compact();
      }
    }
  }
}
