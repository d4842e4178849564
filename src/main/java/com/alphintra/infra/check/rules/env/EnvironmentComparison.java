package com.alphintra.infra.check.rules.env;

import com.alphintra.infra.check.rules.xstack.OverlayObjects;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The security and reliability settings that may differ between dev, staging and prod, with their
 * value in each environment and whether they only get stricter towards prod: deletion protection,
 * high availability (Cloud SQL availability type, Memorystore tier), backups, the private API
 * endpoint, Binary Authorization enforcement (Terraform, per environment context), and replicas,
 * autoscaling minimums and PodDisruptionBudgets (the Kubernetes overlays of the same names).
 */
public final class EnvironmentComparison {

  /** The environments, least strict first. */
  public static final List<String> ORDER = List.of("dev", "staging", "prod");

  /**
   * A Terraform setting: resource type, attribute path, provider default, and how strict each value
   * is.
   */
  private record TerraformSetting(
      String type,
      String path,
      Optional<Object> providerDefault,
      Function<Object, Optional<Long>> strength) {}

  private static final List<TerraformSetting> TERRAFORM =
      List.of(
          new TerraformSetting(
              "google_container_cluster",
              "deletion_protection",
              Optional.of(true),
              EnvironmentComparison::bool),
          new TerraformSetting(
              "google_container_cluster",
              "private_cluster_config.enable_private_endpoint",
              Optional.of(false),
              EnvironmentComparison::bool),
          new TerraformSetting(
              "google_container_cluster",
              "binary_authorization.evaluation_mode",
              Optional.empty(),
              ranked("DISABLED", "PROJECT_SINGLETON_POLICY_ENFORCE")),
          new TerraformSetting(
              "google_binary_authorization_policy",
              "default_admission_rule.enforcement_mode",
              Optional.empty(),
              ranked("DRYRUN_AUDIT_LOG_ONLY", "ENFORCED_BLOCK_AND_AUDIT_LOG")),
          new TerraformSetting(
              "google_sql_database_instance",
              "deletion_protection",
              Optional.of(true),
              EnvironmentComparison::bool),
          new TerraformSetting(
              "google_sql_database_instance",
              "settings.availability_type",
              Optional.of("ZONAL"),
              ranked("ZONAL", "REGIONAL")),
          new TerraformSetting(
              "google_sql_database_instance",
              "settings.backup_configuration.enabled",
              Optional.of(false),
              EnvironmentComparison::bool),
          new TerraformSetting(
              "google_sql_database_instance",
              "settings.backup_configuration.point_in_time_recovery_enabled",
              Optional.of(false),
              EnvironmentComparison::bool),
          new TerraformSetting(
              "google_sql_database_instance",
              "settings.backup_configuration.backup_retention_settings.retained_backups",
              Optional.empty(),
              EnvironmentComparison::number),
          // A zone (us-east4-a) is a zonal cluster, one control plane; a region a regional one.
          new TerraformSetting(
              "google_container_cluster",
              "location",
              Optional.empty(),
              EnvironmentComparison::regional),
          new TerraformSetting(
              "google_logging_project_bucket_config",
              "retention_days",
              Optional.of(new BigDecimal(30)),
              EnvironmentComparison::number),
          new TerraformSetting(
              "google_redis_instance",
              "tier",
              Optional.of("BASIC"),
              ranked("BASIC", "STANDARD_HA")));

  private EnvironmentComparison() {}

  /** Every compared setting, Terraform first, in a stable order. */
  public static List<SettingComparison> of(Platform platform) {
    List<SettingComparison> rows = new ArrayList<>();
    for (TerraformSetting setting : TERRAFORM) {
      for (TerraformResource resource : platform.terraform().resources(setting.type())) {
        if (resource.block().body().attribute("count").isPresent()
            || resource.block().body().attribute("for_each").isPresent()) {
          continue;
        }
        Map<String, SettingValue> values = new LinkedHashMap<>();
        for (EvaluationContext context : platform.terraform().contexts(resource)) {
          if (ORDER.contains(context.name())) {
            value(resource, setting, context).ifPresent(value -> values.put(context.name(), value));
          }
        }
        add(rows, resource.address() + " " + setting.path(), values);
      }
    }
    kubernetes(platform, rows);
    return rows;
  }

  private static Optional<SettingValue> value(
      TerraformResource resource, TerraformSetting setting, EvaluationContext context) {
    Optional<Attribute> attribute = resource.attribute(setting.path());
    if (attribute.isEmpty()) {
      if (isGenerated(resource.block().body(), setting.path())
          || setting.providerDefault().isEmpty()) {
        return Optional.empty();
      }
      Object fallback = setting.providerDefault().get();
      return setting
          .strength()
          .apply(fallback)
          .map(
              strength ->
                  new SettingValue(
                      fallback + " (default)",
                      strength,
                      resource.file(),
                      resource.lineOf(setting.path())));
    }
    Optional<Object> known = context.value(attribute.get().value());
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Range origin = context.origin(attribute.get().value());
    return setting
        .strength()
        .apply(known.get())
        .map(
            strength ->
                new SettingValue(
                    show(known.get()), strength, origin.file(), origin.start().line()));
  }

  /**
   * Whether a block on the path is written as a {@code dynamic} block, so its content is not known.
   */
  private static boolean isGenerated(Body body, String path) {
    String[] parts = path.split("\\.");
    Body current = body;
    for (int index = 0; index < parts.length - 1; index++) {
      String name = parts[index];
      if (current.blocks("dynamic").stream()
          .anyMatch(block -> block.labelValues().equals(List.of(name)))) {
        return true;
      }
      Optional<Block> nested = current.blocks(name).stream().findFirst();
      if (nested.isEmpty()) {
        return false;
      }
      current = nested.get().body();
    }
    return false;
  }

  private static void kubernetes(Platform platform, List<SettingComparison> rows) {
    OverlayObjects overlays = new OverlayObjects(platform);
    Map<String, Map<String, SettingValue>> byObject = new TreeMap<>();
    for (String environment : ORDER) {
      if (!overlays.has(environment)) {
        continue;
      }
      for (LoadedObject object : overlays.of(environment)) {
        switch (object.kind()) {
          case "Deployment", "StatefulSet" ->
              count(platform, overlays, environment, object, "spec.replicas", byObject);
          case "HorizontalPodAutoscaler" ->
              count(platform, overlays, environment, object, "spec.minReplicas", byObject);
          case "Telemetry" -> sampling(platform, environment, object, byObject);
          case "PodDisruptionBudget" -> {
            LoadedObject written = overlays.writingObject(environment, object, candidate -> true);
            byObject
                .computeIfAbsent(object.describe(), key -> new LinkedHashMap<>())
                .put(
                    environment,
                    written == object
                        ? new SettingValue(
                            "present",
                            1,
                            platform.locate(object, "metadata.name").file(),
                            platform.locate(object, "metadata.name").line())
                        : new SettingValue("present", 1, written.file(), written.line()));
          }
          default -> {
            // other kinds carry no compared setting
          }
        }
      }
    }
    byObject.forEach(
        (setting, values) -> {
          if (setting.startsWith("PodDisruptionBudget ")) {
            for (String environment : ORDER) {
              if (overlays.has(environment) && !values.containsKey(environment)) {
                Path kustomization =
                    Path.of("infra/kubernetes/overlays", environment, "kustomization.yaml");
                values.put(
                    environment,
                    new SettingValue(
                        "absent",
                        0,
                        kustomization,
                        platform
                            .kustomizations()
                            .lineOf(kustomization, "components", "resources")));
              }
            }
          }
          add(rows, setting, values);
        });
  }

  private static void count(
      Platform platform,
      OverlayObjects overlays,
      String environment,
      LoadedObject object,
      String path,
      Map<String, Map<String, SettingValue>> byObject) {
    Object value =
        object
            .object()
            .document()
            .valueAt(com.alphintra.infra.manifest.FieldPath.parse(path))
            .orElse(null);
    if (!(value instanceof Number number)) {
      return;
    }
    LoadedObject written =
        overlays.writingObject(
            environment,
            object,
            candidate ->
                candidate
                    .object()
                    .document()
                    .valueAt(com.alphintra.infra.manifest.FieldPath.parse(path))
                    .filter(number::equals)
                    .isPresent());
    byObject
        .computeIfAbsent(
            object.describe() + " " + path.substring(path.lastIndexOf('.') + 1),
            key -> new LinkedHashMap<>())
        .put(
            environment,
            written == object
                ? new SettingValue(
                    String.valueOf(number),
                    number.longValue(),
                    platform.locate(object, path).file(),
                    platform.locate(object, path).line())
                : new SettingValue(
                    String.valueOf(number),
                    number.longValue(),
                    written.file(),
                    written.lineOf(path)));
  }

  /**
   * The trace sampling of a Telemetry: shown, never ranked (prod samples less to save cost, which
   * is no weakening).
   */
  private static void sampling(
      Platform platform,
      String environment,
      LoadedObject telemetry,
      Map<String, Map<String, SettingValue>> byObject) {
    String path = "spec.tracing[0].randomSamplingPercentage";
    Optional<Object> value =
        telemetry.object().document().valueAt(com.alphintra.infra.manifest.FieldPath.parse(path));
    if (value.isEmpty() || !(value.get() instanceof Number number)) {
      return;
    }
    var location = platform.locate(telemetry, path);
    byObject
        .computeIfAbsent(telemetry.describe() + " trace sampling %", key -> new LinkedHashMap<>())
        .put(
            environment,
            new SettingValue(
                new BigDecimal(number.toString()).stripTrailingZeros().toPlainString(),
                0,
                location.file(),
                location.line()));
  }

  private static void add(
      List<SettingComparison> rows, String setting, Map<String, SettingValue> values) {
    if (values.size() < 2) {
      return;
    }
    Map<String, SettingValue> ordered = new LinkedHashMap<>();
    ORDER.stream()
        .filter(values::containsKey)
        .forEach(environment -> ordered.put(environment, values.get(environment)));
    List<SettingValue> sequence = new ArrayList<>(ordered.values());
    Direction direction = Direction.SAME;
    for (int index = 1; index < sequence.size(); index++) {
      long before = sequence.get(index - 1).strength();
      long after = sequence.get(index).strength();
      if (after < before) {
        direction = Direction.WRONG;
        break;
      }
      if (after > before || !sequence.get(index).shown().equals(sequence.get(index - 1).shown())) {
        direction = Direction.RIGHT;
      }
    }
    rows.add(new SettingComparison(setting, ordered, direction));
  }

  /** 0 for a zone ({@code us-east4-a}), 1 for a region ({@code us-east4}). */
  private static Optional<Long> regional(Object value) {
    return value instanceof String location
        ? Optional.of(location.matches(".*[0-9]-[a-z]") ? 0L : 1L)
        : Optional.empty();
  }

  private static Optional<Long> bool(Object value) {
    return value instanceof Boolean flag ? Optional.of(flag ? 1L : 0L) : Optional.empty();
  }

  private static Optional<Long> number(Object value) {
    return value instanceof BigDecimal number ? Optional.of(number.longValue()) : Optional.empty();
  }

  private static Function<Object, Optional<Long>> ranked(String... weakestFirst) {
    List<String> ranks = List.of(weakestFirst);
    return value ->
        value instanceof String text && ranks.contains(text)
            ? Optional.of((long) ranks.indexOf(text))
            : Optional.empty();
  }

  private static String show(Object value) {
    return value instanceof BigDecimal number
        ? number.stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }
}
