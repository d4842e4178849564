package com.alphintra.infra.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The person's kubeconfig ({@code $KUBECONFIG}'s first file or {@code ~/.kube/config}) with a
 * chosen context made current, for the embedded Helm, which takes kubeconfig text rather than a
 * context name.
 */
final class Kubeconfigs {

  private Kubeconfigs() {}

  static String forContext(String context) {
    String variable = System.getenv("KUBECONFIG");
    Path file =
        variable == null || variable.isBlank()
            ? Path.of(System.getProperty("user.home"), ".kube", "config")
            : Path.of(variable.split(File.pathSeparator)[0]);
    try {
      Object document =
          new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
      if (!(document instanceof Map<?, ?> map)) {
        throw new StepFailedException("the kubeconfig " + file + " is not a YAML mapping");
      }
      Map<Object, Object> config = new LinkedHashMap<>(map);
      boolean known =
          config.get("contexts") instanceof List<?> contexts
              && contexts.stream()
                  .anyMatch(
                      entry ->
                          entry instanceof Map<?, ?> named && context.equals(named.get("name")));
      if (!known) {
        throw new StepFailedException(
            "the kubeconfig " + file + " has no context '" + context + "'",
            "'kubectl config get-contexts' lists the contexts there are");
      }
      config.put("current-context", context);
      return new Dump(DumpSettings.builder().build()).dumpToString(config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the kubeconfig " + file + ": " + e.getMessage(), e);
    }
  }
}
