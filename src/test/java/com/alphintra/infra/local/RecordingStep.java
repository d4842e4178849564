package com.alphintra.infra.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A step for runner tests: logs every call into a shared list and fails, hangs or is done on
 * request.
 */
final class RecordingStep implements Step {

  enum Behaviour {
    APPLIES,
    ALREADY_DONE,
    FAILS,
    HANGS
  }

  final CountDownLatch started = new CountDownLatch(1);
  private final String name;
  private final List<String> log;
  private final Behaviour behaviour;
  private final Duration timeout;

  RecordingStep(String name, List<String> log, Behaviour behaviour) {
    this(name, log, behaviour, Duration.ofSeconds(10));
  }

  RecordingStep(String name, List<String> log, Behaviour behaviour, Duration timeout) {
    this.name = name;
    this.log = log;
    this.behaviour = behaviour;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "step " + name;
  }

  @Override
  public List<String> details() {
    return List.of();
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String hint() {
    return "fix " + name;
  }

  @Override
  public boolean isDone() {
    return behaviour == Behaviour.ALREADY_DONE;
  }

  @Override
  public void apply() throws InterruptedException {
    started.countDown();
    switch (behaviour) {
      case FAILS -> throw new StepFailedException(name + " broke", "output of " + name);
      case HANGS -> Thread.sleep(Long.MAX_VALUE);
      default -> log.add("apply " + name);
    }
  }

  @Override
  public void undo() {
    log.add("undo " + name);
  }
}
