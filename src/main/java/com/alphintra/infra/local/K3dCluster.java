package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.manifest.k3d.K3dConfig;
import com.alphintra.infra.manifest.k3d.K3dConfigReader;
import com.alphintra.infra.manifest.k3d.K3dRegistryCreate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local k3d cluster as {@code up}, {@code down}, {@code status} and {@code dev deploy} see it:
 * the k3d config file read into the one k3d model ({@link K3dConfig}), after the expansion of
 * {@code $VAR} and {@code ${VAR}} that k3d itself applies to the file, with the environment k3d is
 * given. Every host address the tool uses (registry, ingress) comes from here.
 *
 * @param file the config file
 * @param config the model, read from the expanded text
 * @param environment the variables k3d expands, and gets when it runs
 */
public record K3dCluster(Path file, K3dConfig config, Map<String, String> environment) {

  /** The port the Istio ingress gateway listens on behind the k3d load balancer. */
  public static final int GATEWAY_PORT = 443;

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * The variable the repository's k3d config names the persistent-volume folder by; {@code up}
   * gives k3d its default when the person has not set it.
   */
  public static final String DATA_DIR_VARIABLE = "ALPHINTRA_DATA_DIR";

  public K3dCluster {
    environment = Map.copyOf(environment);
  }

  public static K3dCluster read(Path file, Map<String, String> environment) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InputException(
          "cannot read the k3d config: " + e.getMessage(),
          file,
          "restore infra/kubernetes/local-k3d/cluster-config.yaml from git");
    }
    K3dConfig config;
    try {
      config = new K3dConfigReader().fromText(expand(text, environment), Origin.of(file)).config();
    } catch (ManifestParseException e) {
      throw new InputException(
          "malformed k3d config: " + e.getMessage(), file, "fix the YAML syntax");
    }
    if (config.name().isEmpty()) {
      throw new InputException(
          "the k3d config has no metadata.name",
          file,
          "give the cluster a name under metadata.name, as in the repository's cluster-config.yaml");
    }
    return new K3dCluster(file, config, environment);
  }

  /**
   * The process's environment with {@value #DATA_DIR_VARIABLE} set: as given, or the per-user
   * default {@code ${XDG_DATA_HOME:-~/.local/share}/alphintra/volumes}, a folder that survives a
   * reboot (unlike /tmp), belongs to one person, and lies under the home folder, which Docker
   * Desktop shares with its VM and Colima mounts writable by default.
   */
  public static Map<String, String> environmentFor(Map<String, String> process) {
    String given = process.get(DATA_DIR_VARIABLE);
    if (given != null && !given.isBlank()) {
      return process;
    }
    Map<String, String> environment = new java.util.HashMap<>(process);
    environment.put(DATA_DIR_VARIABLE, defaultDataFolder(process).toString());
    return environment;
  }

  static Path defaultDataFolder(Map<String, String> process) {
    String xdg = process.get("XDG_DATA_HOME");
    Path share =
        xdg != null && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(process.getOrDefault("HOME", System.getProperty("user.home")))
                .resolve(".local/share");
    return share.resolve("alphintra").resolve("volumes");
  }

  /** As k3d does (Go's os.ExpandEnv): an unset variable becomes the empty string. */
  static String expand(String text, Map<String, String> environment) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder expanded = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      matcher.appendReplacement(
          expanded, Matcher.quoteReplacement(environment.getOrDefault(name, "")));
    }
    matcher.appendTail(expanded);
    return expanded.toString();
  }

  public String name() {
    return config.name().orElseThrow();
  }

  /** {@code k3d-<name>}: the kube context k3d writes. */
  public String context() {
    return config.context().orElseThrow();
  }

  public int servers() {
    return config.serverCount();
  }

  public int agents() {
    return config.agentCount();
  }

  public int nodes() {
    return servers() + agents();
  }

  /** The registry's container name: k3d prefixes the configured name with {@code k3d-}. */
  public Optional<String> registryContainer() {
    return config
        .registry()
        .flatMap(K3dRegistryCreate::name)
        .map(configured -> configured.startsWith("k3d-") ? configured : "k3d-" + configured);
  }

  /** Where {@code up} and {@code dev deploy} push images, such as {@code 127.0.0.1:5000}. */
  public Optional<String> registryHostAddress() {
    return config.registryHostAddress();
  }

  /**
   * Where {@code up} and {@code status} reach the ingress gateway, such as {@code 127.0.0.1:443}.
   */
  public Optional<String> ingressHostAddress() {
    return config.loadBalancerHostAddress(GATEWAY_PORT);
  }

  /**
   * The ingress gateway's host port; 443 when the config does not publish it (a probe then fails).
   */
  public int ingressHostPort() {
    return ingressHostAddress()
        .map(address -> Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)))
        .orElse(GATEWAY_PORT);
  }

  /**
   * The host folders mounted into the nodes (the persistent-volume folder among them), absolute:
   * {@code ~/} is the home folder, a relative path is relative to the config file.
   */
  public List<Path> volumeHostDirectories() {
    LinkedHashSet<Path> directories = new LinkedHashSet<>();
    for (Path source : config.volumeHostPaths()) {
      String text = source.toString();
      Path path =
          text.startsWith("~/")
              ? Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")))
                  .resolve(text.substring(2))
              : source;
      directories.add(
          path.isAbsolute()
              ? path.normalize()
              : file.toAbsolutePath().getParent().resolve(path).normalize());
    }
    return List.copyOf(directories);
  }
}
