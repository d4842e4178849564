package com.alphintra.infra.platform;

import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.workspace.OverlayOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders one overlay with {@code kubectl kustomize}. A cloud overlay reads its Terraform outputs
 * from the git-ignored {@code cloud-outputs.env} that {@code alphintra cloud outputs} writes; when
 * a checkout has none (a fresh clone, CI), the overlay is rendered from a temporary copy of the
 * Kubernetes tree that holds the committed {@code cloud-outputs.env.example} under the real name,
 * so the real values always win when present and the checkout itself is never written.
 */
public final class OverlayRendering {

  /** The outputs file {@code alphintra cloud outputs} writes beside a cloud overlay. */
  public static final String OUTPUTS = OverlayOutputs.FILE;

  public static final String EXAMPLE = OverlayOutputs.EXAMPLE;

  private OverlayRendering() {}

  /** Whether the overlay is rendered with its example outputs. */
  public static boolean usesExample(Path overlay) {
    return !Files.exists(overlay.resolve(OUTPUTS)) && Files.isRegularFile(overlay.resolve(EXAMPLE));
  }

  public static ProcessResult render(ProcessRunner processes, Path overlay, Duration timeout) {
    if (!usesExample(overlay)) {
      return processes.run(
          Command.of("kubectl", "kustomize", overlay.toString()).withTimeout(timeout));
    }
    // overlays/<name> sits two levels below the tree its kustomization reaches with ../../
    Path tree = overlay.toAbsolutePath().getParent().getParent();
    Path copy = null;
    try {
      copy = Files.createTempDirectory("alphintra-overlay-");
      copyTree(tree, copy);
      Path staged = copy.resolve(tree.relativize(overlay.toAbsolutePath()));
      Files.copy(staged.resolve(EXAMPLE), staged.resolve(OUTPUTS));
      return processes.run(
          Command.of("kubectl", "kustomize", staged.toString()).withTimeout(timeout));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage " + overlay + " with its example outputs", e);
    } finally {
      if (copy != null) {
        delete(copy);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.toList();
    }
    for (Path path : paths) {
      Path target = to.resolve(from.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(target);
      } else if (Files.isRegularFile(path)) {
        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A temporary copy left behind is harmless; the render's result is what matters.
    }
  }
}
