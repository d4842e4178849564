package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Resource and data blocks use no attribute or block their provider schema marks deprecated. */
public final class ResourcesAvoidDeprecatedArguments implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "tf-schema-deprecated",
          "Resource and data blocks use no deprecated attribute or block",
          Severity.LOW,
          Target.TF,
          "A deprecated argument is removed in a later provider major version; moving off it before the upgrade"
              + " keeps the upgrade a version bump instead of a rewrite under time pressure.",
          "Replace the deprecated attribute or block with the one the provider documentation names instead.",
          List.of(
              "terraform validate (Deprecated attribute warning)",
              "tflint terraform_deprecated_index (similar spirit)"));

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
                    .filter(SchemaProblem::deprecated)
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
