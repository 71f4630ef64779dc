package io.b2bhub.files;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 1 of inventory-import: reads the whole file once before anything is loaded, so a bad file is
 * rejected as a whole (no partial load). Checks the header, every line, repeated keys, and the
 * control totals against the manifest. Exit status VALID or REJECTED routes the job.
 */
@Named("inventoryFileValidation")
@Dependent
public class InventoryFileValidation extends AbstractBatchlet {
  static final String VALID = "VALID";
  static final String REJECTED = "REJECTED";

  /** Errors kept for the report; beyond this only their number is. */
  static final int MAX_REPORTED_ERRORS = 10_000;

  @Inject JobTransfer job;

  @Override
  public String process() throws IOException {
    FileTransfer transfer = job.transfer();
    Path work = job.workFolder(transfer);
    FileSet files = job.files(transfer);
    FileManifest manifest =
        ((FileManifest.Reading.Read) FileManifest.read(files.manifest())).manifest();
    FileValidation result = validate(job.dataToLoad(transfer), manifest);
    result.save(work);
    return result.valid() ? VALID : REJECTED;
  }

  static FileValidation validate(Path data, FileManifest manifest) throws IOException {
    List<LineError> errors = new ArrayList<>();
    long[] errorCount = {0};
    java.util.function.Consumer<LineError> report =
        e -> {
          errorCount[0]++;
          if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(e);
          }
        };
    long records = 0;
    long qty = 0;
    KeySeen keys = new KeySeen(manifest.records());
    InventoryCsv csv = new InventoryCsv();
    try (PositionedLineReader reader = new PositionedLineReader(data, 0)) {
      String header = reader.next();
      String headerProblem =
          header == null ? "the file is empty" : InventoryCsv.headerProblem(header);
      if (headerProblem != null) {
        report.accept(new LineError(1, "header", headerProblem));
      }
      long lineNumber = 1;
      String line;
      while ((line = reader.next()) != null) {
        lineNumber++;
        if (line.isEmpty() || line.equals("\r")) {
          report.accept(new LineError(lineNumber, "*", "empty line"));
          continue;
        }
        InventoryRecord record = csv.parse(line, lineNumber, report);
        if (record == null) {
          continue;
        }
        records++;
        qty += record.quantity();
        int earlier = keys.add(record.sku(), record.location(), (int) lineNumber);
        if (earlier != 0) {
          report.accept(
              new LineError(
                  lineNumber,
                  "sku",
                  "sku "
                      + record.sku()
                      + " at "
                      + record.location()
                      + " is also on line "
                      + earlier));
        }
      }
    }
    Map<String, Long> seen = new LinkedHashMap<>();
    seen.put(InventoryCsv.QTY, qty);
    if (errorCount[0] > 0) {
      return new FileValidation(
          FileRejectionCode.STRUCTURE_INVALID,
          records,
          seen,
          manifest.records(),
          manifest.sums(),
          errors,
          errorCount[0]);
    }
    List<LineError> totals = new ArrayList<>();
    if (records != manifest.records()) {
      totals.add(
          new LineError(
              0,
              "records",
              "the manifest declares " + manifest.records() + " records, the file has " + records));
    }
    for (Map.Entry<String, Long> declared : manifest.sums().entrySet()) {
      Long actual = seen.get(declared.getKey());
      if (actual == null) {
        totals.add(
            new LineError(0, "sums." + declared.getKey(), "no such summable column (sums: qty)"));
      } else if (!actual.equals(declared.getValue())) {
        totals.add(
            new LineError(
                0,
                "sums." + declared.getKey(),
                "the manifest declares " + declared.getValue() + ", the file sums to " + actual));
      }
    }
    if (!manifest.sums().containsKey(InventoryCsv.QTY)) {
      totals.add(new LineError(0, "sums.qty", "the manifest must declare the qty total"));
    }
    return new FileValidation(
        totals.isEmpty() ? null : FileRejectionCode.CONTROL_TOTALS_MISMATCH,
        records,
        seen,
        manifest.records(),
        manifest.sums(),
        totals,
        totals.size());
  }
}
