package com.alphintra.infra.check.rules.xstack;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.GetAttrExpr;
import com.alphintra.infra.hcl.IndexExpr;
import com.alphintra.infra.hcl.VariableExpr;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Kubernetes service account that Terraform binds to a Google service account through
 * Workload Identity ({@code google_service_account_iam_member} with member {@code
 * serviceAccount:PROJECT.svc.id.goog[NS/KSA]}) exists in that environment's overlay and carries the
 * {@code iam.gke.io/gcp-service-account} annotation naming the same Google service account.
 */
public final class WorkloadIdentityAccountsMatch implements Rule {

  static final String ANNOTATION = "iam.gke.io/gcp-service-account";
  private static final Pattern MEMBER =
      Pattern.compile("serviceAccount:([^\\[\\]]+)\\.svc\\.id\\.goog\\[([^/\\]]+)/([^\\]]+)\\]");

  static final RuleInfo INFO =
      new RuleInfo(
          "xstack-workload-identity",
          "Workload Identity bindings name annotated Kubernetes service accounts of the overlay",
          Severity.HIGH,
          Target.XSTACK,
          "Workload Identity needs both halves: Terraform lets NS/KSA act as the Google service account, and the"
              + " Kubernetes ServiceAccount names that account in its annotation. A missing account or a different"
              + " email leaves Pods on the node's identity or without Google credentials, which shows only at run time.",
          "Define the ServiceAccount in the environment's overlay with iam.gke.io/gcp-service-account set to the"
              + " email of the Google service account Terraform binds it to.",
          List.of(
              "GKE Workload Identity Federation: annotate the Kubernetes ServiceAccount",
              "terraform-google-modules kubernetes-engine workload-identity"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    OverlayObjects overlays = new OverlayObjects(platform);
    Map<String, Map<String, LoadedObject>> accounts = new HashMap<>();
    Map<String, TerraformResource> googleAccounts = new HashMap<>();
    for (TerraformResource account : platform.terraform().resources("google_service_account")) {
      googleAccounts.putIfAbsent(account.directory() + "/" + account.name(), account);
    }
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource binding :
        platform.terraform().resources("google_service_account_iam_member")) {
      Optional<Attribute> member = binding.attribute("member");
      if (member.isEmpty()) {
        continue;
      }
      Resource model =
          new Resource(ResourceMode.MANAGED, binding.type(), binding.name(), binding.block());
      for (EvaluationContext context : platform.terraform().contexts(binding)) {
        String environment = context.name();
        if (!overlays.has(environment)) {
          continue;
        }
        Map<String, LoadedObject> byName =
            accounts.computeIfAbsent(environment, env -> index(overlays.of(env)));
        for (Map<String, Value> symbols :
            context.instance().instanceSymbols(model).orElse(List.of())) {
          Optional<Matcher> parsed =
              string(context, member.get().value(), symbols)
                  .map(MEMBER::matcher)
                  .filter(Matcher::matches);
          if (parsed.isEmpty()) {
            continue;
          }
          String namespace = parsed.get().group(2);
          String account = parsed.get().group(3);
          String label = binding.address() + key(symbols);
          Optional<String> email = email(googleAccounts, binding, context, symbols);
          LoadedObject serviceAccount = byName.get(namespace + "/" + account);
          if (serviceAccount == null) {
            findings.add(
                Finding.of(
                    INFO,
                    binding.file(),
                    member.get().range().start().line(),
                    label,
                    label
                        + " binds Kubernetes ServiceAccount "
                        + namespace
                        + "/"
                        + account
                        + ", which overlay "
                        + environment
                        + " does not define (in "
                        + environment
                        + ")"));
            continue;
          }
          String annotated = serviceAccount.object().annotations().get(ANNOTATION);
          if (email.isPresent() && !email.get().equals(annotated)) {
            LoadedObject written =
                overlays.writtenFor(
                    environment,
                    serviceAccount,
                    candidate -> candidate.object().annotations().containsKey(ANNOTATION));
            String path = "metadata.annotations[\"" + ANNOTATION + "\"]";
            findings.add(
                Finding.of(
                    INFO,
                    written.file(),
                    written.lineOf(path),
                    serviceAccount.describe(),
                    serviceAccount.describe()
                        + " in overlay "
                        + environment
                        + (annotated == null
                            ? " has no " + ANNOTATION + " annotation"
                            : " has " + ANNOTATION + " " + annotated)
                        + ", but "
                        + label
                        + " binds it to "
                        + email.get()));
          }
        }
      }
    }
    return findings;
  }

  /**
   * ServiceAccounts by namespace/name; a patch without a namespace counts for every namespace it is
   * applied in.
   */
  private static Map<String, LoadedObject> index(List<LoadedObject> objects) {
    Map<String, LoadedObject> byName = new HashMap<>();
    for (LoadedObject object : objects) {
      if (object.kind().equals("ServiceAccount")) {
        byName.putIfAbsent(object.namespace().orElse("default") + "/" + object.name(), object);
      }
    }
    return byName;
  }

  /**
   * The email of the Google service account the binding's {@code service_account_id} refers to
   * ({@code google_service_account.NAME[...]...}): its account_id at its project, evaluated with
   * the binding's own {@code each}/{@code count}, as both iterate the same collection.
   */
  private static Optional<String> email(
      Map<String, TerraformResource> googleAccounts,
      TerraformResource binding,
      EvaluationContext context,
      Map<String, Value> symbols) {
    Optional<String> name =
        binding.attribute("service_account_id").flatMap(a -> accountResource(a.value()));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<TerraformResource> account =
        Optional.ofNullable(googleAccounts.get(binding.directory() + "/" + name.get()));
    if (account.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> accountId =
        account.get().attribute("account_id").flatMap(a -> string(context, a.value(), symbols));
    Optional<String> project =
        account.get().attribute("project").flatMap(a -> string(context, a.value(), symbols));
    return accountId.isPresent() && project.isPresent()
        ? Optional.of(accountId.get() + "@" + project.get() + ".iam.gserviceaccount.com")
        : Optional.empty();
  }

  /** {@code workload} of {@code google_service_account.workload[each.key].name}. */
  private static Optional<String> accountResource(Expression expression) {
    Expression current = expression;
    String next = null;
    while (true) {
      if (current instanceof GetAttrExpr get) {
        next = get.name();
        current = get.object();
      } else if (current instanceof IndexExpr index) {
        current = index.collection();
      } else if (current instanceof VariableExpr variable) {
        return variable.name().equals("google_service_account")
            ? Optional.ofNullable(next)
            : Optional.empty();
      } else {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> string(
      EvaluationContext context, Expression expression, Map<String, Value> symbols) {
    Value value = context.instance().evaluate(expression, symbols);
    return value instanceof StringValue string ? Optional.of(string.value()) : Optional.empty();
  }

  private static String key(Map<String, Value> symbols) {
    Value each = symbols.get("each");
    if (each instanceof com.alphintra.infra.terraform.MapValue map
        && map.get("key").orElse(null) instanceof StringValue key) {
      return "[\"" + key.value() + "\"]";
    }
    return "";
  }
}
