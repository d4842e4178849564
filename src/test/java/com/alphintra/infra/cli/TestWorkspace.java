package com.alphintra.infra.cli;

import com.alphintra.infra.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal checkout in a temporary folder: infra/versions.yaml and a k3d config. */
final class TestWorkspace {

  static final String VERSIONS =
      """
      schemaVersion: 1
      tools:
        java: {minimum: "17"}
        docker: {minimum: "24.0.0"}
        k3d: {minimum: "5.8.0"}
        kubectl: {minimum: "1.27.0"}
        terraform: {minimum: "1.6.0"}
        gcloud: {minimum: "450.0.0"}
      kubernetes:
        istio: {version: "1.30.4"}
      """;

  static final String K3D_CONFIG =
      """
      apiVersion: k3d.io/v1alpha5
      kind: Simple
      metadata: {name: alphintra}
      image: rancher/k3s:v1.35.6-k3s1
      network: alphintra-net
      kubeAPI: {host: "127.0.0.1", hostIP: "127.0.0.1", hostPort: "6550"}
      ports:
        - port: 127.0.0.1:80:80
          nodeFilters: [loadbalancer]
        - port: 127.0.0.1:443:443@loadbalancer
      files:
        - {source: audit-policy.yaml, destination: /var/lib/rancher/k3s/server/audit-policy.yaml}
      registries:
        create: {name: alphintra-registry.localhost, host: "127.0.0.1", hostPort: "5000"}
      options:
        k3s:
          extraArgs:
            - arg: --kube-apiserver-arg=audit-policy-file=/var/lib/rancher/k3s/server/audit-policy.yaml
            - arg: --kube-apiserver-arg=audit-log-path=/var/lib/rancher/k3s/storage/audit.log
      """;

  private TestWorkspace() {}

  static Workspace create(Path root) {
    return create(root, VERSIONS);
  }

  static Workspace create(Path root, String versions) {
    try {
      Files.createDirectories(root.resolve("infra/kubernetes/local-k3d"));
      Files.writeString(root.resolve("infra/versions.yaml"), versions);
      Files.writeString(root.resolve("infra/kubernetes/local-k3d/cluster-config.yaml"), K3D_CONFIG);
      return new Workspace(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
