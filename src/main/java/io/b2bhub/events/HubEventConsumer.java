package io.b2bhub.events;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes the hub's event queue. Bean-managed: each handler commits its own database transaction
 * (inbox row, effects and outbox together), and the message is acknowledged after that. A crash in
 * between redelivers the message, and the inbox turns the redelivery into a no-op.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/b2bhub/hubEvents"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionManagement(TransactionManagementType.BEAN)
public class HubEventConsumer implements MessageListener {
  @Inject EventDispatcher dispatcher;

  @Override
  public void onMessage(Message message) {
    dispatcher.dispatch(message);
  }
}
