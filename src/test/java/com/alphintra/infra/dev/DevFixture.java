package com.alphintra.infra.dev;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.image.BuiltImage;
import com.alphintra.infra.image.ImagePublisher;
import com.alphintra.infra.image.ImageRequest;
import com.alphintra.infra.local.Cluster;
import com.alphintra.infra.workspace.Workspace;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A checkout with the repository's real versions.yaml, k3d config and sample Deployments, the
 * sample service's sources, a fake Maven that "compiles" by writing a class file, a fake image
 * publisher, and the Deployments created in the CRUD mock server, available, on the image the
 * manifests name.
 */
public final class DevFixture {

  public static final String DIGEST = "sha256:" + "1234abcd".repeat(8);
  public static final String OLD_IMAGE =
      "k3d-alphintra-registry.localhost:5000/alphintra/sample-service:0.1.0";

  public final Workspace workspace;
  public final FakeProcessRunner processes = new FakeProcessRunner();
  public final KubernetesClient client;
  public final List<String> pushed = new ArrayList<>();
  public Function<ImageRequest, BuiltImage> publish =
      request -> new BuiltImage("pushed", DIGEST, "sha256:id", Duration.ofMillis(3));

  public DevFixture(Path root, KubernetesClient client) {
    this.client = client;
    this.workspace = new Workspace(root);
    try {
      copy(Path.of("infra/versions.yaml"), root);
      copy(Path.of("infra/kubernetes/local-k3d/cluster-config.yaml"), root);
      try (Stream<Path> files = Files.list(Path.of("infra/kubernetes/base/services"))) {
        for (Path file :
            files.filter(path -> path.toString().endsWith("-deployment.yaml")).toList()) {
          copy(file, root);
        }
      }
      Path sources = root.resolve("services/sample-service/src/main/java/com/alphintra/sample");
      Files.createDirectories(sources);
      Files.writeString(root.resolve("services/sample-service/pom.xml"), "<project/>\n");
      Files.writeString(sources.resolve("Main.java"), "class Main {}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    processes.respond(this::compile, root.resolve("mvnw").toString());
    try (Stream<Path> files = Files.list(root.resolve("infra/kubernetes/base/services"))) {
      for (Path file : files.sorted().toList()) {
        try (var in = Files.newInputStream(file)) {
          for (HasMetadata object : client.load(in).items()) {
            client.resource(FakeDeploymentController.available((Deployment) object)).create();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ImagePublisher publisher() {
    return (request, reference) -> {
      pushed.add(reference);
      return publish.apply(request);
    };
  }

  public DevLoop devLoop() {
    return new DevLoop(workspace, processes, publisher(), clusters());
  }

  /**
   * One client per connection, as production makes one: closing it leaves the test's client open.
   */
  public Function<String, Cluster> clusters() {
    return context ->
        Cluster.createOrUpdate(
            new KubernetesClientBuilder().withConfig(client.getConfiguration()).build());
  }

  public String image(String deployment) {
    return client
        .apps()
        .deployments()
        .inNamespace("alphintra")
        .withName(deployment)
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  private ProcessResult compile(Command command) {
    try {
      Path classes =
          workspace.root().resolve("services/sample-service/target/classes/com/alphintra/sample");
      Files.createDirectories(classes);
      Files.write(classes.resolve("Main.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ProcessResult.exited(command, 0, "", "", Duration.ofMillis(5));
  }

  private static void copy(Path file, Path root) throws IOException {
    Path target = root.resolve(file.toString());
    Files.createDirectories(target.getParent());
    Files.copy(file, target);
  }
}
