package com.alphintra.infra.check.rules.net;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.K3dConfig;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.terraform.NumberValue;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The address ranges of each environment, read once: subnets and their secondary ranges, GKE
 * control-plane and cluster ranges, the private services access range, and the k3d cluster's Pod
 * and Service ranges (environment {@code local}). Values are the evaluator's, per environment;
 * unknown ones are left out.
 */
final class NetworkPlan {

  /** k3s's defaults unless {@code --cluster-cidr} / {@code --service-cidr} override them. */
  static final String K3S_CLUSTER_CIDR = "10.42.0.0/16";

  static final String K3S_SERVICE_CIDR = "10.43.0.0/16";
  static final String LOCAL = "local";

  private final Map<String, List<PlannedRange>> byEnvironment = new TreeMap<>();

  /** Secondary ranges by environment and range name, with the subnet range that holds them. */
  private final Map<String, Map<String, SecondaryRange>> secondary = new TreeMap<>();

  /** A named secondary range and the primary range of its subnet. */
  record SecondaryRange(PlannedRange range, PlannedRange subnet) {}

  NetworkPlan(Platform platform) {
    for (TerraformResource subnet : platform.terraform().resources("google_compute_subnetwork")) {
      each(
          platform,
          subnet,
          (context, symbols, label) -> {
            Optional<PlannedRange> primary =
                range(
                    context,
                    symbols,
                    subnet.block().body().attribute("ip_cidr_range"),
                    label,
                    "subnet " + label + " ip_cidr_range");
            primary.ifPresent(this::add);
            for (Block block : subnet.block().body().blocks("secondary_ip_range")) {
              Optional<String> name =
                  string(context, symbols, block.body().attribute("range_name"));
              Optional<PlannedRange> range =
                  range(
                      context,
                      symbols,
                      block.body().attribute("ip_cidr_range"),
                      label,
                      "subnet " + label + " secondary range " + name.orElse("?"));
              range.ifPresent(this::add);
              if (range.isPresent() && primary.isPresent() && name.isPresent()) {
                secondary
                    .computeIfAbsent(context.name(), env -> new LinkedHashMap<>())
                    .put(name.get(), new SecondaryRange(range.get(), primary.get()));
              }
            }
          });
    }
    for (TerraformResource cluster : platform.terraform().resources("google_container_cluster")) {
      each(
          platform,
          cluster,
          (context, symbols, label) -> {
            Body body = cluster.block().body();
            nested(body, "private_cluster_config", "master_ipv4_cidr_block")
                .flatMap(
                    attribute ->
                        range(
                            context,
                            symbols,
                            Optional.of(attribute),
                            label,
                            "GKE " + label + " control plane"))
                .ifPresent(this::add);
            nested(body, "ip_allocation_policy", "cluster_ipv4_cidr_block")
                .flatMap(
                    attribute ->
                        range(
                            context,
                            symbols,
                            Optional.of(attribute),
                            label,
                            "GKE " + label + " Pod range"))
                .ifPresent(this::add);
            nested(body, "ip_allocation_policy", "services_ipv4_cidr_block")
                .flatMap(
                    attribute ->
                        range(
                            context,
                            symbols,
                            Optional.of(attribute),
                            label,
                            "GKE " + label + " Service range"))
                .ifPresent(this::add);
          });
    }
    for (TerraformResource address :
        platform.terraform().resources("google_compute_global_address")) {
      each(
          platform,
          address,
          (context, symbols, label) -> {
            Body body = address.block().body();
            Optional<String> purpose = string(context, symbols, body.attribute("purpose"));
            Optional<Attribute> start = body.attribute("address");
            Optional<String> first = string(context, symbols, start);
            Optional<Long> length = number(context, symbols, body.attribute("prefix_length"));
            if (purpose.filter("VPC_PEERING"::equals).isPresent()
                && first.isPresent()
                && length.isPresent()) {
              Cidr.parse(first.get() + "/" + length.get())
                  .ifPresent(
                      cidr -> {
                        Range origin = context.origin(start.get().value());
                        add(
                            new PlannedRange(
                                context.name(),
                                "private services access range " + label,
                                cidr,
                                label,
                                origin.file(),
                                origin.start().line()));
                      });
            }
          });
    }
    for (K3dConfig k3d : platform.k3d()) {
      addK3d(k3d, "cluster-cidr", K3S_CLUSTER_CIDR, "k3s Pod range (cluster-cidr)");
      addK3d(k3d, "service-cidr", K3S_SERVICE_CIDR, "k3s Service range (service-cidr)");
      k3d.valueAt("subnet")
          .filter(String.class::isInstance)
          .flatMap(subnet -> Cidr.parse((String) subnet))
          .ifPresent(
              cidr ->
                  add(
                      new PlannedRange(
                          LOCAL,
                          "k3d Docker network subnet",
                          cidr,
                          "k3d " + k3d.file(),
                          k3d.file(),
                          k3d.lineOf("subnet"))));
    }
  }

  /** Every known range of every environment, by environment name. */
  Map<String, List<PlannedRange>> byEnvironment() {
    return byEnvironment;
  }

  /** The secondary range called {@code name} in an environment. */
  Optional<SecondaryRange> secondaryRange(String environment, String name) {
    return Optional.ofNullable(secondary.getOrDefault(environment, Map.of()).get(name));
  }

  /**
   * The k3s Pod range of a k3d configuration: its {@code --cluster-cidr} argument, else k3s's
   * default.
   */
  static Optional<Cidr> k3sRange(K3dConfig k3d, String flag, String fallback) {
    return Cidr.parse(k3sArgument(k3d, flag).map(Map.Entry::getValue).orElse(fallback));
  }

  /** The {@code --flag=value} of {@code options.k3s.extraArgs} and its index there. */
  static Optional<Map.Entry<Integer, String>> k3sArgument(K3dConfig k3d, String flag) {
    Optional<Object> arguments = k3d.valueAt("options.k3s.extraArgs");
    if (arguments.isEmpty() || !(arguments.get() instanceof List<?> list)) {
      return Optional.empty();
    }
    for (int index = 0; index < list.size(); index++) {
      if (list.get(index) instanceof Map<?, ?> entry
          && entry.get("arg") instanceof String arg
          && arg.startsWith("--" + flag + "=")) {
        return Optional.of(Map.entry(index, arg.substring(flag.length() + 3)));
      }
    }
    return Optional.empty();
  }

  private void addK3d(K3dConfig k3d, String flag, String fallback, String description) {
    Optional<Map.Entry<Integer, String>> argument = k3sArgument(k3d, flag);
    int line =
        argument
            .map(entry -> k3d.lineOf("options.k3s.extraArgs[" + entry.getKey() + "].arg"))
            .orElse(k3d.lineOf("options.k3s"));
    k3sRange(k3d, flag, fallback)
        .ifPresent(
            cidr ->
                add(
                    new PlannedRange(
                        LOCAL,
                        description + (argument.isEmpty() ? " (k3s default)" : ""),
                        cidr,
                        "k3d " + k3d.file(),
                        k3d.file(),
                        line)));
  }

  private void add(PlannedRange range) {
    byEnvironment.computeIfAbsent(range.environment(), env -> new ArrayList<>()).add(range);
  }

  /** What to do for one instance of a resource in one context. */
  interface InstanceVisitor {
    void visit(EvaluationContext context, Map<String, Value> symbols, String label);
  }

  /**
   * Visits every instance ({@code count}, {@code for_each}) of a resource in every environment
   * context.
   */
  static void each(Platform platform, TerraformResource resource, InstanceVisitor visitor) {
    Resource model =
        new Resource(ResourceMode.MANAGED, resource.type(), resource.name(), resource.block());
    for (EvaluationContext context : platform.terraform().contexts(resource)) {
      Optional<List<Map<String, Value>>> instances = context.instance().instanceSymbols(model);
      if (instances.isEmpty()) {
        continue;
      }
      boolean repeated = model.count().isPresent() || model.forEach().isPresent();
      for (Map<String, Value> symbols : instances.get()) {
        visitor.visit(
            context, symbols, repeated ? resource.address() + key(symbols) : resource.address());
      }
    }
  }

  private static String key(Map<String, Value> symbols) {
    Value holder = symbols.containsKey("each") ? symbols.get("each") : symbols.get("count");
    if (holder instanceof com.alphintra.infra.terraform.MapValue map) {
      Optional<Value> key = map.get(symbols.containsKey("each") ? "key" : "index");
      if (key.isPresent() && key.get() instanceof StringValue string) {
        return "[\"" + string.value() + "\"]";
      }
      if (key.isPresent() && key.get() instanceof NumberValue number) {
        return "[" + number.format() + "]";
      }
    }
    return "";
  }

  static Optional<Attribute> nested(Body body, String block, String attribute) {
    return body.blocks(block).stream()
        .findFirst()
        .flatMap(found -> found.body().attribute(attribute));
  }

  static Optional<String> string(
      EvaluationContext context, Map<String, Value> symbols, Optional<Attribute> attribute) {
    return attribute
        .map(a -> context.instance().evaluate(a.value(), symbols))
        .filter(StringValue.class::isInstance)
        .map(value -> ((StringValue) value).value());
  }

  static Optional<Long> number(
      EvaluationContext context, Map<String, Value> symbols, Optional<Attribute> attribute) {
    return attribute
        .map(a -> context.instance().evaluate(a.value(), symbols))
        .filter(NumberValue.class::isInstance)
        .map(value -> ((NumberValue) value).value().longValue());
  }

  private static Optional<PlannedRange> range(
      EvaluationContext context,
      Map<String, Value> symbols,
      Optional<Attribute> attribute,
      String object,
      String description) {
    Optional<Cidr> cidr = string(context, symbols, attribute).flatMap(Cidr::parse);
    if (cidr.isEmpty()) {
      return Optional.empty();
    }
    Expression value = attribute.get().value();
    Range origin = context.origin(value);
    return Optional.of(
        new PlannedRange(
            context.name(), description, cidr.get(), object, origin.file(), origin.start().line()));
  }
}
