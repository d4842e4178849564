package com.alphintra.infra.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The per-user folder of Helm chart archives: {@code up} saves each chart it installs there as
 * {@code <chart>-<version>.tgz}, and {@code check} renders the releases from it.
 */
public final class ChartCache {

  private ChartCache() {}

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/alphintra/charts}. */
  public static Path folder(Map<String, String> environment) {
    return alphintraCache(environment).resolve("charts");
  }

  /**
   * {@code ${XDG_CACHE_HOME:-$HOME/.cache}/alphintra/renders}: what {@code check} keeps of each
   * Helm release's render, so that an unchanged release is not templated again.
   */
  public static Path renderFolder(Map<String, String> environment) {
    return alphintraCache(environment).resolve("renders");
  }

  private static Path alphintraCache(Map<String, String> environment) {
    String cache = environment.get("XDG_CACHE_HOME");
    Path base =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
    return base.resolve("alphintra");
  }

  /**
   * Where Helm (embedded in helm-java, which reads the same environment) keeps the chart archives
   * it downloads: {@code $HELM_REPOSITORY_CACHE}, else {@code $HELM_CACHE_HOME/repository}, else
   * {@code ${XDG_CACHE_HOME:-~/.cache}/helm/repository} ({@code ~/Library/Caches/helm/repository}
   * on macOS).
   */
  public static Path helmRepositoryCache(Map<String, String> environment, String osName) {
    String repository = environment.get("HELM_REPOSITORY_CACHE");
    if (repository != null && !repository.isBlank()) {
      return Path.of(repository);
    }
    String helmCache = environment.get("HELM_CACHE_HOME");
    if (helmCache != null && !helmCache.isBlank()) {
      return Path.of(helmCache).resolve("repository");
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    String xdg = environment.get("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : osName.toLowerCase(java.util.Locale.ROOT).contains("mac")
                ? Path.of(home, "Library", "Caches")
                : Path.of(home, ".cache");
    return cache.resolve("helm").resolve("repository");
  }

  /**
   * Copies the archive Helm downloaded for {@code chart} at {@code version} from {@code
   * helmRepositoryCache} into {@code folder} (through a temporary file, so a reader never sees half
   * an archive); false when Helm has no such archive.
   */
  public static boolean save(Path helmRepositoryCache, Path folder, String chart, String version)
      throws IOException {
    Path downloaded = archive(helmRepositoryCache, chart, version);
    if (!Files.isRegularFile(downloaded)) {
      return false;
    }
    Files.createDirectories(folder);
    Path partial = Files.createTempFile(folder, chart + "-", ".part");
    try {
      Files.copy(downloaded, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial,
          archive(folder, chart, version),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return true;
  }

  /** The archive of {@code chart} at {@code version} in {@code folder}. */
  public static Path archive(Path folder, String chart, String version) {
    return folder.resolve(chart + "-" + version + ".tgz");
  }
}
