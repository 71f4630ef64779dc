package io.b2bhub.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionedLineReaderTest {
  @TempDir Path dir;

  @Test
  void resumingAtACheckpointOffsetReadsExactlyTheRemainingLines() throws IOException {
    Path file = Files.writeString(dir.resolve("f.csv"), "h\nä1\nb2\r\nc3");
    long offset;
    try (PositionedLineReader reader = new PositionedLineReader(file, 0)) {
      assertEquals("h", reader.next());
      assertEquals("ä1", reader.next());
      offset = reader.offset();
    }
    try (PositionedLineReader resumed = new PositionedLineReader(file, offset)) {
      assertEquals("b2\r", resumed.next());
      assertEquals("c3", resumed.next());
      assertNull(resumed.next());
    }
  }
}
