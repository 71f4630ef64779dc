package io.b2bhub.platform;

import java.util.Set;

/**
 * The exception mappers that make every failure problem+json, for applications that list theirs.
 */
public final class ProblemMappers {
  public static final Set<Class<?>> ALL =
      Set.of(
          ProblemExceptionMapper.class,
          WebApplicationExceptionMapper.class,
          UnreadableBodyExceptionMapper.class,
          JsonbExceptionMapper.class,
          ConstraintViolationExceptionMapper.class,
          UnexpectedExceptionMapper.class);

  private ProblemMappers() {}
}
