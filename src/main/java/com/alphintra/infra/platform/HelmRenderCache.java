package com.alphintra.infra.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code helm template} gave for one release, kept in the user's cache ({@code
 * ${XDG_CACHE_HOME:-~/.cache}/alphintra/renders/<sha256>.yaml}, never in the charts folder a user
 * names, which {@code check} only reads), so that a {@code check} whose charts and values have not
 * changed reads the render instead of starting Helm (embedded Helm costs about 1.5 s of a cold
 * check: its native library is unpacked on every run, and every chart is templated again).
 *
 * <p>The key is a SHA-256 over everything the render depends on: the chart archive's bytes, the
 * values files' contents in the order Helm merges them, the release name and namespace, the
 * Kubernetes version Helm is told, and the embedded Helm's build; a change to any of them is a
 * miss. An entry starts with a line naming its key, so a truncated or foreign file is a miss too.
 * The cache is best effort: a folder that cannot be written (a read-only {@code --charts}) means
 * every render runs, never a failure. At most {@link #MAX_ENTRIES} renders are kept, the least
 * recently used dropped first.
 */
final class HelmRenderCache {

  static final int MAX_ENTRIES = 64;
  private static final String HEADER = "# alphintra helm render ";

  private final Path folder;
  private final String helmBuild;

  HelmRenderCache(Path folder, String helmBuild) {
    this.folder = folder;
    this.helmBuild = helmBuild;
  }

  /** The cache in {@code folder}, keyed also by the embedded Helm's build. */
  static HelmRenderCache in(Path folder) {
    return new HelmRenderCache(folder, embeddedHelmBuild());
  }

  /** The key of one render. */
  String key(
      Path archive, List<Path> valuesFiles, String name, String namespace, String kubeVersion)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    part(digest, helmBuild.getBytes(StandardCharsets.UTF_8));
    part(digest, Files.readAllBytes(archive));
    for (Path values : valuesFiles) {
      part(digest, Files.readAllBytes(values));
    }
    for (String text : List.of(name, namespace, kubeVersion)) {
      part(digest, text.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Each part with its length first, so that two parts never read as one. */
  private static void part(MessageDigest digest, byte[] bytes) {
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  /** The render kept under {@code key}, if there is one and it is whole. */
  Optional<String> read(String key) {
    Path entry = folder.resolve(key + ".yaml");
    try {
      String text = Files.readString(entry, StandardCharsets.UTF_8);
      String header = HEADER + key + "\n";
      if (!text.startsWith(header)) {
        return Optional.empty();
      }
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
      return Optional.of(text.substring(header.length()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code rendered} under {@code key}, through a temporary file so that a reader never sees
   * half a render; does nothing when the folder cannot be written.
   */
  void write(String key, String rendered) {
    Path partial = null;
    try {
      Files.createDirectories(folder);
      partial = Files.createTempFile(folder, key, ".part");
      Files.writeString(partial, HEADER + key + "\n" + rendered, StandardCharsets.UTF_8);
      Files.move(
          partial,
          folder.resolve(key + ".yaml"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      prune();
    } catch (IOException | RuntimeException e) {
      // best effort: the render is in hand, only the next check pays for it again
    } finally {
      if (partial != null) {
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // a stray .part file is ignored by read and removed by the next prune
        }
      }
    }
  }

  /** Drops the least recently used renders above {@link #MAX_ENTRIES}, and stray partial files. */
  private void prune() throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(folder)) {
      entries = files.toList();
    }
    List<Path> renders =
        entries.stream()
            .filter(path -> path.getFileName().toString().endsWith(".yaml"))
            .sorted(Comparator.comparing(HelmRenderCache::modified).reversed())
            .toList();
    for (Path old : renders.subList(Math.min(MAX_ENTRIES, renders.size()), renders.size())) {
      Files.deleteIfExists(old);
    }
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    for (Path path : entries) {
      if (path.getFileName().toString().endsWith(".part") && modified(path) < hourAgo) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The embedded Helm's version, from the Maven metadata its jar carries (kept in ours); the jar's
   * location when that is absent. Read without loading Helm's native library.
   */
  private static String embeddedHelmBuild() {
    try (var in =
        HelmRenderCache.class.getResourceAsStream(
            "/META-INF/maven/com.marcnuri.helm-java/helm-java/pom.properties")) {
      if (in != null) {
        java.util.Properties properties = new java.util.Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null) {
          return "helm-java " + version;
        }
      }
      return String.valueOf(
          com.marcnuri.helm.Helm.class.getProtectionDomain().getCodeSource().getLocation());
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
