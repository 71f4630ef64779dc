package io.b2bhub.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An event waiting in the outbox for the relay, or (with {@code sentAt}) already handed to JMS. */
@Entity
@Table(name = "outbox_event")
@NamedQuery(
    name = "OutboxEvent.unsentInPartitions",
    query =
        "SELECT e FROM OutboxEvent e WHERE e.destination = :destination"
            + " AND e.partitionNo IN :partitions AND e.sentAt IS NULL ORDER BY e.id")
@NamedQuery(
    name = "OutboxEvent.oldestUnsentCreatedAt",
    query =
        "SELECT e.createdAt FROM OutboxEvent e WHERE e.destination = :destination"
            + " AND e.sentAt IS NULL ORDER BY e.id")
@NamedQuery(
    name = "OutboxEvent.markSent",
    query = "UPDATE OutboxEvent e SET e.sentAt = :now WHERE e.id IN :ids AND e.sentAt IS NULL")
@NamedQuery(
    name = "OutboxEvent.countByDestinationAndEventId",
    query =
        "SELECT COUNT(e) FROM OutboxEvent e WHERE e.destination = :destination"
            + " AND e.eventId = :eventId")
@NamedQuery(
    name = "OutboxEvent.eventIdsByDestination",
    query =
        "SELECT e.eventId FROM OutboxEvent e WHERE e.destination = :destination"
            + " AND e.eventId IN :eventIds")
@NamedQuery(name = "OutboxEvent.recent", query = "SELECT e FROM OutboxEvent e ORDER BY e.id DESC")
@NamedQuery(
    name = "OutboxEvent.recentUnsent",
    query = "SELECT e FROM OutboxEvent e WHERE e.sentAt IS NULL ORDER BY e.id DESC")
public class OutboxEvent {
  @Id
  @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
  private Long id;

  @Column(name = "event_id", nullable = false, length = 100)
  private String eventId;

  @Column(name = "event_type", nullable = false, length = 100)
  private String eventType;

  @Column(nullable = false, length = 100)
  private String destination;

  @Column(name = "aggregate_key", nullable = false, length = 200)
  private String aggregateKey;

  @Column(name = "partition_no", nullable = false)
  private int partitionNo;

  @Column(name = "partner_id", length = 40)
  private String partnerId;

  @Column(name = "tenant_id", nullable = false, length = 64)
  private String tenantId;

  @Column(name = "correlation_id", nullable = false, length = 128)
  private String correlationId;

  @Column(nullable = false, length = 200000)
  private String envelope;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "sent_at")
  private OffsetDateTime sentAt;

  protected OutboxEvent() {}

  OutboxEvent(
      EventEnvelope event,
      EventDestination destination,
      String partnerId,
      int partitions,
      OffsetDateTime now) {
    this(event.id(), event, destination, partnerId, partitions, now);
  }

  /** {@code rowId} names the row when the envelope's id is already in the outbox (a replay). */
  OutboxEvent(
      String rowId,
      EventEnvelope event,
      EventDestination destination,
      String partnerId,
      int partitions,
      OffsetDateTime now) {
    this.eventId = rowId;
    this.eventType = event.type().typeName();
    this.destination = destination.queueName();
    this.aggregateKey = event.aggregateKey();
    this.partitionNo = Math.floorMod(aggregateKey.hashCode(), partitions);
    this.partnerId = partnerId;
    this.tenantId = event.tenantId();
    this.correlationId = event.correlationId();
    this.envelope = event.toJson().toString();
    this.createdAt = now;
  }

  Long id() {
    return id;
  }

  String eventId() {
    return eventId;
  }

  String eventType() {
    return eventType;
  }

  String destination() {
    return destination;
  }

  String partnerId() {
    return partnerId;
  }

  String tenantId() {
    return tenantId;
  }

  String correlationId() {
    return correlationId;
  }

  String envelope() {
    return envelope;
  }

  OutboxView view() {
    return new OutboxView(
        eventId,
        eventType,
        destination,
        tenantId,
        correlationId,
        createdAt.toInstant(),
        sentAt == null ? null : sentAt.toInstant());
  }

  /** What operators see of an outbox row (no payload: it may carry personal data). */
  public record OutboxView(
      String eventId,
      String type,
      String destination,
      String tenantId,
      String correlationId,
      java.time.Instant createdAt,
      java.time.Instant sentAt) {}
}
