package io.b2bhub.files;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Maps a line to its stock level. The file was validated as a whole before this step, so a line
 * that does not parse here means the file changed underneath the job: the job fails rather than
 * load something else than what was checked.
 */
@Named("inventoryRecordProcessor")
@Dependent
public class InventoryRecordProcessor implements ItemProcessor {
  private final InventoryCsv csv = new InventoryCsv();

  @Override
  public Object processItem(Object item) {
    NumberedLine line = (NumberedLine) item;
    InventoryRecord record =
        csv.parse(
            line.text(),
            line.number(),
            e -> {
              throw new IllegalStateException(
                  "line " + e.line() + " no longer valid (" + e.field() + "): file changed");
            });
    if (record == null) {
      throw new IllegalStateException("line " + line.number() + " no longer valid: file changed");
    }
    return record;
  }
}
