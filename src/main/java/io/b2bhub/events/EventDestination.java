package io.b2bhub.events;

import java.util.Arrays;
import java.util.Optional;

/** The JMS queues events leave on, as named on Liberty's messaging engine and in JNDI. */
public enum EventDestination {
  /** Webshop events for the hub's own consumers (the HTTP ingest puts them here too). */
  HUB("b2bhub.hub.events", "jms/b2bhub/hubEvents"),
  /** Events the hub publishes for the webshop. */
  WEBSHOP("b2bhub.webshop.events", "jms/b2bhub/webshopEvents");

  private final String queueName;
  private final String jndiName;

  EventDestination(String queueName, String jndiName) {
    this.queueName = queueName;
    this.jndiName = jndiName;
  }

  public String queueName() {
    return queueName;
  }

  String jndiName() {
    return jndiName;
  }

  static Optional<EventDestination> byQueueName(String queueName) {
    return Arrays.stream(values()).filter(d -> d.queueName.equals(queueName)).findFirst();
  }
}
