package io.b2bhub.erp;

import io.b2bhub.platform.ProblemMappers;
import io.b2bhub.platform.SandboxGate;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The ERP sandbox's own REST application. It lists its classes explicitly so that it serves the
 * sandbox and nothing else (an application that lists none is given every resource in the WAR).
 */
@ApplicationPath("/sandbox/erp")
public class ErpSandboxApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ProblemMappers.ALL);
    classes.add(ErpSandboxResource.class);
    classes.add(SandboxGate.class);
    return classes;
  }
}
