package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.manifest.k3d.K3dFile;
import com.alphintra.infra.manifest.k3d.K3dVolume;
import com.alphintra.infra.manifest.k3d.K3sArg;
import com.alphintra.infra.manifest.k3d.K3sOptions;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local cluster's API server writes an audit log (issue #10): {@code options.k3s.extraArgs}
 * pass {@code --kube-apiserver-arg=audit-policy-file=<path>} and {@code
 * --kube-apiserver-arg=audit-log-path=<path>}, and the policy file reaches the server node through
 * {@code files} (destination) or a volume mounted at or above it.
 */
public final class K3dAuditsApiServer implements Rule {

  private static final String APISERVER_ARG = "--kube-apiserver-arg";

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-audit-log",
          "The local cluster's API server writes an audit log",
          Severity.MEDIUM,
          Target.K3D,
          "Without an audit log nobody can tell afterwards who read a Secret or changed a policy in the local"
              + " cluster, and the audit policy we ship for the cloud is never exercised before it matters. A policy"
              + " path the node does not have stops the API server from starting.",
          "Add --kube-apiserver-arg=audit-policy-file=<path> and --kube-apiserver-arg=audit-log-path=<path> to"
              + " options.k3s.extraArgs and copy the policy to <path> with files (source, destination).",
          List.of(
              "https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/",
              "https://docs.k3s.io/security/hardening-guide#api-server-audit-configuration",
              "https://k3d.io/stable/usage/configfile/"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (ClusterConfig config : ClusterConfig.all(platform)) {
      List<K3sArg> args =
          config
              .model()
              .options()
              .flatMap(options -> options.k3s())
              .map(K3sOptions::extraArgs)
              .orElse(List.of());
      Optional<Located> policy = apiServerFlag(args, "audit-policy-file");
      Optional<Located> log = apiServerFlag(args, "audit-log-path");
      String argsPath = "options.k3s.extraArgs";
      if (policy.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                config.source().file(),
                config.lineOf(argsPath),
                config.describe(),
                config.describe()
                    + " passes no "
                    + APISERVER_ARG
                    + "=audit-policy-file=..., so the API server keeps"
                    + " no audit log"));
      } else if (!isProvided(config, policy.get().value())) {
        findings.add(
            Finding.of(
                INFO,
                config.source().file(),
                config.lineOf(argsPath + "[" + policy.get().index() + "].arg"),
                config.describe(),
                config.describe()
                    + " reads the audit policy from "
                    + policy.get().value()
                    + ", which no files destination or volume provides"));
      }
      if (log.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                config.source().file(),
                config.lineOf(argsPath),
                config.describe(),
                config.describe()
                    + " passes no "
                    + APISERVER_ARG
                    + "=audit-log-path=..., so audit events are not"
                    + " written"));
      }
    }
    return findings;
  }

  /** The value of an API server flag in the k3s arguments, and the index of the argument. */
  private record Located(int index, String value) {}

  private static Optional<Located> apiServerFlag(List<K3sArg> args, String flag) {
    for (int index = 0; index < args.size(); index++) {
      String arg = args.get(index).arg().orElse("").strip();
      for (String prefix : List.of(APISERVER_ARG + "=", APISERVER_ARG + " ")) {
        if (arg.startsWith(prefix)) {
          String setting = arg.substring(prefix.length()).strip();
          if (setting.startsWith(flag + "=")) {
            return Optional.of(new Located(index, setting.substring(flag.length() + 1)));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isProvided(ClusterConfig config, String path) {
    for (K3dFile file : config.model().files()) {
      if (file.destination().equals(path)) {
        return true;
      }
    }
    for (K3dVolume volume : config.model().volumes()) {
      String[] parts = volume.volume().orElse("").split(":");
      if (parts.length >= 2) {
        String mount = parts[1].endsWith("/") ? parts[1] : parts[1] + "/";
        if (path.equals(parts[1]) || path.startsWith(mount)) {
          return true;
        }
      }
    }
    return false;
  }
}
