package com.alphintra.infra.check.rules.state;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.ObjectItem;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TupleExpr;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.ModuleCall;
import com.alphintra.infra.terraform.Provider;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * No password, token, key or secret is written in a .tf or tfvars file: secrets are generated
 * (random_password) or read from Secret Manager at apply time. Names are matched on their last
 * word, so {@code secret_id} or {@code password_length} are not secrets; obvious placeholders
 * ({@code "<set me>"}, {@code "REPLACE_ME"}) are not reported.
 */
public final class SecretsAreNotInConfiguration implements Rule {

  static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)(^|[_-])(password|passwd|passphrase|secret|token|private_key|api_key|apikey|access_key|secret_key"
              + "|secret_data|auth_string|auth_token)$");
  static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?is)<.*>|x{3,}|\\*{3,}|\\.{3,}|replace[-_ ]?me|todo|tbd|placeholder|redacted|dummy|example|none|null");

  static final RuleInfo INFO =
      new RuleInfo(
          "state-no-plaintext-secrets",
          "No password, token or key is written in Terraform files or tfvars",
          Severity.CRITICAL,
          Target.STATE,
          "A secret in a .tf or tfvars file is in every clone, every CI log that prints the plan and git history for"
              + " good; rotating it means rewriting history. Generated secrets live only in state and Secret Manager.",
          "Remove the literal: generate the value with random_password, read it from Secret Manager"
              + " (google_secret_manager_secret_version data source), or pass it at apply time through a"
              + " TF_VAR_ environment variable, and rotate the exposed secret.",
          List.of(
              "tfsec general-secrets-no-plaintext-exposure", "checkov CKV_SECRET_6", "gitleaks"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformModule module : platform.terraform().modules()) {
      for (Resource resource : module.resources()) {
        scanBody(resource.body(), resource.address(), "", resource.type(), findings);
      }
      for (ModuleCall call : module.moduleCalls()) {
        call.arguments()
            .values()
            .forEach(
                argument ->
                    scan(
                        argument.value(),
                        argument.name(),
                        argument,
                        "module." + call.name(),
                        argument.name(),
                        findings));
      }
      for (Provider provider : module.providers()) {
        scanBody(provider.body(), "provider \"" + provider.name() + "\"", "", "provider", findings);
      }
      module
          .locals()
          .forEach(
              local ->
                  scan(
                      local.value(),
                      local.name(),
                      local.attribute(),
                      "locals",
                      local.name(),
                      findings));
      for (Variable variable : module.variables()) {
        checkDefault(variable, findings);
      }
      module
          .tfvars()
          .values()
          .forEach(
              attribute ->
                  scan(
                      attribute.value(),
                      attribute.name(),
                      attribute,
                      attribute.range().file().getFileName().toString(),
                      attribute.name(),
                      findings));
    }
    return findings;
  }

  private static void checkDefault(Variable variable, List<Finding> findings) {
    Optional<Attribute> defaultValue = variable.block().body().attribute("default");
    if (defaultValue.isEmpty()) {
      return;
    }
    String object = "variable \"" + variable.name() + "\"";
    Attribute attribute = defaultValue.get();
    if (variable.sensitive() || SECRET_NAME.matcher(variable.name()).find()) {
      if (isSecretLiteral(attribute.value())) {
        findings.add(
            Finding.of(
                INFO,
                attribute.range().file(),
                attribute.range().start().line(),
                object,
                object
                    + (variable.sensitive() ? " is sensitive but" : "")
                    + " has a literal default value"));
        return;
      }
    }
    scan(attribute.value(), "", attribute, object, "default", findings);
  }

  private static void scanBody(
      Body body, String object, String prefix, String type, List<Finding> findings) {
    for (Attribute attribute : body.attributes()) {
      // A literal google_sql_user password is sql-user-password-generated's finding; do not report
      // it twice.
      if (type.equals("google_sql_user")
          && prefix.isEmpty()
          && attribute.name().equals("password")) {
        continue;
      }
      scan(
          attribute.value(),
          attribute.name(),
          attribute,
          object,
          prefix + attribute.name(),
          findings);
    }
    for (Block block : body.blocks()) {
      scanBody(block.body(), object, prefix + block.type() + ".", type, findings);
    }
  }

  /**
   * Reports {@code expression} when {@code name} is a secret's and it is a literal; looks inside
   * objects.
   */
  private static void scan(
      Expression expression,
      String name,
      Attribute attribute,
      String object,
      String path,
      List<Finding> findings) {
    if (SECRET_NAME.matcher(name).find()
        && isSecretLiteral(expression)
        && !(name.equalsIgnoreCase("secret")
            && literal(expression).orElse("").startsWith("projects/"))) {
      // The message never repeats the value.
      Path file = attribute.range().file();
      findings.add(
          Finding.of(
              INFO,
              file,
              expression.range().start().line(),
              object,
              object + " sets " + path + " to a literal string"));
      return;
    }
    if (expression instanceof ObjectExpr objectExpr) {
      for (ObjectItem item : objectExpr.items()) {
        Optional<String> key = item.keyName();
        if (key.isPresent()) {
          scan(
              item.value(),
              key.get(),
              attribute,
              object,
              path.isEmpty() ? key.get() : path + "." + key.get(),
              findings);
        }
      }
    } else if (expression instanceof TupleExpr tuple) {
      for (Expression element : tuple.elements()) {
        scan(element, "", attribute, object, path, findings);
      }
    }
  }

  private static boolean isSecretLiteral(Expression expression) {
    Optional<String> text = literal(expression);
    return text.isPresent()
        && !text.get().isBlank()
        && !PLACEHOLDER.matcher(text.get().trim()).matches();
  }

  private static Optional<String> literal(Expression expression) {
    return expression instanceof TemplateExpr template ? template.literalValue() : Optional.empty();
  }
}
