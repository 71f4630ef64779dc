package io.b2bhub.webshop;

import io.b2bhub.platform.ProblemMappers;
import io.b2bhub.platform.SandboxGate;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The webshop sandbox's own REST application, serving the sandbox and nothing else. */
@ApplicationPath("/sandbox/webshop")
public class WebshopSandboxApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ProblemMappers.ALL);
    classes.add(WebshopSandboxResource.class);
    classes.add(SandboxGate.class);
    return classes;
  }
}
