package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmRenderCacheTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private HelmRenderCache cache() {
    return new HelmRenderCache(dir.resolve("rendered"), "helm-java 1");
  }

  @Test
  void theKeyChangesWithEveryInputOfTheRenderAndOnlyWithThem() throws IOException {
    Path archive = file("chart.tgz", "archive");
    Path values = file("values.yaml", "a: 1\n");
    Path more = file("more.yaml", "b: 2\n");
    HelmRenderCache cache = cache();
    String key = cache.key(archive, List.of(values, more), "kiali", "istio-system", "v1.35.6");

    assertThat(cache.key(archive, List.of(values, more), "kiali", "istio-system", "v1.35.6"))
        .isEqualTo(key)
        .hasSize(64);
    Set<String> keys = new HashSet<>();
    keys.add(key);
    keys.add(cache.key(archive, List.of(more, values), "kiali", "istio-system", "v1.35.6"));
    keys.add(cache.key(archive, List.of(values), "kiali", "istio-system", "v1.35.6"));
    keys.add(cache.key(archive, List.of(values, more), "jaeger", "istio-system", "v1.35.6"));
    keys.add(cache.key(archive, List.of(values, more), "kiali", "monitoring", "v1.35.6"));
    keys.add(cache.key(archive, List.of(values, more), "kiali", "istio-system", "v1.35.6-gke.1"));
    keys.add(
        new HelmRenderCache(dir.resolve("rendered"), "helm-java 2")
            .key(archive, List.of(values, more), "kiali", "istio-system", "v1.35.6"));
    Files.writeString(values, "a: 2\n");
    keys.add(cache.key(archive, List.of(values, more), "kiali", "istio-system", "v1.35.6"));
    Files.writeString(archive, "another archive");
    keys.add(cache.key(archive, List.of(values, more), "kiali", "istio-system", "v1.35.6"));
    assertThat(keys).hasSize(9);
  }

  @Test
  void partsDoNotRunIntoEachOther() throws IOException {
    Path archive = file("chart.tgz", "archive");
    HelmRenderCache cache = cache();
    assertThat(cache.key(archive, List.of(), "ab", "c", "v1"))
        .isNotEqualTo(cache.key(archive, List.of(), "a", "bc", "v1"));
  }

  @Test
  void aRenderKeptIsReadBackWhole() {
    HelmRenderCache cache = cache();
    String yaml = "# Source: kiali-server/templates/service.yaml\napiVersion: v1\nkind: Service\n";

    assertThat(cache.read("k1")).isEmpty();
    cache.write("k1", yaml);

    assertThat(cache.read("k1")).contains(yaml);
    assertThat(cache.read("k2")).isEmpty();
  }

  @Test
  void aTruncatedOrForeignEntryIsAMiss() throws IOException {
    HelmRenderCache cache = cache();
    cache.write("k1", "kind: Service\n");
    Path entry = dir.resolve("rendered/k1.yaml");

    Files.writeString(entry, "# alphintra helm render k");
    assertThat(cache.read("k1")).isEmpty();
    Files.writeString(entry, "# alphintra helm render k2\nkind: Service\n");
    assertThat(cache.read("k1")).isEmpty();
    Files.write(entry, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThat(cache.read("k1")).isEmpty();
  }

  @Test
  void aFolderThatCannotBeWrittenMeansNoCacheNotAFailure() throws IOException {
    Path blocked = file("rendered", "a file where the folder would be");
    HelmRenderCache cache = new HelmRenderCache(blocked, "helm-java 1");

    cache.write("k1", "kind: Service\n");

    assertThat(cache.read("k1")).isEmpty();
    assertThat(Files.readString(blocked)).isEqualTo("a file where the folder would be");
  }

  @Test
  void aReadOnlyFolderIsLeftAlone() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("rendered"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(
          Files.isWritable(folder), "running as a user who may write anywhere (root)");
      cache().write("k1", "kind: Service\n");
      assertThat(cache().read("k1")).isEmpty();
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void onlyTheMostRecentlyUsedRendersAreKept() throws IOException {
    HelmRenderCache cache = cache();
    Path folder = dir.resolve("rendered");
    long now = System.currentTimeMillis();
    for (int index = 0; index < HelmRenderCache.MAX_ENTRIES; index++) {
      cache.write("k" + index, "kind: Service\n");
      Files.setLastModifiedTime(
          folder.resolve("k" + index + ".yaml"),
          FileTime.fromMillis(now - 60_000L * (100 - index)));
    }
    // a read counts as a use: k0, the oldest, survives the next write
    assertThat(cache.read("k0")).isPresent();
    Files.writeString(folder.resolve("stale.part"), "half");
    Files.setLastModifiedTime(
        folder.resolve("stale.part"), FileTime.fromMillis(now - 2 * 3_600_000L));

    cache.write("new", "kind: Service\n");

    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names)
          .hasSize(HelmRenderCache.MAX_ENTRIES)
          .contains("new.yaml", "k0.yaml")
          .doesNotContain("k1.yaml", "stale.part");
    }
  }
}
