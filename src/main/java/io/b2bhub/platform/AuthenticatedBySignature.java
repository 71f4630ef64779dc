package io.b2bhub.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose request carries its own proof, which the method verifies before
 * anything else, in constant time: a signed, expiring link to one document, or an HMAC signature
 * over the raw body with the sender's secret and a timestamp window. Such paths are left open by
 * the container and the partner token check, and nothing else may be.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuthenticatedBySignature {}
