package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.KubernetesView;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every ConfigMap, Secret, ServiceAccount and PersistentVolumeClaim a workload's pod template names
 * exists in its namespace in the same overlay: env {@code valueFrom} and {@code envFrom}, volumes
 * (also projected), {@code serviceAccountName}. A Secret template of {@code base/secrets/} counts
 * for its Secret (the tooling creates it), and so do an ExternalSecret's target and a cert-manager
 * Certificate's secretName in the same namespace; a StatefulSet's volumeClaimTemplates count as
 * claims. References marked {@code optional: true} are skipped.
 */
public final class K8sWorkloadReferencesExist implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-workload-refs-exist",
          "Workloads reference only ConfigMaps, Secrets, ServiceAccounts and claims that exist",
          Severity.HIGH,
          Target.K8S,
          "A pod that names a missing ConfigMap, Secret or claim never starts (CreateContainerConfigError or a"
              + " volume that cannot mount), and a missing ServiceAccount stops the ReplicaSet from creating pods;"
              + " the manifests still apply cleanly, so it shows only at rollout.",
          "Create the referenced object in the workload's namespace (for a Secret, a template under"
              + " infra/kubernetes/base/secrets/), or fix the name.",
          List.of(
              "kube-linter non-existent-service-account",
              "https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      for (LoadedObject workload : set.view().workloads()) {
        new Workload(platform, set, workload, findings).check();
      }
    }
    return findings.list();
  }

  /** The references of one workload. */
  private record Workload(
      Platform platform, ObjectSet set, LoadedObject workload, ReferenceFindings findings) {

    private static final String POD = "spec.template.spec";

    void check() {
      Map<?, ?> pod = KubernetesView.podSpec(workload);
      Fields.text(pod.get("serviceAccountName"))
          .filter(name -> !name.equals("default"))
          .ifPresent(name -> require("ServiceAccount", name, POD + ".serviceAccountName"));
      for (String list : List.of("initContainers", "containers")) {
        List<?> containers = Fields.list(pod.get(list));
        for (int index = 0; index < containers.size(); index++) {
          checkContainer(Fields.map(containers.get(index)), POD + "." + list + "[" + index + "]");
        }
      }
      Set<String> claimTemplates = new HashSet<>();
      Fields.list(Fields.spec(workload).get("volumeClaimTemplates"))
          .forEach(
              template ->
                  Fields.text(Fields.map(Fields.map(template).get("metadata")).get("name"))
                      .ifPresent(claimTemplates::add));
      List<?> volumes = Fields.list(pod.get("volumes"));
      for (int index = 0; index < volumes.size(); index++) {
        Map<?, ?> volume = Fields.map(volumes.get(index));
        String path = POD + ".volumes[" + index + "]";
        reference(volume.get("configMap"), "name", "ConfigMap", path + ".configMap.name");
        reference(volume.get("secret"), "secretName", "Secret", path + ".secret.secretName");
        Map<?, ?> claim = Fields.map(volume.get("persistentVolumeClaim"));
        Fields.text(claim.get("claimName"))
            .filter(name -> !claimTemplates.contains(name))
            .ifPresent(
                name ->
                    require(
                        "PersistentVolumeClaim", name, path + ".persistentVolumeClaim.claimName"));
        List<?> sources = Fields.list(Fields.map(volume.get("projected")).get("sources"));
        for (int source = 0; source < sources.size(); source++) {
          Map<?, ?> fields = Fields.map(sources.get(source));
          String sourcePath = path + ".projected.sources[" + source + "]";
          reference(fields.get("configMap"), "name", "ConfigMap", sourcePath + ".configMap.name");
          reference(fields.get("secret"), "name", "Secret", sourcePath + ".secret.name");
        }
      }
    }

    private void checkContainer(Map<?, ?> container, String path) {
      List<?> env = Fields.list(container.get("env"));
      for (int index = 0; index < env.size(); index++) {
        Map<?, ?> valueFrom = Fields.map(Fields.map(env.get(index)).get("valueFrom"));
        String entry = path + ".env[" + index + "].valueFrom";
        reference(
            valueFrom.get("configMapKeyRef"), "name", "ConfigMap", entry + ".configMapKeyRef.name");
        reference(valueFrom.get("secretKeyRef"), "name", "Secret", entry + ".secretKeyRef.name");
      }
      List<?> envFrom = Fields.list(container.get("envFrom"));
      for (int index = 0; index < envFrom.size(); index++) {
        Map<?, ?> source = Fields.map(envFrom.get(index));
        String entry = path + ".envFrom[" + index + "]";
        reference(source.get("configMapRef"), "name", "ConfigMap", entry + ".configMapRef.name");
        reference(source.get("secretRef"), "name", "Secret", entry + ".secretRef.name");
      }
    }

    /**
     * A reference held in {@code field} of {@code holder}, unless the holder says {@code optional:
     * true}.
     */
    private void reference(Object holder, String field, String kind, String path) {
      Map<?, ?> fields = Fields.map(holder);
      if (Boolean.TRUE.equals(fields.get("optional"))) {
        return;
      }
      Fields.text(fields.get(field)).ifPresent(name -> require(kind, name, path));
    }

    /**
     * A Secret that External Secrets ({@code ExternalSecret spec.target.name}, else its own name)
     * or cert-manager ({@code Certificate spec.secretName}) creates in the same namespace.
     */
    private boolean isCreatedByAnOperator(String namespace, String name) {
      for (LoadedObject object : set.view().ofKinds("ExternalSecret", "Certificate")) {
        if (!object.namespace().equals(Optional.of(namespace))) {
          continue;
        }
        Map<?, ?> spec = Fields.spec(object);
        Optional<String> created =
            object.kind().equals("Certificate")
                ? Fields.text(spec.get("secretName"))
                : Fields.text(Fields.map(spec.get("target")).get("name"))
                    .or(() -> Optional.of(object.name()));
        if (created.filter(name::equals).isPresent()) {
          return true;
        }
      }
      return false;
    }

    private void require(String kind, String name, String path) {
      String namespace = workload.namespace().orElseThrow();
      if (set.view().has(kind, Optional.of(namespace), name)
          || kind.equals("Secret") && platform.hasSecretTemplate(namespace, name)
          || kind.equals("Secret") && isCreatedByAnOperator(namespace, name)) {
        return;
      }
      findings.add(
          set,
          workload,
          path,
          workload.describe()
              + " references "
              + kind
              + " "
              + namespace
              + "/"
              + name
              + ", which does not exist");
    }
  }
}
