package io.b2bhub.events;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The webshop's JMS door: envelopes it sends to {@code b2bhub.webshop.intake} (only its messaging
 * user may) are checked and accepted into the outbox exactly like {@code POST /api/v1/events}.
 * Bean-managed: the outbox insert commits first, then the message is acknowledged; a crash in
 * between redelivers it, and the outbox recognises the event id.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/b2bhub/webshopIntake"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionManagement(TransactionManagementType.BEAN)
public class WebshopIntakeConsumer implements MessageListener {
  @Inject JmsEventIntake intake;

  @Override
  public void onMessage(Message message) {
    intake.take(message);
  }
}
