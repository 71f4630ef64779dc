package io.b2bhub.files;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the inbox poller and the outbound push worker with the web module, on a thread that
 * carries the module's context.
 */
@WebListener
public class FileServicesStartup implements ServletContextListener {
  @Inject InboxPoller poller;
  @Inject SftpPushWorker pushes;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    poller.start();
    pushes.start();
  }
}
