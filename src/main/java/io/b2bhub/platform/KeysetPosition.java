package io.b2bhub.platform;

import java.time.OffsetDateTime;

/** A position in a list ordered by (time, id): the last row a page ended on. */
public record KeysetPosition(OffsetDateTime time, long id) {}
