package com.alphintra.infra.check.rules.gcs;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.rules.state.StateBucketIsNotPublic;
import com.alphintra.infra.check.rules.tf.References;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One instance of a {@code google_storage_bucket} (one per element of its {@code for_each} or index
 * of its {@code count}) in one evaluation context, with what it holds: Terraform state (left to the
 * state-bucket rules), logs (a log sink writes to it, or its name or labels say logs or audit) or
 * backups (its name or labels say so).
 *
 * @param resource the bucket resource
 * @param context the environment (or defaults) it is evaluated in
 * @param symbols {@code each} or {@code count} of this instance
 * @param address {@code google_storage_bucket.archive["logs"]}
 */
record BucketInstance(
    TerraformResource resource,
    EvaluationContext context,
    Map<String, Value> symbols,
    String address) {

  static final String TYPE = "google_storage_bucket";

  /** Every bucket instance that does not hold Terraform state, in every context that creates it. */
  static List<BucketInstance> all(Platform platform) {
    List<BucketInstance> instances = new ArrayList<>();
    for (TerraformResource bucket : platform.terraform().resources(TYPE)) {
      if (StateBucketIsNotPublic.holdsState(platform, bucket)) {
        continue;
      }
      Resource model =
          new Resource(ResourceMode.MANAGED, bucket.type(), bucket.name(), bucket.block());
      for (EvaluationContext context : platform.terraform().contexts(bucket)) {
        Optional<List<Map<String, Value>>> repetitions = context.instance().instanceSymbols(model);
        if (repetitions.isEmpty()) {
          continue;
        }
        for (Map<String, Value> symbols : repetitions.get()) {
          instances.add(new BucketInstance(bucket, context, symbols, address(bucket, symbols)));
        }
      }
    }
    return instances;
  }

  private static String address(TerraformResource bucket, Map<String, Value> symbols) {
    Value repetition = symbols.containsKey("each") ? symbols.get("each") : symbols.get("count");
    if (repetition == null) {
      return bucket.address();
    }
    String plain = String.valueOf(plainKey(repetition));
    return bucket.address()
        + (symbols.containsKey("each") ? "[\"" + plain + "\"]" : "[" + plain + "]");
  }

  private static Object plainKey(Value repetition) {
    if (repetition instanceof com.alphintra.infra.terraform.MapValue map) {
      Value key = map.entries().getOrDefault("key", map.entries().get("index"));
      if (key instanceof com.alphintra.infra.terraform.StringValue text) {
        return text.value();
      }
      if (key instanceof com.alphintra.infra.terraform.NumberValue number) {
        return number.value().toPlainString();
      }
    }
    return "?";
  }

  /** Whether the attribute at {@code path} is written (through nested blocks). */
  boolean writes(String path) {
    return resource.attribute(path).isPresent();
  }

  /** Whether a {@code dynamic} block generates the nested block {@code name}. */
  boolean generates(String name) {
    return resource.block().body().blocks("dynamic").stream()
        .map(Block::labelValues)
        .anyMatch(List.of(name)::equals);
  }

  /** The known value of the attribute at {@code path} for this instance; empty when unknown. */
  Optional<Object> value(String path) {
    Optional<Attribute> attribute = resource.attribute(path);
    return attribute.isEmpty() ? Optional.empty() : context.value(attribute.get().value(), symbols);
  }

  /** The names of the buckets a log sink ({@code google_logging_project_sink}) writes to. */
  static java.util.Set<String> logSinkBuckets(Platform platform) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (TerraformResource sink : platform.terraform().resources("google_logging_project_sink")) {
      sink.attribute("destination")
          .ifPresent(
              destination ->
                  References.in(destination.value(), TYPE)
                      .forEach(reference -> reference.attribute(0).ifPresent(names::add)));
    }
    return names;
  }

  /**
   * {@code "logs"} or {@code "backups"} when the bucket holds them (a log sink writes to it, its
   * name or labels say so), else empty.
   */
  Optional<String> holds(java.util.Set<String> logSinkBuckets) {
    if (logSinkBuckets.contains(resource.name())) {
      return Optional.of("logs");
    }
    List<String> words = new ArrayList<>();
    value("name").ifPresent(name -> words.add(String.valueOf(name)));
    value("labels")
        .filter(Map.class::isInstance)
        .ifPresent(
            labels ->
                ((Map<?, ?>) labels)
                    .forEach(
                        (key, label) -> {
                          words.add(String.valueOf(key));
                          words.add(String.valueOf(label));
                        }));
    for (String word : words) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.contains("backup")) {
        return Optional.of("backups");
      }
      if (lower.contains("log") || lower.contains("audit")) {
        return Optional.of("logs");
      }
    }
    return Optional.empty();
  }

  /**
   * The finding when this bucket leaves {@code setting} out, or sets it to a known value that
   * {@code isUnsafe} rejects; empty when it is safe or its value cannot be known statically.
   *
   * @param subject how each message starts: the address, or "ADDRESS holds logs but"
   * @param whenUnset what leaving the setting out means (", which defaults to false"), or empty
   * @param unsetLine the line of the finding when the setting is left out
   */
  Optional<Finding> unsafeSetting(
      RuleInfo info,
      String setting,
      Predicate<Object> isUnsafe,
      String subject,
      String whenUnset,
      int unsetLine) {
    if (!writes(setting)) {
      return Optional.of(
          Finding.of(
              info,
              resource.file(),
              unsetLine,
              address,
              subject + " does not set " + setting + whenUnset + where()));
    }
    // Where the unsafe value is written: the bucket's attribute, or the for_each entry, module
    // call or variable default it comes from.
    Range origin = context.origin(resource.attribute(setting).orElseThrow().value(), symbols);
    return value(setting)
        .filter(isUnsafe)
        .map(
            unsafe ->
                Finding.of(
                    info,
                    origin.file(),
                    origin.start().line(),
                    address,
                    subject
                        + " sets "
                        + setting
                        + " = "
                        + (unsafe instanceof String text ? "\"" + text + "\"" : unsafe)
                        + where()));
  }

  /** {@code " (in prod)"} for a module evaluated in an environment, else empty. */
  String where() {
    return context.name().equals("defaults") ? "" : " (in " + context.name() + ")";
  }
}
