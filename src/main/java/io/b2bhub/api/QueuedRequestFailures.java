package io.b2bhub.api;

import io.b2bhub.events.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;

/** A queued sync request whose event ended in the dead letters is FAILED, with the reason. */
@ApplicationScoped
public class QueuedRequestFailures {
  @PersistenceContext(unitName = "b2bhub")
  EntityManager em;

  @Inject Clock clock;

  void onDeadLetter(@Observes DeadLetters.DeadLettered deadLetter) {
    if (deadLetter.requestId() == null || deadLetter.partnerId() == null) {
      return;
    }
    em.createNamedQuery("PendingErpRequest.findByRequestId", PendingErpRequest.class)
        .setParameter("requestId", deadLetter.requestId())
        .setParameter("partnerId", deadLetter.partnerId())
        .getResultStream()
        .findFirst()
        .ifPresent(
            p ->
                p.failed(
                    deadLetter.reason() + ": " + deadLetter.error(), OffsetDateTime.now(clock)));
  }
}
