package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.exec.FakeProcessRunner;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jobs step against the fabric8 mock API server: the overlay's db-extensions Job completes,
 * fails, or is still running when the wait ends; the failures name the Job, its condition or
 * progress, its pod's container state and its last log lines.
 */
@EnableKubernetesMockClient(crud = true)
class JobsStepTest {

  static final String OVERLAY =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: db-extensions
        namespace: alphintra-data
      data:
        extensions.sql: CREATE EXTENSION IF NOT EXISTS pgaudit;
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: db-extensions
        namespace: alphintra-data
      spec:
        backoffLimit: 10
        template:
          spec:
            restartPolicy: OnFailure
            containers:
            - name: psql
              image: postgres:17.6-alpine
      """;

  KubernetesMockServer server;
  KubernetesClient client;

  private Cluster cluster;
  private JobsStep step;

  @BeforeEach
  void theOverlayHoldsTheDbExtensionsJob() {
    cluster = Cluster.createOrUpdate(client);
    FakeProcessRunner processes = new FakeProcessRunner().succeeds(OVERLAY, "kubectl", "kustomize");
    step =
        new JobsStep(
            new RenderedOverlay(new Programs(processes), Path.of("overlays/dev"), () -> cluster),
            () -> cluster,
            Duration.ofMillis(300));
  }

  @Test
  void aCompletedJobIsDoneAndApplyingReturns() throws Exception {
    client.resource(job("Complete", null, null)).create();

    assertThat(step.isDone()).isTrue();
    step.apply();
  }

  @Test
  void aFailedJobStopsAtOnceWithItsConditionAndLastLogLines() throws Exception {
    client.resource(job(null, null, null)).create();
    client
        .resource(
            pod(
                "db-extensions-7xk2p",
                "2026-12-05T00:01:00Z",
                "terminated",
                "Error",
                "exit code 2"))
        .create();
    client
        .resource(
            pod("db-extensions-older", "2026-12-05T00:00:00Z", "terminated", "Error", "first try"))
        .create();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/alphintra-data/pods/db-extensions-7xk2p/log?pretty=false&container=psql&tailLines=20")
        .andReturn(
            200,
            "psql: error: connection to server at \"cloudsql.alphintra-data.svc.cluster.local\""
                + " (10.10.32.3), port 5432 failed: FATAL:  password authentication failed for user"
                + " \"alphintra_app\"\n")
        .always();
    // The controller gives up while up waits.
    Thread giveUp =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
                client
                    .resource(
                        job(
                            "Failed",
                            "BackoffLimitExceeded",
                            "Job has reached the specified backoff limit"))
                    .update();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    giveUp.start();
    long started = System.nanoTime();

    assertThat(step.isDone()).isFalse();
    assertThatThrownBy(step::apply)
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "Job alphintra-data/db-extensions failed: BackoffLimitExceeded (Job has reached the"
                + " specified backoff limit)")
        .satisfies(
            e ->
                assertThat(((StepFailedException) e).detail())
                    .contains("pod db-extensions-7xk2p psql terminated: Error, exit code 2")
                    .contains("last 20 log lines of db-extensions-7xk2p/psql:")
                    .contains("password authentication failed for user \"alphintra_app\"")
                    .doesNotContain("db-extensions-older"));
    giveUp.join();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aJobStillRunningWhenTheWaitEndsFailsWithItsProgressAndPodState() throws Exception {
    Job running = job(null, null, null);
    running.getStatus().setActive(1);
    client.resource(running).create();
    client
        .resource(
            pod(
                "db-extensions-q9r4t",
                "2026-12-05T00:01:00Z",
                "waiting",
                "CreateContainerConfigError",
                "secret \"cloudsql-app-credentials\" not found"))
        .create();
    // What the API server answers while the container has not started.
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/alphintra-data/pods/db-extensions-q9r4t/log?pretty=false&container=psql&tailLines=20")
        .andReturn(
            400,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                + "\"container \\\"psql\\\" in pod \\\"db-extensions-q9r4t\\\" is waiting to start:"
                + " CreateContainerConfigError\",\"reason\":\"BadRequest\",\"code\":400}")
        .always();
    Instant started = Instant.now();

    assertThatThrownBy(step::apply)
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "Job alphintra-data/db-extensions did not complete within 300ms: 1 active, 0 failed,"
                + " 0 succeeded")
        .satisfies(
            e ->
                assertThat(((StepFailedException) e).detail())
                    .contains(
                        "pod db-extensions-q9r4t psql waiting: CreateContainerConfigError (secret"
                            + " \"cloudsql-app-credentials\" not found)")
                    .contains("no log from db-extensions-q9r4t/psql"));
    assertThat(Duration.between(started, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aJobTheClusterDoesNotHoldIsNamed() {
    assertThatThrownBy(step::apply)
        .isInstanceOf(StepFailedException.class)
        .hasMessage(
            "Job alphintra-data/db-extensions does not exist (the platform step applies it)")
        .satisfies(
            e ->
                assertThat(((StepFailedException) e).detail())
                    .isEqualTo("no pod of Job db-extensions exists"));
  }

  private static Job job(String condition, String reason, String message) {
    JobBuilder builder =
        new JobBuilder()
            .withNewMetadata()
            .withName("db-extensions")
            .withNamespace("alphintra-data")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(10)
            .withNewTemplate()
            .withNewSpec()
            .withRestartPolicy("OnFailure")
            .addNewContainer()
            .withName("psql")
            .withImage("postgres:17.6-alpine")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec();
    if (condition == null) {
      return builder.withNewStatus().endStatus().build();
    }
    return builder
        .withNewStatus()
        .addNewCondition()
        .withType(condition)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod pod(String name, String created, String state, String reason, String message) {
    PodBuilder builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("alphintra-data")
            .withCreationTimestamp(created)
            .addToLabels(JobsStep.JOB_NAME_LABEL, "db-extensions")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("psql")
            .withImage("postgres:17.6-alpine")
            .endContainer()
            .endSpec();
    var status = builder.withNewStatus().addNewContainerStatus().withName("psql").withNewState();
    if (state.equals("waiting")) {
      status.withNewWaiting().withReason(reason).withMessage(message).endWaiting();
    } else {
      status.withNewTerminated().withReason(reason).withExitCode(2).endTerminated();
    }
    return status.endState().endContainerStatus().endStatus().build();
  }
}
