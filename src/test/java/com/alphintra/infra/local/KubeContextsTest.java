package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeContextsTest {

  @TempDir Path root;

  private Path write(String name, String text) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void resolvesTheNamedContextNotTheCurrentOne() throws Exception {
    Path config =
        write(
            "config",
            """
            current-context: other
            contexts:
              - {name: other, context: {cluster: other, user: other}}
              - {name: k3d-alphintra, context: {cluster: k3d-alphintra, user: admin@k3d-alphintra}}
            clusters:
              - {name: other, cluster: {server: "https://10.0.0.1:6443"}}
              - {name: k3d-alphintra, cluster: {server: "https://127.0.0.1:6550", certificate-authority: ca.crt}}
            users:
              - {name: other, user: {token: other-token}}
              - {name: admin@k3d-alphintra, user: {client-certificate: certs/admin.crt, client-key: /abs/admin.key}}
            """);

    KubeContext context = KubeContexts.of(config).resolve("k3d-alphintra");

    assertThat(context.server()).isEqualTo(URI.create("https://127.0.0.1:6550"));
    assertThat(context.isLoopback()).isTrue();
    assertThat(context.kubeconfig())
        .contains("current-context: k3d-alphintra")
        .contains(root.resolve("ca.crt").toString())
        .contains(root.resolve("certs/admin.crt").toString())
        .contains("/abs/admin.key")
        .doesNotContain("other-token")
        .doesNotContain("10.0.0.1");
    assertThat(context.toString()).doesNotContain("client-key");
    assertThat(context.clientConfig().getMasterUrl()).startsWith("https://127.0.0.1:6550");
  }

  @Test
  void theFirstFileOfKubeconfigToDefineANameWins() throws Exception {
    Path first =
        write(
            "a/config",
            """
            contexts: [{name: dev, context: {cluster: dev}}]
            clusters: [{name: dev, cluster: {server: "https://127.0.0.1:1111"}}]
            """);
    Path second =
        write(
            "b/config",
            """
            contexts: [{name: dev, context: {cluster: shadow}}, {name: gke, context: {cluster: gke}}]
            clusters:
              - {name: dev, cluster: {server: "https://127.0.0.1:2222"}}
              - {name: gke, cluster: {server: "https://34.1.2.3"}}
            """);
    KubeContexts contexts =
        KubeContexts.fromEnvironment(
            Map.of("KUBECONFIG", first + File.pathSeparator + second), root);

    assertThat(contexts.resolve("dev").server().getPort()).isEqualTo(1111);
    assertThat(contexts.resolve("gke").isLoopback()).isFalse();
    assertThat(contexts.describe()).isEqualTo(first + File.pathSeparator + second);
  }

  @Test
  void anAbsentContextIsRefusedWithTheFileAndHowToListThem() throws Exception {
    Path config =
        write(
            "config",
            """
            current-context: other
            contexts: [{name: other, context: {cluster: other}}]
            clusters: [{name: other, cluster: {server: "https://127.0.0.1:1"}}]
            """);

    assertThatThrownBy(() -> KubeContexts.of(config).resolve("k3d-alphintra"))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessage(
            "the kubeconfig "
                + config
                + " has no context k3d-alphintra; `kubectl config get-contexts` lists them");
  }

  @Test
  void aContextWhoseClusterIsMissingIsRefused() throws Exception {
    Path config = write("config", "contexts: [{name: x, context: {cluster: gone}}]\n");

    assertThatThrownBy(() -> KubeContexts.of(config).resolve("x"))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("names cluster 'gone', which is not there");
  }

  @Test
  void noKubeconfigAtAllMeansNoCluster() {
    KubeContexts contexts = KubeContexts.fromEnvironment(Map.of(), root);

    assertThatThrownBy(() -> contexts.resolve("k3d-alphintra"))
        .isInstanceOf(MissingPrerequisiteException.class)
        .hasMessageContaining("no cluster: the kubeconfig " + root.resolve(".kube/config"))
        .hasMessageContaining("KUBECONFIG is not set");
  }

  @Test
  void aMalformedKubeconfigIsAnInputError() throws Exception {
    Path config = write("config", "contexts: [unclosed\n");

    assertThatThrownBy(() -> KubeContexts.of(config).resolve("x"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("malformed kubeconfig");
  }

  @Test
  void aServerWithoutHostIsAnInputError() throws Exception {
    Path config =
        write(
            "config",
            """
            contexts: [{name: x, context: {cluster: x}}]
            clusters: [{name: x, cluster: {server: "not a url"}}]
            """);

    assertThatThrownBy(() -> KubeContexts.of(config).resolve("x"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no usable server URL");
  }

  @ParameterizedTest
  @CsvSource({
    "https://127.0.0.1:6550, true",
    "https://127.0.0.53:6443, true",
    "https://localhost:6443, true",
    "https://k3d.localhost:6443, true",
    "https://0.0.0.0:6550, true",
    "https://[::1]:6443, true",
    "https://10.0.0.1:6443, false",
    "https://34.1.2.3, false",
    "https://cluster.example.com, false",
    "https://localhost.example.com:6443, false",
    "https://host.docker.internal:6550, false"
  })
  void loopbackIsDecidedWithoutLookingNamesUp(String server, boolean loopback) {
    assertThat(KubeContext.isLoopback(URI.create(server))).isEqualTo(loopback);
  }
}
