package com.alphintra.infra.check.rules.k8s;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Every image names a fixed version, so what runs is what was reviewed and a rollback restores it.
 */
public final class K8sImagesArePinned implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "k8s-image-pinned",
          "Container images name a fixed tag or digest",
          Severity.MEDIUM,
          Target.K8S,
          "An image without a tag, or tagged latest, changes under the same name: two pods of one Deployment can run"
              + " different code, and a rollback does not bring the old code back.",
          "Give each image a version tag from infra/versions.yaml (or a @sha256 digest), never latest.",
          List.of(
              "kube-linter latest-tag",
              "kube-score container-image-tag",
              "Polaris tagNotSpecified",
              "checkov CKV_K8S_14"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (PodTemplate pod : PodTemplate.all(platform.deployed())) {
      for (Container container : pod.containers()) {
        if (!(container.fields().get("image") instanceof String image)
            || image.contains("@sha256:")) {
          continue;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  pod.object(),
                  container.pathOf("image"),
                  container.describe(),
                  container.describe()
                      + " uses image \""
                      + image
                      + "\""
                      + (tag.isEmpty() ? " without a tag (latest)" : ", tagged latest")));
        }
      }
    }
    return findings;
  }
}
