package com.alphintra.infra.local;

import java.util.function.Supplier;

/**
 * A value made on first use: a connection to a cluster that does not exist yet when the plan is
 * built, and is never made by a dry run.
 */
final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> maker;
  private T value;

  Lazy(Supplier<T> maker) {
    this.maker = maker;
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = maker.get();
    }
    return value;
  }

  synchronized boolean isMade() {
    return value != null;
  }
}
