package it.io.b2bhub;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place integration tests get their deployment: the WAR the build just packaged, exactly as
 * it ships (context root "/" from its ibm-web-ext.xml), so tests prove the real artifact.
 */
public final class Deployments {
  private Deployments() {}

  public static WebArchive hub() {
    File war = new File(System.getProperty("b2bhub.it.war", "target/b2b-hub.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Package the WAR first (mvn verify does): " + war);
    }
    return ShrinkWrap.create(ZipImporter.class, "b2b-hub.war").importFrom(war).as(WebArchive.class);
  }
}
