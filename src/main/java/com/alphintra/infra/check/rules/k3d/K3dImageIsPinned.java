package com.alphintra.infra.check.rules.k3d;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The local cluster runs a k3s image of a fixed version. */
public final class K3dImageIsPinned implements Rule {

  private static final Set<String> MOVING_TAGS = Set.of("", "latest", "stable");

  static final RuleInfo INFO =
      new RuleInfo(
          "k3d-node-image-pinned",
          "The local cluster's k3s image names a fixed version",
          Severity.MEDIUM,
          Target.K3D,
          "Without image, k3d starts the k3s release it was built with, so the Kubernetes version changes with"
              + " whoever's k3d is installed; latest changes under the same name. Either way the local cluster can"
              + " leave Istio's supported Kubernetes range and differ from CI and from every other developer.",
          "Set image: rancher/k3s:<version>-k3s<n> from infra/versions.yaml in the k3d cluster configuration.",
          List.of(
              "https://k3d.io/stable/usage/configfile/",
              "kube-linter latest-tag (the same idea for pods)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (ClusterConfig config : ClusterConfig.all(platform)) {
      if (config.model().image().isEmpty()) {
        if (config.source().valueAt("image").isEmpty()) {
          findings.add(
              Finding.of(
                  INFO,
                  config.source().file(),
                  config.lineOf("image"),
                  config.describe(),
                  config.describe()
                      + " sets no image, so k3d's built-in default k3s version runs"));
        }
        continue;
      }
      String image = config.model().image().get();
      if (image.contains("@sha256:")) {
        continue;
      }
      int slash = image.lastIndexOf('/');
      int colon = image.lastIndexOf(':');
      String tag = colon > slash ? image.substring(colon + 1) : "";
      if (MOVING_TAGS.contains(tag)) {
        findings.add(
            Finding.of(
                INFO,
                config.source().file(),
                config.lineOf("image"),
                config.describe(),
                config.describe()
                    + " uses image \""
                    + image
                    + "\""
                    + (tag.isEmpty() ? " without a tag" : "")
                    + ", which is not a fixed k3s version"));
      }
    }
    return findings;
  }
}
