package io.marketdesk.order;

import java.util.function.Function;

/**
 * What looking something up for an action came to: the thing found, or the refusal to answer with
 * (an order command's reply, an action's result). A value in place of {@code Object} and
 * {@code instanceof}: the caller says what to do with the thing, and a refusal passes through as it
 * is. Immutable when its contents are.
 *
 * @param <T> what is looked up (an order, a refund request)
 * @param <R> what a refusal is at the caller (an {@code Outcome}, an {@link OrderResult})
 */
public sealed interface Lookup<T, R> permits Lookup.Found, Lookup.Refused {

  /** The thing was found. */
  record Found<T, R>(T value) implements Lookup<T, R> {}

  /** It was not (or is not the caller's): the refusal to answer with. */
  record Refused<T, R>(R refusal) implements Lookup<T, R> {}

  static <T, R> Lookup<T, R> found(T value) {
    return new Found<>(value);
  }

  static <T, R> Lookup<T, R> refused(R refusal) {
    return new Refused<>(refusal);
  }

  /** A further check or lookup on what was found; a refusal stays as it is. */
  default <U> Lookup<U, R> flatMap(Function<? super T, Lookup<U, R>> next) {
    if (this instanceof Found<T, R> f) {
      return next.apply(f.value());
    }
    return new Refused<>(((Refused<T, R>) this).refusal());
  }

  /** The answer: {@code action} applied to what was found, or the refusal. */
  default R then(Function<? super T, ? extends R> action) {
    if (this instanceof Found<T, R> f) {
      return action.apply(f.value());
    }
    return ((Refused<T, R>) this).refusal();
  }
}
