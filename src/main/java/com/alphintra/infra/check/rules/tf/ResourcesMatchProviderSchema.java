package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/**
 * Resource and data blocks set only attributes and blocks their provider schema defines, set every
 * required one and none the provider computes. Runs when a provider schema is known ({@code
 * --provider-schema}, or read by terraform from an initialised directory).
 */
public final class ResourcesMatchProviderSchema implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "tf-schema-valid",
          "Resource and data blocks match the provider schema",
          Severity.HIGH,
          Target.TF,
          "An unknown argument, a missing required one or a read-only one fails terraform plan, and a misspelt"
              + " optional setting (a security flag among them) would otherwise be noticed only then.",
          "Correct the attribute or block name, set the required ones and remove the ones the provider computes.",
          List.of(
              "terraform validate (Unsupported argument / Missing required argument)",
              "tflint-ruleset-google (provider schema checks)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return platform
        .terraform()
        .providerSchema()
        .map(
            schema ->
                SchemaComparison.of(platform.terraform().modules(), schema).stream()
                    .filter(problem -> !problem.deprecated())
                    .map(
                        problem ->
                            Finding.of(
                                INFO,
                                problem.range().file(),
                                problem.range().start().line(),
                                problem.object(),
                                problem.message()))
                    .toList())
        .orElse(List.of());
  }
}
