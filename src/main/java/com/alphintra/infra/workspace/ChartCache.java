package com.alphintra.infra.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user folder of Helm chart archives: {@code up} saves each chart it installs there as
 * {@code <chart>-<version>.tgz}, and {@code check} renders the releases from it.
 */
public final class ChartCache {

  private ChartCache() {}

  /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/alphintra/charts}. */
  public static Path folder(Map<String, String> environment) {
    String cache = environment.get("XDG_CACHE_HOME");
    Path base =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
    return base.resolve("alphintra").resolve("charts");
  }

  /** The archive of {@code chart} at {@code version} in {@code folder}. */
  public static Path archive(Path folder, String chart, String version) {
    return folder.resolve(chart + "-" + version + ".tgz");
  }
}
