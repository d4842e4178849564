package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The local values of the Secret templates: generated with {@link SecureRandom} on first use, kept
 * in a git-ignored, owner-only file ({@code .alphintra/secrets.yaml}) and reused on later runs, so
 * data written with a password stays readable after {@code down} and {@code up}. Nothing here is
 * printed.
 */
public final class LocalSecrets {

  public static final String ANNOTATION_TEMPLATE = "alphintra.io/secret-template";
  public static final String ANNOTATION_GENERATE = "alphintra.io/generate";
  public static final String ANNOTATION_CLOUD_SOURCE = "alphintra.io/cloud-source";

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Path templates;
  private final Path store;
  private final SecureRandom random = new SecureRandom();

  public LocalSecrets(Path templates, Path store) {
    this.templates = templates;
    this.store = store;
  }

  /** The templates this step makes Secrets of; TLS ones belong to the gateway TLS step. */
  public List<SecretTemplate> templates() {
    if (!Files.isDirectory(templates)) {
      return List.of();
    }
    List<SecretTemplate> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(templates)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document :
            new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
          template(document, file).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + templates + ": " + e.getMessage(), e);
    } catch (YamlEngineException e) {
      throw new InputException(
          "malformed secret template: " + e.getMessage(), templates, "fix the YAML syntax");
    }
    return found;
  }

  private static java.util.Optional<SecretTemplate> template(Object document, Path file) {
    if (!(document instanceof Map<?, ?> root)
        || !"Secret".equals(root.get("kind"))
        || !(root.get("metadata") instanceof Map<?, ?> metadata)
        || !(metadata.get("annotations") instanceof Map<?, ?> annotations)
        || !"true".equals(String.valueOf(annotations.get(ANNOTATION_TEMPLATE)))) {
      return java.util.Optional.empty();
    }
    String type = root.get("type") == null ? "Opaque" : String.valueOf(root.get("type"));
    if ("kubernetes.io/tls".equals(type)) {
      return java.util.Optional.empty();
    }
    Object generate = annotations.get(ANNOTATION_GENERATE);
    if (generate == null) {
      throw new InputException(
          "secret template without " + ANNOTATION_GENERATE,
          file,
          "say how each key is made, for example "
              + ANNOTATION_GENERATE
              + ": \"password=random:32\"");
    }
    List<Map.Entry<String, String>> generators = new ArrayList<>();
    for (String entry : generate.toString().split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new InputException(
            "cannot read '" + entry + "' in " + ANNOTATION_GENERATE,
            file,
            "write KEY=KIND:ARGUMENT, such as password=random:32");
      }
      generators.add(
          Map.entry(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim()));
    }
    Map<String, String> labels = new TreeMap<>();
    if (metadata.get("labels") instanceof Map<?, ?> found) {
      found.forEach((key, value) -> labels.put(String.valueOf(key), String.valueOf(value)));
    }
    labels.put("app.kubernetes.io/managed-by", "alphintra");
    return java.util.Optional.of(
        new SecretTemplate(
            String.valueOf(metadata.get("namespace")),
            String.valueOf(metadata.get("name")),
            type,
            labels,
            generators,
            java.util.Optional.ofNullable(annotations.get(ANNOTATION_CLOUD_SOURCE))
                .map(String::valueOf)));
  }

  /** The Secrets to apply, with values from the store, generating (and storing) what is missing. */
  public List<Secret> secrets() {
    List<SecretTemplate> all = templates();
    Map<String, String> values = read();
    int before = values.size();
    Map<String, SecretTemplate> byReference = new LinkedHashMap<>();
    Map<String, String> specs = new LinkedHashMap<>();
    for (SecretTemplate template : all) {
      for (Map.Entry<String, String> generator : template.generators()) {
        byReference.put(template.reference(generator.getKey()), template);
        specs.put(template.reference(generator.getKey()), generator.getValue());
      }
    }
    List<Secret> secrets = new ArrayList<>();
    for (SecretTemplate template : all) {
      Map<String, String> data = new TreeMap<>();
      for (Map.Entry<String, String> generator : template.generators()) {
        String value =
            resolve(template.reference(generator.getKey()), specs, values, new HashSet<>());
        data.put(
            generator.getKey(),
            Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      }
      secrets.add(
          new SecretBuilder()
              .withNewMetadata()
              .withName(template.name())
              .withNamespace(template.namespace())
              .withLabels(template.labels())
              .endMetadata()
              .withType(template.type())
              .withData(data)
              .build());
    }
    if (values.size() != before) {
      write(values);
    }
    return secrets;
  }

  private String resolve(
      String reference, Map<String, String> specs, Map<String, String> values, Set<String> seen) {
    String known = values.get(reference);
    if (known != null) {
      return known;
    }
    if (!seen.add(reference)) {
      throw new InputException(
          "secret values refer to each other in a circle at " + reference,
          templates,
          "break the circle of same-as references in the alphintra.io/generate annotations");
    }
    String spec = specs.get(reference);
    if (spec == null) {
      throw new InputException(
          "no secret template makes " + reference,
          templates,
          "add the key to a template's alphintra.io/generate annotation or fix the same-as reference");
    }
    String value = generate(reference, spec, specs, values, seen);
    values.put(reference, value);
    return value;
  }

  private String generate(
      String reference,
      String spec,
      Map<String, String> specs,
      Map<String, String> values,
      Set<String> seen) {
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String argument = colon < 0 ? "" : spec.substring(colon + 1);
    return switch (kind) {
      case "fixed" -> argument;
      case "random" -> random(Integer.parseInt(argument));
      case "same-as" -> resolve(argument, specs, values, seen);
      case "rsa-private-key" -> rsaPrivateKey(Integer.parseInt(argument));
      case "pgbouncer-userlist" -> userlist(reference, argument, specs, values, seen);
      default ->
          throw new InputException(
              "unknown value kind '" + kind + "' for " + reference,
              templates,
              "use fixed, random, same-as, rsa-private-key or pgbouncer-userlist");
    };
  }

  /**
   * {@code user=same-as:ns/name/KEY;user2=SIBLING_KEY}: PgBouncer's auth_file, one quoted pair a
   * line.
   */
  private String userlist(
      String reference,
      String argument,
      Map<String, String> specs,
      Map<String, String> values,
      Set<String> seen) {
    String secret = reference.substring(0, reference.lastIndexOf('/') + 1);
    StringBuilder lines = new StringBuilder();
    for (String pair : argument.split(";")) {
      int equals = pair.indexOf('=');
      String user = pair.substring(0, equals);
      String source = pair.substring(equals + 1);
      String password =
          source.startsWith("same-as:")
              ? resolve(source.substring("same-as:".length()), specs, values, seen)
              : resolve(secret + source, specs, values, seen);
      lines.append('"').append(user).append("\" \"").append(password).append("\"\n");
    }
    return lines.toString();
  }

  private String random(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int index = 0; index < length; index++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private String rsaPrivateKey(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, random);
      return LocalCertificateAuthority.pem(generator.generateKeyPair().getPrivate());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot make an RSA key: " + e.getMessage(), e);
    }
  }

  private Map<String, String> read() {
    Map<String, String> values = new TreeMap<>();
    if (!Files.isRegularFile(store)) {
      return values;
    }
    try {
      Object document =
          new Load(LoadSettings.builder().build()).loadFromString(Files.readString(store));
      if (document instanceof Map<?, ?> map) {
        map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + store + ": " + e.getMessage(), e);
    } catch (YamlEngineException e) {
      throw new InputException(
          "the local secret store is not valid YAML",
          store,
          "delete it to have new values generated (existing data may then need the old passwords)");
    }
  }

  private void write(Map<String, String> values) {
    String header =
        "# Local secret values made by `alphintra up` (SecureRandom). Owner-only, git-ignored: never commit.\n";
    OwnerOnlyFiles.write(
        store,
        header + new Dump(DumpSettings.builder().build()).dumpToString(new TreeMap<>(values)));
  }
}
