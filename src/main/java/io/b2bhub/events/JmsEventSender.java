package io.b2bhub.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Hands outbox rows to the JMS queues as persistent messages. A batch goes to one queue, in a
 * transaction of its own that holds only the messaging engine (one forced write for the batch
 * instead of one per message); after it commits, the rows are marked sent in the database. A crash
 * in between sends them again later; consumers' inboxes absorb the duplicates.
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

  @Inject RelayFaults faults;

  private final Map<EventDestination, Queue> queues = new EnumMap<>(EventDestination.class);

  /** What one send did: the ids handed to the queue, and why the engine refused the rest. */
  public record Sent(List<Long> ids, Exception refusal) {
    boolean refused() {
      return refusal != null;
    }
  }

  /**
   * Sends rows of one destination in order; stops at the first message the engine refuses (a full
   * queue, a send not allowed) and returns what went before it. One identified producer for the
   * batch: the engine checks a producer's right to its queue once, where a send through an
   * unidentified producer (all JMS 2.0 {@code JMSProducer}s) opens a producer session and checks it
   * again for every message.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Sent send(EventDestination destination, List<OutboxEvent> rows) {
    ArrayList<Long> sent = new ArrayList<>();
    try (Connection connection = connectionFactory.createConnection();
        Session session = connection.createSession()) {
      faults.refuseIfArmed(destination);
      MessageProducer producer = session.createProducer(queue(destination));
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      for (OutboxEvent row : rows) {
        TextMessage message = session.createTextMessage(row.envelope());
        message.setJMSCorrelationID(row.correlationId());
        message.setStringProperty(TYPE, row.eventType());
        message.setStringProperty(TENANT, row.tenantId());
        message.setStringProperty(CORRELATION_ID, row.correlationId());
        if (row.partnerId() != null) {
          message.setStringProperty(PARTNER, row.partnerId());
        }
        producer.send(message);
        sent.add(row.id());
      }
    } catch (JMSException | RuntimeException e) {
      return new Sent(List.copyOf(sent), e);
    }
    return new Sent(List.copyOf(sent), null);
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
          .send(queue(destination), message);
    } catch (JMSException e) {
      throw new IllegalStateException("Could not schedule the next attempt", e);
    }
  }

  private synchronized Queue queue(EventDestination destination) {
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
