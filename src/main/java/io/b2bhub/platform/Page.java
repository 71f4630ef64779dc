package io.b2bhub.platform;

import java.util.List;
import java.util.function.Function;

/** One page of results and, when more follow, the position to continue from. */
public record Page<T>(List<T> items, KeysetPosition next) {

  /** Takes rows fetched with limit + 1: the extra row only proves that another page exists. */
  public static <R, T> Page<T> of(
      List<R> rows, int limit, Function<R, T> mapper, Function<R, KeysetPosition> position) {
    boolean more = rows.size() > limit;
    List<R> visible = more ? rows.subList(0, limit) : rows;
    KeysetPosition next = more ? position.apply(visible.get(visible.size() - 1)) : null;
    return new Page<>(visible.stream().map(mapper).toList(), next);
  }
}
