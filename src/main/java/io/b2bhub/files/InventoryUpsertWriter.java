package io.b2bhub.files;

import io.b2bhub.platform.DatabaseProduct;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes a chunk of stock levels as idempotent upserts keyed by (partner, SKU, location), in the
 * chunk's transaction, many rows per statement (on PostgreSQL the whole chunk in one). A level is
 * only replaced by one at least as recent ({@code as_of}), so an older file loaded late never
 * overwrites a newer one, and loading the same chunk again after a crash changes nothing.
 */
@Named("inventoryUpsertWriter")
@Dependent
public class InventoryUpsertWriter extends AbstractItemWriter {
  private static final int ROWS_PER_STATEMENT = 500;
  private static final String COLUMNS = "partner_id, sku, location, quantity, as_of, transfer_id";
  private static final String POSTGRES_UPSERT =
      "INSERT INTO inventory_level ("
          + COLUMNS
          + ") SELECT ?, s.sku, s.location, s.quantity, s.as_of::timestamptz, ?"
          + " FROM unnest(?::varchar[], ?::varchar[], ?::int8[], ?::text[])"
          + " AS s(sku, location, quantity, as_of)"
          + " ON CONFLICT (partner_id, sku, location) DO UPDATE SET quantity = EXCLUDED.quantity,"
          + " as_of = EXCLUDED.as_of, transfer_id = EXCLUDED.transfer_id"
          + " WHERE inventory_level.as_of <= EXCLUDED.as_of";

  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  @Inject JobTransfer job;
  @Inject DatabaseProduct database;

  private String partnerId;
  private String transferId;

  @Override
  public void open(java.io.Serializable checkpoint) {
    FileTransfer transfer = job.transfer();
    partnerId = transfer.partnerId();
    transferId = transfer.transferId();
  }

  @Override
  public void writeItems(List<Object> items) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (database.isPostgres()) {
        writeWithArrays(connection, items);
      } else {
        writeWithMerge(connection, items);
      }
    }
  }

  /** PostgreSQL: the whole chunk in one statement, as four arrays unnested into rows. */
  private void writeWithArrays(Connection connection, List<Object> items) throws SQLException {
    int n = items.size();
    String[] skus = new String[n];
    String[] locations = new String[n];
    Long[] quantities = new Long[n];
    String[] asOf = new String[n];
    for (int i = 0; i < n; i++) {
      InventoryRecord record = (InventoryRecord) items.get(i);
      skus[i] = record.sku();
      locations[i] = record.location();
      quantities[i] = record.quantity();
      asOf[i] = record.asOf().toString();
    }
    try (PreparedStatement upsert = connection.prepareStatement(POSTGRES_UPSERT)) {
      upsert.setString(1, partnerId);
      upsert.setString(2, transferId);
      upsert.setArray(3, connection.createArrayOf("varchar", skus));
      upsert.setArray(4, connection.createArrayOf("varchar", locations));
      upsert.setArray(5, connection.createArrayOf("int8", quantities));
      upsert.setArray(6, connection.createArrayOf("text", asOf));
      upsert.executeUpdate();
    }
  }

  private void writeWithMerge(Connection connection, List<Object> items) throws SQLException {
    for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
      List<Object> rows = items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT));
      try (PreparedStatement upsert = connection.prepareStatement(mergeUpsert(rows.size()))) {
        int p = 1;
        for (Object item : rows) {
          InventoryRecord record = (InventoryRecord) item;
          upsert.setString(p++, partnerId);
          upsert.setString(p++, record.sku());
          upsert.setString(p++, record.location());
          upsert.setLong(p++, record.quantity());
          upsert.setObject(p++, record.asOf().atOffset(ZoneOffset.UTC));
          upsert.setString(p++, transferId);
        }
        upsert.executeUpdate();
      }
    }
  }

  private static String mergeUpsert(int rows) {
    StringBuilder sql = new StringBuilder("MERGE INTO inventory_level t USING (VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",")
          .append("(CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(32)),")
          .append(" CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE),")
          .append(" CAST(? AS VARCHAR(36)))");
    }
    return sql.append(") AS s(")
        .append(COLUMNS)
        .append(") ON t.partner_id = s.partner_id AND t.sku = s.sku AND t.location = s.location")
        .append(" WHEN MATCHED AND t.as_of <= s.as_of THEN UPDATE SET quantity = s.quantity,")
        .append(" as_of = s.as_of, transfer_id = s.transfer_id")
        .append(" WHEN NOT MATCHED THEN INSERT (")
        .append(COLUMNS)
        .append(") VALUES (s.partner_id, s.sku, s.location, s.quantity, s.as_of, s.transfer_id)")
        .toString();
  }
}
