package com.alphintra.infra.doctor;

import java.util.List;

/**
 * The external programs the tool drives, how to ask each for its version, which target needs it,
 * and how to install it.
 */
public enum Tool {
  JAVA(
      "java",
      Target.ALL,
      List.of(),
      "tools.java.minimum",
      new InstallHint(
          "apt-get install openjdk-17-jdk, or Temurin 17+ from adoptium.net",
          "brew install --cask temurin")),
  DOCKER(
      "docker",
      Target.LOCAL,
      List.of("docker", "--version"),
      "tools.docker.minimum",
      new InstallHint(
          "install Docker Engine: https://docs.docker.com/engine/install/ (Debian: apt-get install docker.io)",
          "brew install --cask docker (Docker Desktop), or brew install colima docker")),
  K3D(
      "k3d",
      Target.LOCAL,
      List.of("k3d", "version"),
      "tools.k3d.minimum",
      new InstallHint(
          "curl -s https://raw.githubusercontent.com/k3d-io/k3d/main/install.sh | bash (https://k3d.io)",
          "brew install k3d")),
  KUBECTL(
      "kubectl",
      Target.LOCAL,
      List.of("kubectl", "version", "--client"),
      "tools.kubectl.minimum",
      new InstallHint(
          "https://kubernetes.io/docs/tasks/tools/install-kubectl-linux/ (apt-get install kubectl)",
          "brew install kubectl")),
  TERRAFORM(
      "terraform",
      Target.CLOUD,
      List.of("terraform", "version"),
      "tools.terraform.minimum",
      new InstallHint(
          "https://developer.hashicorp.com/terraform/install (HashiCorp apt repository)",
          "brew tap hashicorp/tap && brew install hashicorp/tap/terraform")),
  GCLOUD(
      "gcloud",
      Target.CLOUD,
      List.of("gcloud", "version"),
      "tools.gcloud.minimum",
      new InstallHint(
          "https://cloud.google.com/sdk/docs/install (apt-get install google-cloud-cli)",
          "brew install --cask google-cloud-sdk")),
  // Terraform's apply generates the secrets Google does not make (the JWT signing key, passwords)
  // with
  // openssl on the applying machine (modules/secrets). Any OpenSSL or LibreSSL has genpkey and
  // rand, so
  // no minimum is pinned: present is enough.
  OPENSSL(
      "openssl",
      Target.CLOUD,
      List.of("openssl", "version"),
      null,
      new InstallHint(
          "apt-get install openssl (Fedora: dnf install openssl)",
          "macOS ships LibreSSL as /usr/bin/openssl; or brew install openssl@3"));

  private final String command;
  private final Target target;
  private final List<String> versionCommand;
  private final String pinKey;
  private final InstallHint install;

  Tool(
      String command,
      Target target,
      List<String> versionCommand,
      String pinKey,
      InstallHint install) {
    this.command = command;
    this.target = target;
    this.versionCommand = versionCommand;
    this.pinKey = pinKey;
    this.install = install;
  }

  public String command() {
    return command;
  }

  public Target target() {
    return target;
  }

  /** The arguments that print the version; empty for Java, which is read from the running JVM. */
  public List<String> versionCommand() {
    return versionCommand;
  }

  /**
   * The key of this tool's minimum version in infra/versions.yaml; empty when any version will do.
   */
  public java.util.Optional<String> pinKey() {
    return java.util.Optional.ofNullable(pinKey);
  }

  public InstallHint install() {
    return install;
  }
}
