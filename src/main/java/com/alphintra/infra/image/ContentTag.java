package com.alphintra.infra.image;

import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tag that names an image's content: its version, then the first 12 hex digits of a SHA-256 over
 * everything Jib builds it from (base reference, classes, entrypoint, user, port, labels,
 * platform). Jib builds are reproducible (fixed file times and creation time), so the same inputs
 * give the same image and the same tag, and any change gives a new tag: what a registry with
 * immutable tags needs.
 */
public final class ContentTag {

  private ContentTag() {}

  /** The tag of {@code request} built for {@code platform}, e.g. {@code 0.1.0-3f9a1c2b4d5e}. */
  public static String of(ImageRequest request, String version, Platform platform) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    field(sha, "base", request.base().describe());
    field(sha, "platform", platform.getOs() + "/" + platform.getArchitecture());
    field(sha, "appRoot", request.appRoot());
    field(sha, "entrypoint", String.join("\u0000", request.entrypoint()));
    field(sha, "user", request.user());
    field(sha, "port", Integer.toString(request.port()));
    request.labels().forEach((name, value) -> field(sha, "label " + name, value));
    Path classes = request.classes();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classes, e);
    }
    for (Path file : files) {
      try {
        field(
            sha,
            "file " + classes.relativize(file).toString().replace('\\', '/'),
            Long.toString(Files.size(file)));
        sha.update(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return version + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }

  private static void field(MessageDigest sha, String name, String value) {
    sha.update((name + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
