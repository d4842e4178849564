package com.alphintra.infra.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cloud overlays only, after the secrets step (a Job reads the Secrets it makes): waits until every
 * Job of the overlay has completed, such as {@code db-extensions}, which creates pgaudit,
 * pg_stat_statements, pg_partman and pg_cron on Cloud SQL. A Job that failed stops {@code up} at
 * once, one still running when the wait ends stops it too; either way the message names the Job,
 * its condition or its pod's state, and the last lines its container wrote.
 */
final class JobsStep implements Step {

  static final int LOG_LINES = 20;

  /** The label the Job controller puts on the pods it makes. */
  static final String JOB_NAME_LABEL = "job-name";

  private final RenderedOverlay overlay;
  private final Supplier<Cluster> cluster;
  private final Duration wait;

  JobsStep(RenderedOverlay overlay, Supplier<Cluster> cluster, Duration wait) {
    this.overlay = overlay;
    this.cluster = cluster;
    this.wait = wait;
  }

  @Override
  public String name() {
    return "jobs";
  }

  @Override
  public String description() {
    return "wait until the overlay's Jobs complete (db-extensions: the PostgreSQL extensions on"
        + " Cloud SQL)";
  }

  @Override
  public List<String> details() {
    return List.of(
        "wait: every Job of the overlay Complete, up to "
            + Durations.format(wait)
            + " (db-extensions creates pgaudit, pg_stat_statements, pg_partman, pg_cron)",
        "a Job that failed, or still runs then, stops up with its condition and last "
            + LOG_LINES
            + " log lines");
  }

  @Override
  public Duration timeout() {
    return wait.plus(Duration.ofMinutes(1));
  }

  @Override
  public String hint() {
    return "'kubectl -n NAMESPACE logs job/NAME' and 'kubectl -n NAMESPACE describe job NAME' show"
        + " why; a failed Job does not run again until it is deleted, which the rollback of this run"
        + " does (unless --keep-on-failure): fix the cause, then 'alphintra up' again";
  }

  private List<HasMetadata> jobs() throws InterruptedException {
    return overlay.objects().stream().filter(object -> "Job".equals(object.getKind())).toList();
  }

  @Override
  public boolean isDone() throws InterruptedException {
    for (HasMetadata job : jobs()) {
      if (!current(job).map(Readiness::isComplete).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void apply() throws InterruptedException {
    List<HasMetadata> jobs = jobs();
    // Until every Job has completed or failed; which one did not is told below.
    cluster
        .get()
        .waitUntil(
            () ->
                jobs.stream()
                    .map(this::current)
                    .allMatch(
                        job ->
                            job.map(
                                    found ->
                                        Readiness.isComplete(found)
                                            || Readiness.failure(found).isPresent())
                                .orElse(false)),
            wait);
    for (HasMetadata job : jobs) {
      Optional<Job> found = current(job);
      Optional<JobCondition> failure = found.flatMap(Readiness::failure);
      if (failure.isPresent()) {
        throw new StepFailedException(
            "Job "
                + where(job)
                + " failed: "
                + failure.get().getReason()
                + (failure.get().getMessage() == null
                    ? ""
                    : " (" + failure.get().getMessage() + ")"),
            podReport(job));
      }
      if (found.map(Readiness::isComplete).orElse(false)) {
        continue;
      }
      throw new StepFailedException(
          "Job "
              + where(job)
              + (found.isEmpty()
                  ? " does not exist (the platform step applies it)"
                  : " did not complete within "
                      + Durations.format(wait)
                      + ": "
                      + progress(found.get())),
          podReport(job));
    }
  }

  private Optional<Job> current(HasMetadata job) {
    return cluster
        .get()
        .get(Job.class, job.getMetadata().getNamespace(), job.getMetadata().getName());
  }

  private static String where(HasMetadata job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }

  private static String progress(Job job) {
    if (job.getStatus() == null) {
      return "no status yet";
    }
    return value(job.getStatus().getActive())
        + " active, "
        + value(job.getStatus().getFailed())
        + " failed, "
        + value(job.getStatus().getSucceeded())
        + " succeeded";
  }

  private static int value(Integer count) {
    return count == null ? 0 : count;
  }

  /**
   * The newest pod of the Job: each container's state (waiting reasons say a Secret or image is
   * missing) and its last log lines.
   */
  private String podReport(HasMetadata job) {
    String namespace = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    Optional<Pod> newest =
        cluster.get().list(Pod.class, namespace).stream()
            .filter(pod -> name.equals(labels(pod).get(JOB_NAME_LABEL)))
            .max(
                Comparator.comparing(
                    (Pod pod) ->
                        Optional.ofNullable(pod.getMetadata().getCreationTimestamp()).orElse("")));
    if (newest.isEmpty()) {
      return "no pod of Job " + name + " exists";
    }
    Pod pod = newest.get();
    List<String> lines = new ArrayList<>();
    String podName = pod.getMetadata().getName();
    List<ContainerStatus> statuses =
        pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
            ? List.of()
            : pod.getStatus().getContainerStatuses();
    for (ContainerStatus status : statuses) {
      state(status).ifPresent(state -> lines.add("pod " + podName + " " + state));
    }
    for (String container :
        pod.getSpec() == null
            ? List.<String>of()
            : pod.getSpec().getContainers().stream().map(Container::getName).toList()) {
      Optional<String> log = cluster.get().logTail(namespace, podName, container, LOG_LINES);
      lines.add(
          log.map(
                  text ->
                      "last "
                          + LOG_LINES
                          + " log lines of "
                          + podName
                          + "/"
                          + container
                          + ":\n"
                          + text)
              .orElse("no log from " + podName + "/" + container));
    }
    return String.join("\n", lines);
  }

  private static Optional<String> state(ContainerStatus status) {
    if (status.getState() == null) {
      return Optional.empty();
    }
    if (status.getState().getWaiting() != null) {
      var waiting = status.getState().getWaiting();
      return Optional.of(
          status.getName()
              + " waiting: "
              + waiting.getReason()
              + (waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")"));
    }
    if (status.getState().getTerminated() != null) {
      var terminated = status.getState().getTerminated();
      return Optional.of(
          status.getName()
              + " terminated: "
              + terminated.getReason()
              + ", exit code "
              + terminated.getExitCode());
    }
    return Optional.of(status.getName() + " running");
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  @Override
  public void undo() {
    // Waiting changes nothing; the platform step's rollback deletes the Jobs.
  }
}
