package com.alphintra.infra.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCacheTest {

  @Test
  void theCacheFollowsXdgElseHome() {
    assertThat(ChartCache.folder(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h")))
        .isEqualTo(Path.of("/c/alphintra/charts"));
    assertThat(ChartCache.folder(Map.of("HOME", "/h")))
        .isEqualTo(Path.of("/h/.cache/alphintra/charts"));
    assertThat(ChartCache.renderFolder(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h")))
        .isEqualTo(Path.of("/c/alphintra/renders"));
    assertThat(ChartCache.renderFolder(Map.of("XDG_CACHE_HOME", " ", "HOME", "/h")))
        .isEqualTo(Path.of("/h/.cache/alphintra/renders"));
    assertThat(ChartCache.archive(Path.of("/c"), "istiod", "1.30.4"))
        .isEqualTo(Path.of("/c/istiod-1.30.4.tgz"));
  }

  @Test
  void helmsDownloadCacheIsWhereHelmPutsIt() {
    assertThat(ChartCache.helmRepositoryCache(Map.of("HELM_REPOSITORY_CACHE", "/r"), "Linux"))
        .isEqualTo(Path.of("/r"));
    assertThat(ChartCache.helmRepositoryCache(Map.of("HELM_CACHE_HOME", "/hc"), "Linux"))
        .isEqualTo(Path.of("/hc/repository"));
    assertThat(ChartCache.helmRepositoryCache(Map.of("XDG_CACHE_HOME", "/x"), "Linux"))
        .isEqualTo(Path.of("/x/helm/repository"));
    assertThat(ChartCache.helmRepositoryCache(Map.of("HOME", "/h"), "Linux"))
        .isEqualTo(Path.of("/h/.cache/helm/repository"));
    assertThat(ChartCache.helmRepositoryCache(Map.of("HOME", "/h"), "Mac OS X"))
        .isEqualTo(Path.of("/h/Library/Caches/helm/repository"));
  }

  @Test
  void saveCopiesTheDownloadedArchiveAndReportsAMissingOne(@TempDir Path helm, @TempDir Path dir)
      throws IOException {
    Files.writeString(helm.resolve("istiod-1.30.4.tgz"), "archive");
    Path cache = dir.resolve("alphintra/charts");

    assertThat(ChartCache.save(helm, cache, "istiod", "1.30.4")).isTrue();
    assertThat(cache.resolve("istiod-1.30.4.tgz")).hasContent("archive");
    assertThat(ChartCache.save(helm, cache, "jaeger", "4.1.0")).isFalse();
    assertThat(cache.resolve("jaeger-4.1.0.tgz")).doesNotExist();
    try (var left = Files.list(cache)) {
      assertThat(left).as("no partial file left").hasSize(1);
    }
  }
}
