package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.local.LocalFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class AccessCommandTest {

  KubernetesClient client;

  @TempDir Path root;

  @Test
  void aMissingAddonServiceSaysHowToInstallIt() {
    LocalFixture fixture = new LocalFixture(root, client);
    Services services =
        new Services(
            fixture.processes,
            fixture.host,
            () -> Optional.of(fixture.workspace),
            fixture.services());

    CliRun run = CliRun.of(services, "access", "kiali", "--for", "PT0.1S");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Service observability/kiali of kiali is not there");
  }

  @Test
  void anUnknownAddonIsABadInvocation() {
    LocalFixture fixture = new LocalFixture(root, client);
    Services services =
        new Services(
            fixture.processes,
            fixture.host,
            () -> Optional.of(fixture.workspace),
            fixture.services());

    CliRun run = CliRun.of(services, "access", "nagios");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsIgnoringCase("KIALI").contains("nagios");
  }
}
