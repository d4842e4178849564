package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The k3d cluster config is valid for k3d, joins the shared Docker network and wires the audit
 * policy.
 */
class K3dConfigSchemaTest {

  private static final Path CONFIG =
      InfraTree.kubernetesDir().resolve("local-k3d/cluster-config.yaml");
  private static final Set<String> AUDIT_LEVELS =
      Set.of("None", "Metadata", "Request", "RequestResponse");

  @Test
  void configValidatesAgainstTheK3dSchema() throws Exception {
    Path schemaFile =
        InfraTree.repositoryRoot()
            .resolve("../shared/schemas/k3d/v1alpha5/schema.json")
            .normalize();
    assumeTrue(Files.isRegularFile(schemaFile), "k3d schema not found at " + schemaFile);
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    JsonNode config = new ObjectMapper().valueToTree(InfraTree.documents(CONFIG).get(0));

    Set<ValidationMessage> errors = schema.validate(config);

    assertThat(errors).as("schema errors in " + CONFIG).isEmpty();
  }

  @Test
  void configJoinsTheSharedDockerNetwork() throws Exception {
    Object config = InfraTree.documents(CONFIG).get(0);
    assertThat(InfraTree.at(config, "network")).contains("alphintra-net");
  }

  @Test
  void auditPolicyIsMountedAndIsAnAuditPolicy() throws Exception {
    Object config = InfraTree.documents(CONFIG).get(0);
    Object file =
        InfraTree.list(InfraTree.at(config, "files").orElse(List.of())).stream()
            .filter(
                f ->
                    InfraTree.at(f, "source")
                        .map(s -> s.toString().endsWith("audit-policy.yaml"))
                        .orElse(false))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("cluster-config.yaml mounts no audit-policy.yaml"));
    Path policyFile = CONFIG.resolveSibling(InfraTree.at(file, "source").orElseThrow().toString());
    String destination = InfraTree.at(file, "destination").orElseThrow().toString();
    List<String> args =
        InfraTree.list(InfraTree.at(config, "options", "k3s", "extraArgs").orElse(List.of()))
            .stream()
            .map(a -> InfraTree.at(a, "arg").orElse("").toString())
            .toList();

    assertThat(policyFile).exists();
    assertThat(args).contains("--kube-apiserver-arg=audit-policy-file=" + destination);
    assertThat(args)
        .anyMatch(
            a -> a.startsWith("--kube-apiserver-arg=audit-log-path=/var/lib/rancher/k3s/storage/"));
    assertThat(args)
        .anyMatch(a -> a.startsWith("--kube-apiserver-arg=audit-log-maxage="))
        .anyMatch(a -> a.startsWith("--kube-apiserver-arg=audit-log-maxbackup="))
        .anyMatch(a -> a.startsWith("--kube-apiserver-arg=audit-log-maxsize="));

    Object policy = InfraTree.documents(policyFile).get(0);
    assertThat(InfraTree.at(policy, "apiVersion")).contains("audit.k8s.io/v1");
    assertThat(InfraTree.at(policy, "kind")).contains("Policy");
    List<Object> rules = InfraTree.list(InfraTree.at(policy, "rules").orElse(List.of()));
    assertThat(rules).isNotEmpty();
    assertThat(rules)
        .allSatisfy(
            r -> assertThat(AUDIT_LEVELS).contains(InfraTree.at(r, "level").orElse("").toString()));
  }
}
