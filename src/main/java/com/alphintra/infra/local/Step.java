package com.alphintra.infra.local;

import java.time.Duration;
import java.util.List;

/**
 * One layer of the local environment. A step can tell whether it is already in place (so running
 * {@code up} twice changes nothing), put itself in place, and take itself away again for a
 * rollback.
 */
public interface Step {

  /**
   * Short, stable name used by {@code --only} and {@code --from}: {@code cluster}, {@code istio}.
   */
  String name();

  /** One sentence on what the step does. */
  String description();

  /**
   * What the step will run or install, for {@code --dry-run}: programs and arguments, charts,
   * objects.
   */
  List<String> details();

  /**
   * How long {@link #isDone()} and {@link #apply()} may take together before the step counts as
   * failed.
   */
  Duration timeout();

  /** What a person can do when the step fails. */
  String hint();

  boolean isDone() throws InterruptedException;

  void apply() throws InterruptedException;

  /** Takes away what {@link #apply()} put in place; only called after this run applied the step. */
  void undo() throws InterruptedException;
}
