package com.alphintra.infra.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long work: on JVM shutdown (SIGINT, SIGTERM) the worker thread is interrupted, and the
 * shutdown waits until the work says it is finished (rolled back, forwards closed, report printed),
 * up to a limit. Closing it marks the work finished and removes the hook.
 */
public final class ShutdownInterrupt implements AutoCloseable {

  static final Duration GRACE = Duration.ofMinutes(6);

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private ShutdownInterrupt(Thread worker) {
    this.hook =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "alphintra-ctrl-c");
  }

  /** Interrupts the calling thread on Ctrl-C until closed. */
  public static ShutdownInterrupt forCurrentThread() {
    ShutdownInterrupt interrupt = new ShutdownInterrupt(Thread.currentThread());
    Runtime.getRuntime().addShutdownHook(interrupt.hook);
    return interrupt;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutdown already began: the hook is running and now sees that the work is finished.
    }
  }
}
