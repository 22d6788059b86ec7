package io.strikeswarm.cex.venue;

import java.util.function.Function;

/** A read from the venue, after retries: the value, or why there is none. */
public sealed interface ReadOutcome<T> {
  record Ok<T>(T value) implements ReadOutcome<T> {}

  record Failed<T>(String message) implements ReadOutcome<T> {}

  default <R> ReadOutcome<R> map(Function<T, R> f) {
    if (this instanceof Ok<T> ok) return new Ok<>(f.apply(ok.value()));
    return new Failed<>(((Failed<T>) this).message());
  }
}
