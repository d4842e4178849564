package com.alphintra.infra.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts real operating-system processes, with a hard timeout that kills the whole process tree.
 */
public final class SystemProcessRunner implements ProcessRunner {

  private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

  @Override
  public ProcessResult run(Command command) {
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command.arguments());
    command.workingDirectory().ifPresent(directory -> builder.directory(directory.toFile()));
    builder.environment().putAll(command.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return ProcessResult.notFound(command);
    }
    try {
      // Programs we drive never read standard input; closing it keeps a prompt from hanging us.
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // The process may already be gone; its exit status tells the rest.
    }
    Consumer<String> listener = command.lineListener().orElse(line -> {});
    StreamCollector stdout = new StreamCollector(process.getInputStream(), listener);
    StreamCollector stderr = new StreamCollector(process.getErrorStream(), listener);
    stdout.start();
    stderr.start();
    try {
      boolean finished = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        return ProcessResult.timedOut(command, stdout.text(), stderr.text(), elapsedSince(started));
      }
      stdout.join(DRAIN_GRACE.toMillis());
      stderr.join(DRAIN_GRACE.toMillis());
      return ProcessResult.exited(
          command, process.exitValue(), stdout.text(), stderr.text(), elapsedSince(started));
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return ProcessResult.timedOut(command, stdout.text(), stderr.text(), elapsedSince(started));
    }
  }

  private static Duration elapsedSince(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** Reads one stream on its own thread so a full pipe can never block the child. */
  private static final class StreamCollector extends Thread {
    private final InputStream stream;
    private final Consumer<String> listener;
    private final StringBuilder collected = new StringBuilder();

    StreamCollector(InputStream stream, Consumer<String> listener) {
      this.stream = stream;
      this.listener = listener;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (collected) {
            collected.append(line).append('\n');
          }
          listener.accept(line);
        }
      } catch (IOException e) {
        // The stream closes when the process is killed; what was read so far is kept.
      } catch (UncheckedIOException e) {
        // A listener that cannot write any more must not stop the collection.
      }
    }

    String text() {
      synchronized (collected) {
        return collected.toString();
      }
    }
  }
}
