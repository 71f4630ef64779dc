package io.b2bhub.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the messaging engine accepts a connection. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Resource(lookup = "jdbc/b2bhub")
  DataSource dataSource;

  @Resource(lookup = "jms/b2bhub/connectionFactory")
  ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("b2bhub-dependencies");
    boolean database = databaseAnswers();
    boolean messaging = messagingAnswers();
    return response
        .status(database && messaging)
        .withData("database", database ? "UP" : "DOWN")
        .withData("messaging", messaging ? "UP" : "DOWN")
        .build();
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private boolean messagingAnswers() {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
