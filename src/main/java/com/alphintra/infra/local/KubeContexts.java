package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The one place where a kube context name becomes a cluster to talk to. Reads the person's
 * kubeconfig as kubectl does ({@code $KUBECONFIG}'s files, merged so that the first file to define
 * a name wins, or {@code ~/.kube/config}) and resolves a context by its name. A context that is not
 * there is refused: never replaced by the kubeconfig's current context (fabric8's {@code
 * Config.autoConfigure} falls back to it), never by an in-cluster or default address.
 */
public final class KubeContexts {

  /** The hint for a missing local cluster. */
  public static final String CREATE_LOCAL = "run `alphintra up` to create the local cluster";

  private static final Set<String> CLUSTER_FILES = Set.of("certificate-authority");
  private static final Set<String> USER_FILES = Set.of("client-certificate", "client-key");

  private final List<Path> files;
  private final String origin;

  private KubeContexts(List<Path> files, String origin) {
    this.files = List.copyOf(files);
    this.origin = origin;
  }

  /** The files kubectl would read: {@code KUBECONFIG}'s list, else {@code ~/.kube/config}. */
  public static KubeContexts fromEnvironment(Map<String, String> environment, Path home) {
    String variable = environment.get("KUBECONFIG");
    if (variable == null || variable.isBlank()) {
      return new KubeContexts(
          List.of(home.resolve(".kube").resolve("config")), "KUBECONFIG is not set");
    }
    List<Path> files = new ArrayList<>();
    for (String entry : variable.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        files.add(Path.of(entry));
      }
    }
    return new KubeContexts(files, "from KUBECONFIG");
  }

  /** Exactly these kubeconfig files, for tests and tools. */
  public static KubeContexts of(Path... files) {
    return new KubeContexts(List.of(files), "given");
  }

  /** The files, joined as in {@code KUBECONFIG}, for messages. */
  public String describe() {
    return files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * The context by its name, with its cluster and user; refused (exit 3) when no kubeconfig exists
   * or none defines the context. Reads files only; connects to nothing.
   */
  public KubeContext resolve(String name) {
    List<Path> present = files.stream().filter(Files::isRegularFile).toList();
    if (present.isEmpty()) {
      throw new MissingPrerequisiteException(
          "no cluster: the kubeconfig "
              + describe()
              + " does not exist ("
              + origin
              + "), so there is no context "
              + name,
          CREATE_LOCAL
              + "; for a GKE cluster `alphintra cloud kubeconfig --env ENV` adds context alphintra-ENV");
    }
    Map<String, Entry> contexts = new LinkedHashMap<>();
    Map<String, Entry> clusters = new LinkedHashMap<>();
    Map<String, Entry> users = new LinkedHashMap<>();
    for (Path file : present) {
      Map<?, ?> document = read(file);
      collect(document.get("contexts"), "context", file, contexts);
      collect(document.get("clusters"), "cluster", file, clusters);
      collect(document.get("users"), "user", file, users);
    }
    Entry context = contexts.get(name);
    if (context == null) {
      throw new MissingPrerequisiteException(
          "the kubeconfig "
              + describe()
              + " has no context "
              + name
              + "; `kubectl config get-contexts` lists them",
          name.startsWith("k3d-")
              ? CREATE_LOCAL + " (k3d adds its context " + name + ")"
              : "pass the name of a context there is with --context");
    }
    String clusterName = text(context.body().get("cluster"));
    Entry cluster = clusters.get(clusterName);
    if (cluster == null) {
      throw new MissingPrerequisiteException(
          "context "
              + name
              + " in "
              + describe()
              + " names cluster '"
              + clusterName
              + "', which is not there",
          "repair the kubeconfig: `kubectl config view` shows it; `alphintra up` writes the local one again");
    }
    URI server = server(cluster, name);
    Optional<Entry> user = Optional.ofNullable(users.get(text(context.body().get("user"))));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apiVersion", "v1");
    config.put("kind", "Config");
    config.put("current-context", name);
    config.put("contexts", List.of(named(name, "context", context.body())));
    config.put(
        "clusters",
        List.of(named(clusterName, "cluster", absolute(cluster, CLUSTER_FILES, false))));
    user.ifPresent(
        found ->
            config.put(
                "users",
                List.of(
                    named(
                        text(context.body().get("user")),
                        "user",
                        absolute(found, USER_FILES, true)))));
    return new KubeContext(
        name,
        context.file().toString(),
        server,
        new Dump(DumpSettings.builder().build()).dumpToString(config));
  }

  private record Entry(Path file, Map<?, ?> body) {}

  private static Map<?, ?> read(Path file) {
    try {
      Object document =
          new Load(LoadSettings.builder().setLabel(file.toString()).build())
              .loadFromString(Files.readString(file));
      if (document == null) {
        return Map.of();
      }
      if (!(document instanceof Map<?, ?> map)) {
        throw new InputException(
            "the kubeconfig is not a YAML mapping",
            file,
            "`kubectl config view` shows what is wrong");
      }
      return map;
    } catch (IOException e) {
      throw new InputException(
          "cannot read the kubeconfig: " + e.getMessage(), file, "check the file's permissions");
    } catch (YamlEngineException e) {
      throw new InputException(
          "malformed kubeconfig: " + e.getMessage(), file, "fix the YAML syntax");
    }
  }

  private static void collect(Object list, String key, Path file, Map<String, Entry> into) {
    if (!(list instanceof List<?> entries)) {
      return;
    }
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> named
          && named.get("name") != null
          && named.get(key) instanceof Map<?, ?> body) {
        into.putIfAbsent(named.get("name").toString(), new Entry(file, body));
      }
    }
  }

  private static URI server(Entry cluster, String context) {
    String server = text(cluster.body().get("server"));
    try {
      URI uri = new URI(server);
      if (uri.getHost() == null) {
        throw new URISyntaxException(server, "no host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InputException(
          "the cluster of context " + context + " has no usable server URL ('" + server + "')",
          cluster.file(),
          "set clusters[].cluster.server to the API server's https URL");
    }
  }

  /**
   * The entry with relative file paths resolved against the kubeconfig that holds it, as kubectl
   * resolves them, because the text handed on no longer lives beside them.
   */
  private static Map<String, Object> absolute(Entry entry, Set<String> keys, boolean isUser) {
    Map<String, Object> copy = new LinkedHashMap<>();
    Path base = entry.file().toAbsolutePath().getParent();
    entry
        .body()
        .forEach(
            (key, value) -> {
              String field = key.toString();
              if ((keys.contains(field) || (isUser && field.equals("tokenFile")))
                  && value != null
                  && !value.toString().isBlank()) {
                copy.put(field, base.resolve(value.toString()).normalize().toString());
              } else if (isUser && field.equals("exec") && value instanceof Map<?, ?> exec) {
                copy.put(field, absoluteCommand(exec, base));
              } else {
                copy.put(field, value);
              }
            });
    return copy;
  }

  private static Map<String, Object> absoluteCommand(Map<?, ?> exec, Path base) {
    Map<String, Object> copy = new LinkedHashMap<>();
    exec.forEach((key, value) -> copy.put(key.toString(), value));
    Object command = exec.get("command");
    // A command with a separator but not absolute is relative to the kubeconfig; a bare name is
    // looked up on the PATH.
    if (command != null
        && command.toString().contains(File.separator)
        && !Path.of(command.toString()).isAbsolute()) {
      copy.put("command", base.resolve(command.toString()).normalize().toString());
    }
    return copy;
  }

  private static Map<String, Object> named(String name, String key, Map<?, ?> body) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    Map<String, Object> copy = new LinkedHashMap<>();
    body.forEach((field, value) -> copy.put(field.toString(), value));
    entry.put(key, copy);
    return entry;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
