package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TemplateLiteral;
import com.alphintra.infra.hcl.TemplatePart;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nodes run as a least-privilege service account of their own, never as the Compute Engine default
 * one.
 */
public final class GkeNodesUseADedicatedServiceAccount implements Rule {

  static final String SETTING = "node_config.service_account";
  static final String DEFAULT_ACCOUNT_DOMAIN = "-compute@developer.gserviceaccount.com";

  static final RuleInfo INFO =
      new RuleInfo(
          "gke-node-service-account",
          "GKE nodes run as a dedicated service account, not the Compute Engine default",
          Severity.HIGH,
          Target.GKE,
          "The Compute Engine default service account usually holds roles/editor on the project, so any pod that"
              + " reaches the node's credentials can change almost every resource in it.",
          "Set node_config { service_account = google_service_account.nodes.email } on every node pool, with only the"
              + " logging, monitoring and image-pull roles granted to that account.",
          List.of(
              "tfsec google-gke-use-service-account",
              "CIS GKE Benchmark 5.2.1",
              "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    TerraformView terraform = platform.terraform();
    List<Finding> findings = new ArrayList<>();
    for (NodePool pool : NodePool.all(terraform)) {
      Optional<Attribute> account = pool.attribute(SETTING);
      if (account.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                pool.resource().file(),
                pool.lineOf(SETTING),
                pool.name(),
                pool.name()
                    + " does not set "
                    + SETTING
                    + ", so its nodes run as the Compute Engine default service"
                    + " account"));
        continue;
      }
      if (namesTheDefaultAccount(account.get().value())) {
        findings.add(
            Finding.of(
                INFO,
                pool.resource().file(),
                pool.lineOf(SETTING),
                pool.name(),
                pool.name()
                    + " sets "
                    + SETTING
                    + " to the Compute Engine default service account"));
        continue;
      }
      for (TerraformValue value : pool.values(terraform, SETTING)) {
        if (value.value() instanceof String email && isDefaultAccount(email)) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  pool.name(),
                  pool.name()
                      + " sets "
                      + SETTING
                      + " = "
                      + Literal.of(email)
                      + value.where()
                      + ", the Compute Engine default service account"));
        }
      }
    }
    return findings;
  }

  /**
   * "default", empty (which GKE reads as the default) or {@code
   * NUMBER-compute@developer.gserviceaccount.com}.
   */
  static boolean isDefaultAccount(String email) {
    return email.isEmpty() || email.equals("default") || email.endsWith(DEFAULT_ACCOUNT_DOMAIN);
  }

  /**
   * Whether the expression names the default account whatever it evaluates to: a reference to the
   * {@code google_compute_default_service_account} data source, or a template that interpolates the
   * project number before the default account's domain.
   */
  private static boolean namesTheDefaultAccount(Expression expression) {
    Expression inner =
        expression instanceof TemplateExpr template
            ? template.unwrapped().orElse(expression)
            : expression;
    boolean dataSource =
        inner
            .asTraversal()
            .filter(traversal -> traversal.root().equals("data"))
            .flatMap(traversal -> traversal.attribute(0))
            .filter("google_compute_default_service_account"::equals)
            .isPresent();
    if (dataSource || !(inner instanceof TemplateExpr template) || template.parts().size() < 2) {
      return dataSource;
    }
    TemplatePart last = template.parts().get(template.parts().size() - 1);
    return last instanceof TemplateLiteral literal
        && literal.value().endsWith(DEFAULT_ACCOUNT_DOMAIN);
  }
}
