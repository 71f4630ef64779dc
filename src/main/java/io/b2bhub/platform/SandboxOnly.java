package io.b2bhub.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the resource of a built-in sandbox (a stand-in for a system that does not exist here): it
 * answers only under {@link #mount()} and only while the switch {@link #enabledBy()} is true.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SandboxOnly {
  /** The path the sandbox's own application serves, with a trailing slash. */
  String mount();

  /** The boolean configuration key that switches the sandbox on (off when absent). */
  String enabledBy();
}
