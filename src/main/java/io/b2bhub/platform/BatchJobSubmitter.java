package io.b2bhub.platform;

import com.ibm.websphere.security.auth.WSSubject;
import com.ibm.websphere.security.auth.callback.WSCallbackHandlerImpl;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Properties;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts Jakarta Batch jobs from the hub's background threads (no user is logged in there) as the
 * hub's batch identity, which holds the batchSubmitter role only. Liberty refuses unauthenticated
 * submissions, and granting the role to everyone would open the batch REST API too.
 */
@ApplicationScoped
public class BatchJobSubmitter {
  static final String SANDBOX_PASSWORD = "sandbox-batch-password";

  @Inject
  @ConfigProperty(name = "BATCH_SUBMITTER_USER", defaultValue = "b2bhub-batch")
  String user;

  @Inject
  @ConfigProperty(name = "BATCH_SUBMITTER_PASSWORD", defaultValue = SANDBOX_PASSWORD)
  String password;

  /** Starts the job and returns its execution id. */
  public long start(String jobName, Properties parameters) {
    try {
      LoginContext login = new LoginContext("WSLogin", new WSCallbackHandlerImpl(user, password));
      login.login();
      Subject subject = login.getSubject();
      return (Long)
          WSSubject.doAs(
              subject,
              (PrivilegedExceptionAction<Long>)
                  () -> BatchRuntime.getJobOperator().start(jobName, parameters));
    } catch (LoginException e) {
      throw new IllegalStateException(
          "The batch identity BATCH_SUBMITTER_USER cannot log in; check its password", e);
    } catch (PrivilegedActionException e) {
      throw new IllegalStateException("Job " + jobName + " not started", e.getException());
    }
  }
}
