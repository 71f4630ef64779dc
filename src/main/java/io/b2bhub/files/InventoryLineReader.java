package io.b2bhub.files;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Reads the validated file line by line. Its checkpoint is the byte offset of the next line, stored
 * by the batch runtime with each chunk's commit, so a restart resumes exactly after the last
 * committed chunk: no line is loaded twice and none is skipped.
 */
@Named("inventoryLineReader")
@Dependent
public class InventoryLineReader extends AbstractItemReader {
  @Inject JobTransfer job;

  private PositionedLineReader reader;
  private long lineNumber;

  @Override
  public void open(Serializable checkpoint) throws IOException {
    FileTransfer transfer = job.transfer();
    Path data = job.dataToLoad(transfer);
    if (checkpoint instanceof InventoryCheckpoint position) {
      reader = new PositionedLineReader(data, position.offset());
      lineNumber = position.lineNumber() - 1;
    } else {
      reader = new PositionedLineReader(data, 0);
      reader.next();
      lineNumber = 1;
    }
  }

  @Override
  public Object readItem() throws IOException {
    String line = reader.next();
    if (line == null) {
      return null;
    }
    lineNumber++;
    return new NumberedLine(lineNumber, line);
  }

  @Override
  public Serializable checkpointInfo() {
    return new InventoryCheckpoint(reader.offset(), lineNumber + 1);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
