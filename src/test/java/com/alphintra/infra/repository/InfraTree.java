package com.alphintra.infra.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Locates the repository and reads the Kubernetes tree: YAML documents, kubectl renders. */
final class InfraTree {

  static final List<String> OVERLAYS = List.of("local", "dev", "staging", "prod");
  private static final Duration KUBECTL_TIMEOUT = Duration.ofMinutes(2);

  private InfraTree() {}

  /** The folder holding infra/versions.yaml, found by walking up from the working directory. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("infra/versions.yaml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no infra/versions.yaml above " + Path.of("").toAbsolutePath());
  }

  static Path kubernetesDir() {
    return repositoryRoot().resolve("infra/kubernetes");
  }

  /** Every YAML document of a file, as loaded by SnakeYAML Engine (null documents dropped). */
  static List<Object> documents(String yaml) {
    List<Object> docs = new ArrayList<>();
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      if (doc != null) {
        docs.add(doc);
      }
    }
    return docs;
  }

  static List<Object> documents(Path file) throws IOException {
    return documents(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The YAML files under infra/kubernetes, sorted. */
  static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(kubernetesDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  /** Whether kubectl can be run; tests that need it skip otherwise. */
  static boolean hasKubectl() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Output of `kubectl kustomize` for an overlay, or the error text when it fails; a cloud overlay
   * without cloud-outputs.env renders with its committed example, as `check` does.
   */
  static Rendered render(String overlay) {
    Path dir = kubernetesDir().resolve("overlays").resolve(overlay);
    com.alphintra.infra.exec.ProcessResult result =
        com.alphintra.infra.platform.OverlayRendering.render(
            new com.alphintra.infra.exec.SystemProcessRunner(), dir, KUBECTL_TIMEOUT);
    return new Rendered(
        result.stdout(),
        result.status() == com.alphintra.infra.exec.ProcessResult.Status.EXITED
            ? result.exitCode()
            : 124,
        result.stderr());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** Follows a path of map keys; empty when any step is missing. */
  static Optional<Object> at(Object root, String... keys) {
    Object cur = root;
    for (String k : keys) {
      cur = map(cur).get(k);
      if (cur == null) {
        return Optional.empty();
      }
    }
    return Optional.of(cur);
  }

  record Rendered(String yaml, int exitCode, String errors) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }
}
