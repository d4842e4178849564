package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.GeneratedBlock;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In production every pod's image is checked against the project's Binary Authorization policy, the
 * policy blocks what it does not allow rather than only logging it, and it admits no registry but
 * the project's own Artifact Registry (Google's system images are admitted by the global policy).
 */
public final class GkeEnforcesBinaryAuthorizationInProduction implements Rule {

  static final String EVALUATION_MODE = "binary_authorization.evaluation_mode";
  static final String LEGACY_ENABLED = "binary_authorization.enabled";
  static final String PROJECT_POLICY = "PROJECT_SINGLETON_POLICY_ENFORCE";
  static final String POLICY_TYPE = "google_binary_authorization_policy";
  static final String ENFORCED = "ENFORCED_BLOCK_AND_AUDIT_LOG";
  static final String ALWAYS_ALLOW = "ALWAYS_ALLOW";
  static final String ADMISSION_PATTERNS = "admission_whitelist_patterns";
  static final String ARTIFACT_REGISTRY_HOST = "-docker.pkg.dev";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-binary-authorization",
          "Production GKE clusters run only images the Binary Authorization policy admits",
          Severity.HIGH,
          Target.GKE,
          "Without enforced Binary Authorization anyone who can create a pod in production can run any image from any"
              + " registry, a typosquatted or backdoored one included; a dry-run policy only logs it afterwards. An"
              + " admission pattern for a public registry (docker.io/istio/*) admits whatever its publisher, or"
              + " whoever takes over the name, pushes there next.",
          "Set binary_authorization { evaluation_mode = \"PROJECT_SINGLETON_POLICY_ENFORCE\" } on the"
              + " google_container_cluster, and give the google_binary_authorization_policy a default_admission_rule"
              + " with enforcement_mode = \"ENFORCED_BLOCK_AND_AUDIT_LOG\" and an evaluation_mode other than"
              + " \"ALWAYS_ALLOW\" in prod; in prod admit no name_pattern outside the project's Artifact Registry"
              + " (REGION-docker.pkg.dev/PROJECT/...): mirror third-party images there.",
          List.of(
              "checkov CKV_GCP_66",
              "https://cloud.google.com/binary-authorization/docs/setting-up"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource cluster : Clusters.all(terraform)) {
      checkCluster(terraform, cluster, findings);
    }
    for (TerraformResource policy : terraform.resources(POLICY_TYPE)) {
      checkPolicy(terraform, policy, findings);
    }
    return findings;
  }

  private static void checkCluster(
      TerraformView terraform, TerraformResource cluster, List<Finding> findings) {
    Optional<Attribute> mode = cluster.attribute(EVALUATION_MODE);
    Optional<Attribute> legacy = cluster.attribute(LEGACY_ENABLED);
    Map<String, SourceLocation> messages = new LinkedHashMap<>();
    for (EvaluationContext context : Environments.production(terraform, cluster)) {
      String where = " (in " + context.name() + ")";
      if (mode.isPresent()) {
        context
            .value(mode.get().value())
            .filter(value -> !PROJECT_POLICY.equals(value))
            .ifPresent(
                value ->
                    messages.put(
                        cluster.address()
                            + " sets "
                            + EVALUATION_MODE
                            + " = "
                            + Literal.of(value)
                            + where,
                        SourceLocation.of(context.origin(mode.get().value()))));
      } else if (legacy.isPresent()) {
        context
            .bool(legacy.get().value())
            .filter(on -> !on)
            .ifPresent(
                off ->
                    messages.put(
                        cluster.address() + " sets " + LEGACY_ENABLED + " = false" + where,
                        SourceLocation.of(context.origin(legacy.get().value()))));
      } else {
        messages.put(
            cluster.address()
                + " does not set "
                + EVALUATION_MODE
                + ", so it runs any image"
                + where,
            new SourceLocation(cluster.file(), cluster.lineOf(EVALUATION_MODE)));
      }
    }
    messages.forEach(
        (message, origin) ->
            findings.add(
                Finding.of(INFO, origin.file(), origin.line(), cluster.address(), message)));
  }

  private static void checkPolicy(
      TerraformView terraform, TerraformResource policy, List<Finding> findings) {
    Map<String, Block> rules = new LinkedHashMap<>();
    policy.block().body().blocks("default_admission_rule").stream()
        .findFirst()
        .ifPresent(rule -> rules.put("default_admission_rule", rule));
    List<Block> clusterRules = policy.block().body().blocks("cluster_admission_rules");
    for (int index = 0; index < clusterRules.size(); index++) {
      Block rule = clusterRules.get(index);
      String cluster =
          rule.body()
              .attribute("cluster")
              .filter(found -> found.value() instanceof TemplateExpr)
              .flatMap(found -> ((TemplateExpr) found.value()).literalValue())
              .map(name -> "for \"" + name + "\"")
              .orElse("#" + (index + 1));
      rules.put("cluster_admission_rules " + cluster, rule);
    }
    Map<String, SourceLocation> messages = new LinkedHashMap<>();
    for (EvaluationContext context : Environments.production(terraform, policy)) {
      String where = " (in " + context.name() + ")";
      rules.forEach(
          (name, rule) -> {
            rule.body()
                .attribute("enforcement_mode")
                .ifPresent(
                    mode ->
                        context
                            .value(mode.value())
                            .filter(value -> !ENFORCED.equals(value))
                            .ifPresent(
                                value ->
                                    messages.put(
                                        policy.address()
                                            + " sets enforcement_mode = "
                                            + Literal.of(value)
                                            + " in "
                                            + name
                                            + where
                                            + ", so it only logs the images it should block",
                                        SourceLocation.of(context.origin(mode.value())))));
            rule.body()
                .attribute("evaluation_mode")
                .ifPresent(
                    mode ->
                        context
                            .value(mode.value())
                            .filter(ALWAYS_ALLOW::equals)
                            .ifPresent(
                                value ->
                                    messages.put(
                                        policy.address()
                                            + " sets evaluation_mode = "
                                            + Literal.of(value)
                                            + " in "
                                            + name
                                            + where
                                            + ", so it admits every image",
                                        SourceLocation.of(context.origin(mode.value())))));
          });
    }
    for (EvaluationContext context : Environments.production(terraform, policy)) {
      foreignPatterns(policy, context, messages);
    }
    messages.forEach(
        (message, origin) ->
            findings.add(
                Finding.of(INFO, origin.file(), origin.line(), policy.address(), message)));
  }

  /**
   * Admission patterns of prod outside the project's Artifact Registry: a host other than {@code
   * REGION-docker.pkg.dev}, or (when the policy's project is known) another project's repository.
   */
  private static void foreignPatterns(
      TerraformResource policy, EvaluationContext context, Map<String, SourceLocation> messages) {
    Optional<String> project =
        policy.block().body().attribute("project").flatMap(found -> context.string(found.value()));
    for (GeneratedBlock block :
        context.blocks(policy.block().body(), ADMISSION_PATTERNS).orElse(List.of())) {
      Optional<Attribute> attribute = block.body().attribute("name_pattern");
      if (attribute.isEmpty()
          || !(context.value(attribute.get().value(), block.symbols()).orElse(null)
              instanceof String pattern)) {
        continue;
      }
      String[] parts = pattern.split("/", 3);
      boolean ownRegistry =
          parts.length == 3
              && parts[0].endsWith(ARTIFACT_REGISTRY_HOST)
              && project.map(parts[1]::equals).orElse(true);
      if (!ownRegistry) {
        messages.put(
            policy.address()
                + " admits name_pattern "
                + Literal.of(pattern)
                + " (in "
                + context.name()
                + "), outside the project's Artifact Registry",
            // Where the pattern is written: the root's binary_authorization_allowed_images entry.
            SourceLocation.of(context.origin(attribute.get().value(), block.symbols())));
      }
    }
  }
}
