package io.b2bhub.files;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads UTF-8 lines from a byte offset and knows the offset of the next line, so a batch reader can
 * checkpoint its exact position and resume there after a restart.
 */
final class PositionedLineReader implements Closeable {
  private static final int MAX_LINE_BYTES = 64 * 1024;

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
  private long offset;

  PositionedLineReader(Path file, long offset) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(offset);
    this.in = new BufferedInputStream(Channels.newInputStream(channel), 256 * 1024);
    this.offset = offset;
  }

  /** The next line without its terminator, or null at the end of the file. */
  String next() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) != -1) {
      offset++;
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new IOException("a line is longer than " + MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  /** The byte offset of the line {@link #next()} returns next. */
  long offset() {
    return offset;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
