package io.b2bhub.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Hands outbox rows to the JMS queues as persistent messages. A batch is sent in a transaction of
 * its own that holds only the messaging engine (one forced write for the batch instead of one per
 * message); after it commits, the rows are marked sent in the database. A crash in between sends
 * them again later; consumers' inboxes absorb the duplicates.
 */
@ApplicationScoped
public class JmsEventSender {
  /** JMS properties every event message carries, for selectors and for the consumers. */
  public static final String TYPE = "b2bhub_type";

  public static final String TENANT = "b2bhub_tenant";
  public static final String PARTNER = "b2bhub_partner";
  public static final String CORRELATION_ID = "b2bhub_correlationId";
  public static final String ATTEMPT = "b2bhub_attempt";
  public static final String FIRST_FAILURE = "b2bhub_firstFailureAt";

  @Resource(lookup = "jms/b2bhub/connectionFactory")
  ConnectionFactory connectionFactory;

  private final Map<EventDestination, Queue> queues = new EnumMap<>(EventDestination.class);

  /** Sends the rows in order; returns the ids sent before the first failure (or all of them). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Long> send(List<OutboxEvent> rows) {
    java.util.ArrayList<Long> sent = new java.util.ArrayList<>();
    try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
      JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
      for (OutboxEvent row : rows) {
        TextMessage message = context.createTextMessage(row.envelope());
        message.setJMSCorrelationID(row.correlationId());
        message.setStringProperty(TYPE, row.eventType());
        message.setStringProperty(TENANT, row.tenantId());
        message.setStringProperty(CORRELATION_ID, row.correlationId());
        if (row.partnerId() != null) {
          message.setStringProperty(PARTNER, row.partnerId());
        }
        producer.send(queue(row.destination()), message);
        sent.add(row.id());
      }
    } catch (JMSException | RuntimeException e) {
      if (sent.isEmpty()) {
        throw new IllegalStateException("The messaging engine refused the outbox batch", e);
      }
    }
    return sent;
  }

  /**
   * Puts a message back on a queue for a later attempt, invisible to consumers until {@code delay}
   * has passed: the engine holds it, so no consumer thread waits.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void redeliver(
      EventDispatcher.Delivery delivery, EventDestination destination, java.time.Duration delay) {
    try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
      TextMessage message = context.createTextMessage(delivery.body());
      if (delivery.correlationId() != null) {
        message.setJMSCorrelationID(delivery.correlationId());
        message.setStringProperty(CORRELATION_ID, delivery.correlationId());
      }
      if (delivery.eventType() != null) {
        message.setStringProperty(TYPE, delivery.eventType());
      }
      if (delivery.tenantId() != null) {
        message.setStringProperty(TENANT, delivery.tenantId());
      }
      if (delivery.partnerId() != null) {
        message.setStringProperty(PARTNER, delivery.partnerId());
      }
      message.setIntProperty(ATTEMPT, delivery.attempt());
      message.setStringProperty(FIRST_FAILURE, delivery.firstFailureAt().toString());
      context
          .createProducer()
          .setDeliveryMode(DeliveryMode.PERSISTENT)
          .setDeliveryDelay(delay.toMillis())
          .send(queue(destination.queueName()), message);
    } catch (JMSException e) {
      throw new IllegalStateException("Could not schedule the next attempt", e);
    }
  }

  private synchronized Queue queue(String queueName) {
    EventDestination destination =
        EventDestination.byQueueName(queueName)
            .orElseThrow(() -> new IllegalStateException("Unknown destination " + queueName));
    return queues.computeIfAbsent(destination, JmsEventSender::lookup);
  }

  private static Queue lookup(EventDestination destination) {
    try {
      return (Queue) new InitialContext().lookup(destination.jndiName());
    } catch (NamingException e) {
      throw new IllegalStateException("No JMS queue at " + destination.jndiName(), e);
    }
  }
}
