package com.alphintra.infra.manifest.k3d;

import com.alphintra.infra.manifest.FieldPath;
import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestParseException;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.Origin;
import com.alphintra.infra.manifest.ProblemKind;
import com.alphintra.infra.manifest.YamlReader;
import com.alphintra.infra.manifest.YamlText;
import com.alphintra.infra.manifest.k3d.MappingReader.Strictness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads k3d cluster configs ({@code k3d.io/v1alpha5}, {@code kind: Simple}) and reports what k3d's
 * JSON schema would reject, each with its line: unknown keys, wrong types, missing and invalid
 * values.
 *
 * <p>Where the schema does not reject unknown keys ({@code registries}, {@code options.runtime},
 * {@code hostAliases} items), an unknown key is an {@link ProblemKind#IGNORED_FIELD}, not an error,
 * so the model accepts exactly what the schema accepts. Counts and limits must be whole numbers, as
 * k3d's Go types are (the schema says "number").
 */
public final class K3dConfigReader {

  private static final Set<String> TOP =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "servers",
          "agents",
          "kubeAPI",
          "image",
          "network",
          "subnet",
          "token",
          "volumes",
          "ports",
          "files",
          "options",
          "env",
          "registries",
          "hostAliases");
  private static final Set<String> METADATA = Set.of("name");
  private static final Set<String> KUBE_API = Set.of("host", "hostIP", "hostPort");
  private static final Set<String> VOLUME = Set.of("volume", "nodeFilters");
  private static final Set<String> PORT = Set.of("port", "nodeFilters");
  private static final Set<String> FILE =
      Set.of("source", "destination", "description", "nodeFilters");
  private static final Set<String> ENV = Set.of("envVar", "nodeFilters");
  private static final Set<String> OPTIONS = Set.of("k3d", "k3s", "kubeconfig", "runtime");
  private static final Set<String> K3D =
      Set.of(
          "wait",
          "timeout",
          "disableLoadbalancer",
          "disableImageVolume",
          "disableRollback",
          "loadbalancer");
  private static final Set<String> LOADBALANCER = Set.of("configOverrides");
  private static final Set<String> K3S = Set.of("extraArgs", "nodeLabels");
  private static final Set<String> EXTRA_ARG = Set.of("arg", "nodeFilters");
  private static final Set<String> LABEL = Set.of("label", "nodeFilters");
  private static final Set<String> KUBECONFIG =
      Set.of("updateDefaultKubeconfig", "switchCurrentContext");
  private static final Set<String> RUNTIME =
      Set.of("gpuRequest", "serversMemory", "agentsMemory", "hostPidMode", "labels", "ulimits");
  private static final Set<String> ULIMIT = Set.of("name", "soft", "hard");
  private static final Set<String> REGISTRIES = Set.of("create", "use", "config");
  private static final Set<String> REGISTRY_CREATE =
      Set.of("name", "host", "hostPort", "image", "proxy", "volumes", "enforcePortMatch");
  private static final Set<String> PROXY = Set.of("remoteURL", "username", "password");
  private static final Set<String> HOST_ALIAS = Set.of("ip", "hostnames");

  private static final Pattern HOSTNAME_LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private final YamlReader yaml;

  public K3dConfigReader() {
    this(new YamlReader());
  }

  /** A reader that shares {@code yaml} with other readers of the same run. */
  public K3dConfigReader(YamlReader yaml) {
    this.yaml = yaml;
  }

  /**
   * Reads the k3d config in {@code text}: its first document, as k3d does.
   *
   * @throws ManifestParseException when the text is not well-formed YAML or holds no document
   */
  public K3dConfigFile fromText(String text, Origin origin) throws ManifestParseException {
    return firstDocument(yaml.read(text, origin));
  }

  /**
   * Reads the k3d config file at {@code file}.
   *
   * @throws ManifestParseException when the file is not well-formed YAML or holds no document
   * @throws IOException when the file cannot be read
   */
  public K3dConfigFile fromFile(Path file) throws ManifestParseException, IOException {
    return firstDocument(yaml.read(file));
  }

  private K3dConfigFile firstDocument(YamlText text) throws ManifestParseException {
    if (text.documents().isEmpty()) {
      throw new ManifestParseException(
          text.origin(), Optional.empty(), "empty; expected a k3d config");
    }
    K3dConfigFile first = read(text.documents().get(0));
    if (text.documents().size() == 1) {
      return first;
    }
    List<ManifestProblem> problems = new ArrayList<>(first.problems());
    ManifestDocument second = text.documents().get(1);
    problems.add(
        ManifestProblem.at(
            second,
            FieldPath.root(),
            ProblemKind.IGNORED_FIELD,
            "k3d reads only the first document of a config file; this one is ignored"));
    return new K3dConfigFile(first.document(), first.config(), problems);
  }

  /** Reads the k3d config in {@code document}. */
  public K3dConfigFile read(ManifestDocument document) {
    List<ManifestProblem> problems = new ArrayList<>();
    Optional<K3dConfig> config =
        MappingReader.of(
                document,
                problems,
                document.root(),
                FieldPath.root(),
                TOP,
                Strictness.REJECT_UNKNOWN)
            .map(K3dConfigReader::config);
    return new K3dConfigFile(document, config.orElseGet(K3dConfigReader::emptyConfig), problems);
  }

  private static K3dConfig config(MappingReader top) {
    requireConstant(top, "apiVersion", K3dConfig.API_VERSION);
    requireConstant(top, "kind", K3dConfig.KIND);
    Optional<String> name =
        top.object(
                "metadata",
                METADATA,
                Strictness.REJECT_UNKNOWN,
                metadata -> hostname(metadata, "name"))
            .flatMap(n -> n);
    return new K3dConfig(
        name,
        top.wholeNumber("servers", 1).map(Long::intValue),
        top.wholeNumber("agents", 0).map(Long::intValue),
        top.object(
            "kubeAPI",
            KUBE_API,
            Strictness.REJECT_UNKNOWN,
            api ->
                new K3dKubeApi(hostname(api, "host"), ipv4(api, "hostIP"), api.text("hostPort"))),
        top.text("image"),
        top.text("network"),
        top.text("subnet"),
        top.text("token"),
        top.objects(
            "volumes",
            VOLUME,
            Strictness.REJECT_UNKNOWN,
            v -> new K3dVolume(v.text("volume"), v.texts("nodeFilters"))),
        top.objects(
            "ports",
            PORT,
            Strictness.REJECT_UNKNOWN,
            p -> new K3dPort(p.text("port"), p.texts("nodeFilters"))),
        top.objects(
            "env",
            ENV,
            Strictness.REJECT_UNKNOWN,
            e -> new K3dEnvVar(e.text("envVar"), e.texts("nodeFilters"))),
        top.objects("files", FILE, Strictness.REJECT_UNKNOWN, K3dConfigReader::file).stream()
            .flatMap(Optional::stream)
            .toList(),
        // k3d's schema puts "additionalProperties: false" inside registries' properties, so it
        // rejects none.
        top.object(
            "registries", REGISTRIES, Strictness.IGNORE_UNKNOWN, K3dConfigReader::registries),
        top.objects(
            "hostAliases",
            HOST_ALIAS,
            Strictness.IGNORE_UNKNOWN,
            alias -> new K3dHostAlias(alias.text("ip"), alias.texts("hostnames"))),
        top.object("options", OPTIONS, Strictness.REJECT_UNKNOWN, K3dConfigReader::options));
  }

  private static Optional<K3dFile> file(MappingReader file) {
    Optional<String> source = required(file, "source");
    Optional<String> destination = required(file, "destination");
    Optional<String> description = file.text("description");
    List<String> nodeFilters = file.texts("nodeFilters");
    if (source.isEmpty() || destination.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new K3dFile(source.get(), destination.get(), description, nodeFilters));
  }

  private static K3dRegistries registries(MappingReader registries) {
    return new K3dRegistries(
        registries.object(
            "create",
            REGISTRY_CREATE,
            Strictness.REJECT_UNKNOWN,
            create ->
                new K3dRegistryCreate(
                    create.text("name"),
                    create.text("host"),
                    create.text("hostPort"),
                    create.text("image"),
                    create.object(
                        "proxy",
                        PROXY,
                        Strictness.REJECT_UNKNOWN,
                        proxy ->
                            new K3dRegistryProxy(
                                proxy.text("remoteURL"),
                                proxy.text("username"),
                                proxy.text("password"))),
                    create.texts("volumes"),
                    create.bool("enforcePortMatch"))),
        registries.texts("use"),
        registries.text("config"));
  }

  private static K3dOptions options(MappingReader options) {
    return new K3dOptions(
        options.object(
            "k3d",
            K3D,
            Strictness.REJECT_UNKNOWN,
            k3d ->
                new K3dClusterOptions(
                    k3d.bool("wait"),
                    k3d.scalarText("timeout"),
                    k3d.bool("disableLoadbalancer"),
                    k3d.bool("disableImageVolume"),
                    k3d.bool("disableRollback"),
                    k3d.object(
                        "loadbalancer",
                        LOADBALANCER,
                        Strictness.REJECT_UNKNOWN,
                        lb -> new K3dLoadbalancerOptions(lb.scalarTexts("configOverrides"))))),
        options.object(
            "k3s",
            K3S,
            Strictness.REJECT_UNKNOWN,
            k3s ->
                new K3sOptions(
                    k3s.objects(
                        "extraArgs",
                        EXTRA_ARG,
                        Strictness.REJECT_UNKNOWN,
                        arg -> new K3sArg(arg.text("arg"), arg.texts("nodeFilters"))),
                    k3s.objects(
                        "nodeLabels", LABEL, Strictness.REJECT_UNKNOWN, K3dConfigReader::label))),
        options.object(
            "kubeconfig",
            KUBECONFIG,
            Strictness.REJECT_UNKNOWN,
            kubeconfig ->
                new K3dKubeconfigOptions(
                    kubeconfig.bool("updateDefaultKubeconfig"),
                    kubeconfig.bool("switchCurrentContext"))),
        // The schema gives options.runtime no "additionalProperties: false".
        options.object(
            "runtime",
            RUNTIME,
            Strictness.IGNORE_UNKNOWN,
            runtime ->
                new K3dRuntimeOptions(
                    runtime.text("gpuRequest"),
                    runtime.text("serversMemory"),
                    runtime.text("agentsMemory"),
                    runtime.bool("hostPidMode"),
                    runtime.objects(
                        "labels", LABEL, Strictness.REJECT_UNKNOWN, K3dConfigReader::label),
                    runtime.objects(
                        "ulimits",
                        ULIMIT,
                        Strictness.REJECT_UNKNOWN,
                        ulimit ->
                            new K3dUlimit(
                                ulimit.text("name"),
                                ulimit.wholeNumber("soft", Long.MIN_VALUE),
                                ulimit.wholeNumber("hard", Long.MIN_VALUE))))));
  }

  private static K3dLabel label(MappingReader label) {
    return new K3dLabel(label.text("label"), label.texts("nodeFilters"));
  }

  private static void requireConstant(MappingReader top, String key, String expected) {
    if (!top.has(key)) {
      top.report(
          FieldPath.root().key(key),
          ProblemKind.MISSING_FIELD,
          key + " is missing; a k3d config says " + key + ": " + expected);
      return;
    }
    top.text(key)
        .filter(value -> !value.equals(expected))
        .ifPresent(
            value ->
                top.report(
                    FieldPath.root().key(key),
                    ProblemKind.INVALID_VALUE,
                    key + " is \"" + value + "\" but must be \"" + expected + "\""));
  }

  private static Optional<String> required(MappingReader mapping, String key) {
    if (!mapping.has(key)) {
      mapping.report(
          mapping.path().key(key),
          ProblemKind.MISSING_FIELD,
          mapping.path().key(key) + " is missing");
      return Optional.empty();
    }
    return mapping.text(key);
  }

  private static Optional<String> hostname(MappingReader mapping, String key) {
    Optional<String> text = mapping.text(key);
    text.filter(name -> !isHostname(name))
        .ifPresent(
            name ->
                mapping.report(
                    mapping.path().key(key),
                    ProblemKind.INVALID_VALUE,
                    mapping.path().key(key) + " \"" + name + "\" is not a valid host name"));
    return text.filter(K3dConfigReader::isHostname);
  }

  private static Optional<String> ipv4(MappingReader mapping, String key) {
    Optional<String> text = mapping.text(key);
    text.filter(ip -> !IPV4.matcher(ip).matches())
        .ifPresent(
            ip ->
                mapping.report(
                    mapping.path().key(key),
                    ProblemKind.INVALID_VALUE,
                    mapping.path().key(key) + " \"" + ip + "\" is not an IPv4 address"));
    return text.filter(ip -> IPV4.matcher(ip).matches());
  }

  private static boolean isHostname(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    String labels = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    for (String label : labels.split("\\.", -1)) {
      if (!HOSTNAME_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static K3dConfig emptyConfig() {
    return new K3dConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }
}
