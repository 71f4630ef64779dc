package io.b2bhub.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of results; {@code next} is the position to continue from when more follow, {@code last}
 * the position of the page's last item (null for an empty page), where a change feed resumes later.
 */
public record Page<T>(List<T> items, KeysetPosition next, KeysetPosition last) {

  /** Takes rows fetched with limit + 1: the extra row only proves that another page exists. */
  public static <R, T> Page<T> of(
      List<R> rows, int limit, Function<R, T> mapper, Function<R, KeysetPosition> position) {
    boolean more = rows.size() > limit;
    List<R> visible = more ? rows.subList(0, limit) : rows;
    KeysetPosition last =
        visible.isEmpty() ? null : position.apply(visible.get(visible.size() - 1));
    return new Page<>(visible.stream().map(mapper).toList(), more ? last : null, last);
  }
}
