package com.alphintra.infra.workspace;

import com.alphintra.infra.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository the tool works on: found by walking up from a starting folder to the one that
 * holds {@code infra/versions.yaml}, so the tool works from any folder inside a checkout.
 */
public record Workspace(Path root) {

  public static final String VERSIONS_FILE = "infra/versions.yaml";

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  public static Optional<Workspace> find(Path start) {
    for (Path folder = start.toAbsolutePath().normalize();
        folder != null;
        folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve(VERSIONS_FILE))) {
        return Optional.of(new Workspace(folder));
      }
    }
    return Optional.empty();
  }

  public static Workspace locate(Path start) {
    return find(start)
        .orElseThrow(
            () ->
                new InputException(
                    "no Alphintra checkout found at or above " + start.toAbsolutePath().normalize(),
                    "run the command inside the repository, or pass --workspace <path to the checkout>"));
  }

  public Path infra() {
    return root.resolve("infra");
  }

  public Path versionsFile() {
    return root.resolve(VERSIONS_FILE);
  }

  public Path terraform() {
    return infra().resolve("terraform");
  }

  public Path kubernetes() {
    return infra().resolve("kubernetes");
  }

  public Path k3dConfig() {
    return kubernetes().resolve("local-k3d/cluster-config.yaml");
  }

  /** Git-ignored folder for generated local state: CA, certificates, secret values. Owner-only. */
  public Path localState() {
    return root.resolve(".alphintra");
  }
}
