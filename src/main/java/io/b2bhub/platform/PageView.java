package io.b2bhub.platform;

import java.util.List;

/** A page as the API returns it: the items and, when more follow, an opaque cursor for the next. */
public record PageView<T>(List<T> items, String nextCursor) {}
