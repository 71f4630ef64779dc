package io.b2bhub.files;

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
 * chunk's transaction, many rows per statement. A level is only replaced by one at least as recent
 * ({@code as_of}), so an older file loaded late never overwrites a newer one, and loading the same
 * chunk again after a crash changes nothing.
 */
@Named("inventoryUpsertWriter")
@Dependent
public class InventoryUpsertWriter extends AbstractItemWriter {
  private static final int ROWS_PER_STATEMENT = 500;
  private static final String COLUMNS = "partner_id, sku, location, quantity, as_of, transfer_id";

  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  @Inject JobTransfer job;

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
      boolean postgres =
          connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
        List<Object> rows = items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT));
        String sql = postgres ? postgresUpsert(rows.size()) : mergeUpsert(rows.size());
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
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
  }

  private static String postgresUpsert(int rows) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO inventory_level (").append(COLUMNS).append(") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?)");
    }
    return sql.append(" ON CONFLICT (partner_id, sku, location) DO UPDATE SET")
        .append(" quantity = EXCLUDED.quantity, as_of = EXCLUDED.as_of,")
        .append(" transfer_id = EXCLUDED.transfer_id")
        .append(" WHERE inventory_level.as_of <= EXCLUDED.as_of")
        .toString();
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
