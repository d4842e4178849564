package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.ProblemKind;
import com.alphintra.infra.platform.CrdSchemaValidator;
import com.alphintra.infra.platform.CrdSchemas;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every Kubernetes, Istio and Prometheus-operator object matches its API: no unknown field, no
 * value of the wrong type. Istio and Prometheus-operator objects are validated against their CRDs'
 * own {@code openAPIV3Schema} (shipped with the tool, see {@link CrdSchemas}): unknown fields,
 * types, enums, required fields and the CRD's CEL rules, as the API server checks them; every other
 * kind against fabric8's typed model. The API server rejects such an object, or worse, prunes an
 * unknown field of a CRD-backed kind silently, so the setting (a timeout, an mTLS mode) never takes
 * effect.
 */
public final class K8sObjectsMatchTheirSchema implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-schema-valid",
          "Kubernetes and Istio objects use only fields their API defines, with values of the right type",
          Severity.HIGH,
          Target.K8S,
          "A misspelt field is dropped without a word: the API server prunes unknown fields of CRD-backed kinds, so"
              + " an Istio timeout, retry limit or TLS mode that is spelt wrong is simply not in force, and a wrong"
              + " type makes the whole apply fail at deploy time instead of in review.",
          "Fix the field's name or value to match the API reference of the object's kind.",
          List.of(
              "istioctl analyze IST0106 SchemaValidationError",
              "kubeconform strict mode",
              "kubectl apply --validate=strict"));

  /** The typed-model problems a CRD schema, where there is one, answers instead. */
  private static final Set<ProblemKind> SCHEMA_PROBLEMS =
      Set.of(
          ProblemKind.UNKNOWN_FIELD,
          ProblemKind.WRONG_TYPE,
          ProblemKind.INVALID_VALUE,
          ProblemKind.MISSING_FIELD);

  private final Supplier<CrdSchemas> schemas;
  private final CrdSchemaValidator validator = new CrdSchemaValidator();

  /** The rule with the CRD schemas the tool ships. */
  public K8sObjectsMatchTheirSchema() {
    this(CrdSchemas::shipped);
  }

  /** The rule with other CRD schemas, read when the first custom resource needs them. */
  public K8sObjectsMatchTheirSchema(Supplier<CrdSchemas> schemas) {
    this.schemas = schemas;
  }

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject object : platform.kubernetes().objects()) {
      // A rendered object repeats a loose file's content; its problems are reported once, at the
      // file.
      if (object.overlay().isPresent()) {
        continue;
      }
      String apiVersion = object.object().apiVersion();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      boolean crdGroup =
          (group.endsWith(".istio.io") || group.equals("monitoring.coreos.com"))
              && schemas.get().definesGroup(group);
      Optional<JsonNode> schema =
          crdGroup ? schemas.get().schema(apiVersion, object.kind()) : Optional.empty();
      for (ManifestProblem problem : object.object().problems()) {
        if (problem.isError() && !(crdGroup && SCHEMA_PROBLEMS.contains(problem.kind()))) {
          findings.add(
              Finding.of(
                  INFO,
                  object.file(),
                  problem.position().line(),
                  object.describe(),
                  object.describe() + ": " + problem.message()));
        }
      }
      if (crdGroup && schema.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                object.file(),
                object.line(),
                object.describe(),
                object.describe()
                    + ": no CRD of the pinned charts serves kind \""
                    + object.kind()
                    + "\" in apiVersion \""
                    + apiVersion
                    + "\""));
      }
      if (schema.isPresent()) {
        for (SchemaViolation violation : validator.validate(schema.get(), object.object().raw())) {
          findings.add(
              Finding.of(
                  INFO,
                  object.file(),
                  object.object().nearestPositionOf(violation.path()).line(),
                  object.describe(),
                  object.describe() + ": " + violation.message()));
        }
      }
    }
    return findings;
  }
}
