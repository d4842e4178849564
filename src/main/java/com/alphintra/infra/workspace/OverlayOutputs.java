package com.alphintra.infra.workspace;

import com.alphintra.infra.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code KEY=value} file of a cloud overlay's Terraform outputs ({@code cloud-outputs.env},
 * written by {@code alphintra cloud outputs}; contract in docs/cloud-outputs.md), and the committed
 * example beside it, which stands in for it where an overlay is only rendered, never applied.
 */
public final class OverlayOutputs {

  /** The git-ignored file {@code alphintra cloud outputs} writes beside the overlay. */
  public static final String FILE = "cloud-outputs.env";

  /** The committed example beside it. */
  public static final String EXAMPLE = "cloud-outputs.env.example";

  private OverlayOutputs() {}

  /**
   * The overlay's outputs file, else its committed example; empty when it has neither. The real
   * file always wins: {@code up} refuses the example before this is read.
   */
  public static Optional<Path> fileOf(Path overlay) {
    if (Files.exists(overlay.resolve(FILE))) {
      return Optional.of(overlay.resolve(FILE));
    }
    return Files.isRegularFile(overlay.resolve(EXAMPLE))
        ? Optional.of(overlay.resolve(EXAMPLE))
        : Optional.empty();
  }

  /**
   * The file's keys and values, in file order; blank lines and {@code #} comments skipped.
   *
   * @throws InputException naming the line that is not {@code KEY=value}
   */
  public static Map<String, String> parse(String text, String origin) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new InputException(
            origin + ":" + (index + 1) + ": not a KEY=value line",
            "write it again with 'alphintra cloud outputs --env ENV'");
      }
      values.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return values;
  }

  /**
   * One value of the overlay's outputs (or of its example).
   *
   * @throws InputException when the overlay has neither file, or the file lacks the key
   */
  public static String require(Path overlay, String key) {
    String environment = overlay.getFileName().toString();
    String command = "alphintra cloud outputs --env " + environment;
    Path file =
        fileOf(overlay)
            .orElseThrow(
                () ->
                    new InputException(
                        "overlay " + environment + " has no " + FILE + " (nor " + EXAMPLE + ")",
                        overlay,
                        "run '" + command + "'"));
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), file, command);
    }
    String value = parse(text, file.toString()).get(key);
    if (value == null || value.isBlank()) {
      throw new InputException(
          file + " has no " + key, file, "write it again with '" + command + "'");
    }
    return value;
  }
}
