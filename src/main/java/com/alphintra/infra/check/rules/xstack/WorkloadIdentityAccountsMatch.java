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
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TemplateInterpolation;
import com.alphintra.infra.hcl.TemplatePart;
import com.alphintra.infra.hcl.VariableExpr;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.terraform.MapValue;
import com.alphintra.infra.terraform.Resource;
import com.alphintra.infra.terraform.ResourceMode;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Both halves of Workload Identity agree in every environment: what Terraform will create (each
 * {@code google_service_account_iam_member} whose member is {@code
 * serviceAccount:PROJECT.svc.id.goog[NS/KSA]}, evaluated with the values the environment root's
 * module call passes down) and what the environment's overlay renders (each ServiceAccount and its
 * {@code iam.gke.io/gcp-service-account} annotation, after the cloud outputs' replacements). A
 * binding must name a ServiceAccount the overlay renders, annotated with the bound Google service
 * account; an annotated ServiceAccount must be one that Terraform lets act as the Google service
 * account it names.
 */
public final class WorkloadIdentityAccountsMatch implements Rule {

  static final String ANNOTATION = "iam.gke.io/gcp-service-account";
  static final String ANNOTATION_PATH = "metadata.annotations[\"" + ANNOTATION + "\"]";
  private static final Pattern MEMBER =
      Pattern.compile("serviceAccount:([^\\[\\]]+)\\.svc\\.id\\.goog\\[([^/\\]]+)/([^\\]]+)\\]");

  static final RuleInfo INFO =
      new RuleInfo(
          "xstack-workload-identity",
          "Workload Identity bindings and the overlay's annotated ServiceAccounts name each other",
          Severity.HIGH,
          Target.XSTACK,
          "Workload Identity needs both halves: Terraform lets NS/KSA act as the Google service account, and the"
              + " Kubernetes ServiceAccount names that account in its annotation. A missing account, another namespace"
              + " or a different email leaves Pods on the node's identity or without Google credentials, which shows"
              + " only at run time.",
          "Make the binding's member name the namespace and ServiceAccount the overlay renders, and annotate that"
              + " ServiceAccount with iam.gke.io/gcp-service-account set to the email of the Google service account"
              + " Terraform binds it to (in the overlays, through the cloud outputs' replacements).",
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
    Map<String, List<Binding>> byEnvironment = bindings(platform, overlays);
    List<Finding> findings = new ArrayList<>();
    Map<String, Set<String>> pools = workloadPools(platform);
    byEnvironment.forEach(
        (environment, bindings) -> {
          for (Binding binding : bindings) {
            poolSide(environment, binding, pools.get(environment), findings);
          }
          Map<String, LoadedObject> accounts = serviceAccounts(overlays.of(environment));
          // Without rendering, the overlay's folder lacks its bases, components and replacements:
          // an absent account or annotation proves nothing, a written annotation still does.
          boolean complete = overlays.isRendered(environment);
          for (Binding binding : bindings) {
            bindingSide(platform, environment, binding, accounts, complete, findings);
          }
          if (complete) {
            for (LoadedObject account : accounts.values()) {
              annotationSide(platform, environment, account, bindings, findings);
            }
          }
        });
    return findings;
  }

  /**
   * A binding's member is in the workload identity pool of the environment's cluster: a member of
   * another project's pool names ServiceAccounts of another cluster.
   */
  private static void poolSide(
      String environment, Binding binding, Set<String> pools, List<Finding> findings) {
    String pool = binding.project() + ".svc.id.goog";
    if (pools == null || pools.isEmpty() || pools.contains(pool)) {
      return;
    }
    SourceLocation at = binding.projectOrigin();
    findings.add(
        Finding.of(
            INFO,
            at.file(),
            at.line(),
            binding.label(),
            binding.label()
                + " binds a member of the workload identity pool "
                + pool
                + ", but the cluster of "
                + environment
                + " uses "
                + String.join(", ", new TreeSet<>(pools))
                + " (in "
                + environment
                + ")"));
  }

  /**
   * The workload identity pools ({@code workload_identity_config.workload_pool}) of each
   * environment's clusters; an environment with a pool not known statically is left out.
   */
  private static Map<String, Set<String>> workloadPools(Platform platform) {
    Map<String, Set<String>> pools = new HashMap<>();
    Set<String> unknown = new HashSet<>();
    for (TerraformResource cluster : platform.terraform().resources("google_container_cluster")) {
      Optional<Attribute> pool = cluster.attribute("workload_identity_config.workload_pool");
      if (pool.isEmpty()) {
        continue;
      }
      for (EvaluationContext context : platform.terraform().contexts(cluster)) {
        Optional<String> known = context.string(pool.get().value());
        if (known.isEmpty()) {
          unknown.add(context.name());
        } else {
          pools.computeIfAbsent(context.name(), key -> new HashSet<>()).add(known.get());
        }
      }
    }
    unknown.forEach(pools::remove);
    return pools;
  }

  /** A binding names a ServiceAccount the overlay renders, annotated with the bound email. */
  private static void bindingSide(
      Platform platform,
      String environment,
      Binding binding,
      Map<String, LoadedObject> accounts,
      boolean complete,
      List<Finding> findings) {
    LoadedObject account = accounts.get(binding.namespace() + "/" + binding.account());
    if (account == null && !complete) {
      return;
    }
    if (account == null) {
      List<String> elsewhere =
          accounts.values().stream()
              .filter(candidate -> candidate.name().equals(binding.account()))
              .map(candidate -> candidate.namespace().orElse("default"))
              .toList();
      SourceLocation at = elsewhere.isEmpty() ? binding.accountOrigin() : binding.namespaceOrigin();
      findings.add(
          Finding.of(
              INFO,
              at.file(),
              at.line(),
              binding.label(),
              binding.label()
                  + " binds Kubernetes ServiceAccount "
                  + binding.namespace()
                  + "/"
                  + binding.account()
                  + ", which overlay "
                  + environment
                  + (elsewhere.isEmpty()
                      ? " does not render"
                      : " renders in namespace " + String.join(", ", elsewhere) + " instead")
                  + " (in "
                  + environment
                  + ")"));
      return;
    }
    String annotated = account.object().annotations().get(ANNOTATION);
    if (annotated == null && !complete) {
      return;
    }
    if (binding.email().isPresent() && !binding.email().get().equals(annotated)) {
      SourceLocation at = platform.locate(account, ANNOTATION_PATH);
      findings.add(
          Finding.of(
              INFO,
              at.file(),
              at.line(),
              account.describe(),
              account.describe()
                  + " in overlay "
                  + environment
                  + (annotated == null
                      ? " has no " + ANNOTATION + " annotation"
                      : " has " + ANNOTATION + " " + annotated)
                  + ", but "
                  + binding.label()
                  + " binds it to "
                  + binding.email().get()
                  + " (in "
                  + environment
                  + ")"));
    }
  }

  /**
   * An annotated ServiceAccount names a Google service account Terraform lets it act as; one that
   * no binding names at all is the binding side's finding already.
   */
  private static void annotationSide(
      Platform platform,
      String environment,
      LoadedObject account,
      List<Binding> bindings,
      List<Finding> findings) {
    String annotated = account.object().annotations().get(ANNOTATION);
    if (annotated == null || !annotated.contains("@")) {
      return;
    }
    String self = account.namespace().orElse("default") + "/" + account.name();
    boolean bound =
        bindings.stream().anyMatch(b -> (b.namespace() + "/" + b.account()).equals(self));
    if (bound) {
      return;
    }
    List<Binding> sameEmail =
        bindings.stream().filter(b -> b.email().filter(annotated::equals).isPresent()).toList();
    boolean unknownEmails = bindings.stream().anyMatch(b -> b.email().isEmpty());
    if (sameEmail.isEmpty() && unknownEmails) {
      return;
    }
    SourceLocation at = platform.locate(account, ANNOTATION_PATH);
    String whom =
        sameEmail.isEmpty()
            ? "no Workload Identity binding of environment "
                + environment
                + " lets any ServiceAccount act as it"
            : "Terraform lets only "
                + String.join(
                    ", ",
                    new TreeSet<>(
                        sameEmail.stream().map(b -> b.namespace() + "/" + b.account()).toList()))
                + " act as it";
    findings.add(
        Finding.of(
            INFO,
            at.file(),
            at.line(),
            account.describe(),
            account.describe()
                + " in overlay "
                + environment
                + " has "
                + ANNOTATION
                + " "
                + annotated
                + ", but "
                + whom
                + " (in "
                + environment
                + ")"));
  }

  /**
   * The Workload Identity bindings each environment with an overlay creates, as evaluated there; an
   * environment with a binding whose member is not known statically is left out (its accounts
   * cannot be told apart from missing ones).
   */
  private static Map<String, List<Binding>> bindings(Platform platform, OverlayObjects overlays) {
    Map<String, TerraformResource> googleAccounts = new HashMap<>();
    for (TerraformResource account : platform.terraform().resources("google_service_account")) {
      googleAccounts.putIfAbsent(account.directory() + "/" + account.name(), account);
    }
    Map<String, List<Binding>> byEnvironment = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
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
        Optional<List<Map<String, Value>>> instances = context.instance().instanceSymbols(model);
        if (instances.isEmpty()) {
          unknown.add(environment);
          continue;
        }
        for (Map<String, Value> symbols : instances.get()) {
          Value value = context.instance().evaluate(member.get().value(), symbols);
          if (!(value instanceof StringValue text)) {
            if (!value.isKnown()) {
              unknown.add(environment);
            }
            continue;
          }
          Matcher parsed = MEMBER.matcher(text.value());
          if (!parsed.matches()) {
            continue;
          }
          String pool = parsed.group(1);
          String namespace = parsed.group(2);
          String account = parsed.group(3);
          SourceLocation fallback = SourceLocation.of(member.get().range());
          byEnvironment
              .computeIfAbsent(environment, key -> new ArrayList<>())
              .add(
                  new Binding(
                      pool,
                      partOrigin(context, member.get().value(), symbols, pool).orElse(fallback),
                      namespace,
                      account,
                      email(googleAccounts, binding, context, symbols),
                      binding.address() + key(symbols),
                      partOrigin(context, member.get().value(), symbols, namespace)
                          .orElse(fallback),
                      partOrigin(context, member.get().value(), symbols, account)
                          .orElse(fallback)));
        }
      }
    }
    unknown.forEach(byEnvironment::remove);
    return byEnvironment;
  }

  /**
   * Where the part of a member template that evaluates to {@code part} is written: the namespace or
   * ServiceAccount name as the composition module (or the environment root) writes it.
   */
  private static Optional<SourceLocation> partOrigin(
      EvaluationContext context, Expression member, Map<String, Value> symbols, String part) {
    if (!(member instanceof TemplateExpr template)) {
      return Optional.empty();
    }
    for (TemplatePart piece : template.parts()) {
      if (piece instanceof TemplateInterpolation interpolation) {
        Value value = context.instance().evaluate(interpolation.expression(), symbols);
        if (value instanceof StringValue text && text.value().equals(part)) {
          return value.origin().map(SourceLocation::of);
        }
      }
    }
    return Optional.empty();
  }

  /** Rendered ServiceAccounts by namespace/name. */
  private static Map<String, LoadedObject> serviceAccounts(List<LoadedObject> objects) {
    Map<String, LoadedObject> byName = new LinkedHashMap<>();
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
    if (each instanceof MapValue map && map.get("key").orElse(null) instanceof StringValue key) {
      return "[\"" + key.value() + "\"]";
    }
    return "";
  }

  /**
   * One Workload Identity binding as an environment evaluates it.
   *
   * @param project the project of the member's workload identity pool ({@code PROJECT.svc.id.goog})
   * @param projectOrigin where that project is written
   * @param namespace the Kubernetes namespace of the member
   * @param account the Kubernetes ServiceAccount of the member
   * @param email the bound Google service account's email, when known statically
   * @param label the binding's address with its key
   * @param namespaceOrigin where the namespace is written
   * @param accountOrigin where the ServiceAccount name is written
   */
  private record Binding(
      String project,
      SourceLocation projectOrigin,
      String namespace,
      String account,
      Optional<String> email,
      String label,
      SourceLocation namespaceOrigin,
      SourceLocation accountOrigin) {}
}
