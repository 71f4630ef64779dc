package io.b2bhub.webhooks;

import io.b2bhub.events.EventDestination;
import io.b2bhub.events.EventEnvelope;
import io.b2bhub.events.Outbox;
import io.b2bhub.platform.AuditLog;
import io.b2bhub.platform.AuditRecord;
import io.b2bhub.webhooks.WebhookInbox.Push;
import io.b2bhub.webhooks.WebhookInbox.Receipt;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The inbox's transactions: a batch of pushes, or one push when its batch failed. */
@ApplicationScoped
public class WebhookInboxWrites {
  private static final String INSERT =
      "INSERT INTO webhook_inbound (partner_id, event_id, payload_hash, event_type, received_at,"
          + " replays) VALUES (?, ?, ?, ?, ?, 0)";
  private static final String COUNT_REPLAY =
      "UPDATE webhook_inbound SET replays = replays + 1 WHERE partner_id = ? AND event_id = ?";

  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  @Inject Outbox outbox;
  @Inject AuditLog auditLog;
  @Inject Clock clock;

  @Transactional
  public List<Receipt> receiveAll(List<Push> pushes) {
    try (Connection connection = dataSource.getConnection()) {
      Map<String, String> knownHashes = knownHashes(connection, pushes);
      List<Receipt> receipts = new ArrayList<>(pushes.size());
      List<Push> accepted = new ArrayList<>();
      List<Push> replayed = new ArrayList<>();
      List<AuditRecord> audit = new ArrayList<>();
      for (Push push : pushes) {
        String known = knownHashes.get(push.key());
        Receipt receipt;
        if (known == null) {
          receipt = Receipt.ACCEPTED;
          knownHashes.put(push.key(), push.payloadHash());
          accepted.add(push);
          audit.add(push.auditIfAccepted());
        } else if (known.equals(push.payloadHash())) {
          receipt = Receipt.REPLAYED;
          replayed.add(push);
          audit.add(push.auditIfReplayed());
        } else {
          receipt = Receipt.ID_REUSED;
        }
        receipts.add(receipt);
      }
      insert(connection, accepted);
      countReplays(connection, replayed);
      handToOutbox(accepted);
      if (!audit.isEmpty()) {
        auditLog.recordAllWithCurrentWork(audit);
      }
      return receipts;
    } catch (SQLException e) {
      throw new IllegalStateException("Webhook inbox not written", e);
    }
  }

  @Transactional
  public Receipt receiveOne(Push push) {
    return receiveAll(List.of(push)).get(0);
  }

  /** The payload hashes already stored for these pushes, by {@link Push#key()}. */
  private static Map<String, String> knownHashes(Connection connection, List<Push> pushes)
      throws SQLException {
    Map<String, List<String>> idsByPartner = new LinkedHashMap<>();
    for (Push push : pushes) {
      idsByPartner.computeIfAbsent(push.partnerId(), p -> new ArrayList<>()).add(push.event().id());
    }
    Map<String, String> known = new HashMap<>();
    for (Map.Entry<String, List<String>> partner : idsByPartner.entrySet()) {
      List<String> ids = partner.getValue();
      String sql =
          "SELECT event_id, payload_hash FROM webhook_inbound WHERE partner_id = ? AND event_id IN ("
              + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
              + ")";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, partner.getKey());
        for (int i = 0; i < ids.size(); i++) {
          select.setString(i + 2, ids.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            known.put(partner.getKey() + "\n" + rows.getString(1), rows.getString(2));
          }
        }
      }
    }
    return known;
  }

  private void insert(Connection connection, List<Push> accepted) throws SQLException {
    if (accepted.isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Push push : accepted) {
        insert.setString(1, push.partnerId());
        insert.setString(2, push.event().id());
        insert.setString(3, push.payloadHash());
        insert.setString(4, push.event().type().typeName());
        insert.setObject(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void countReplays(Connection connection, List<Push> replayed) throws SQLException {
    if (replayed.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(COUNT_REPLAY)) {
      for (Push push : replayed) {
        update.setString(1, push.partnerId());
        update.setString(2, push.event().id());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private void handToOutbox(List<Push> accepted) {
    Map<String, List<EventEnvelope>> byPartner = new LinkedHashMap<>();
    for (Push push : accepted) {
      byPartner.computeIfAbsent(push.partnerId(), p -> new ArrayList<>()).add(push.event());
    }
    byPartner.forEach(
        (partnerId, events) -> outbox.acceptAll(events, EventDestination.HUB, partnerId));
  }
}
