package io.b2bhub.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose request carries its own authorization: a signed, expiring link the
 * method verifies before it answers (constant-time, bound to the one document it names). Such paths
 * are left open by the container and the partner token check, and nothing else may be.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuthorizedBySignedLink {}
