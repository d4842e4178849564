package com.alphintra.infra.check.rules.gcs;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/** Every bucket enforces public access prevention, whatever it holds. */
public final class GcsBucketsPreventPublicAccess implements Rule {

  static final String SETTING = "public_access_prevention";

  static final RuleInfo INFO =
      new RuleInfo(
          "gcs-public-access-prevention",
          "Every Cloud Storage bucket enforces public access prevention",
          Severity.HIGH,
          Target.GCS,
          "Without public access prevention one IAM binding for allUsers or allAuthenticatedUsers publishes the"
              + " bucket's objects to the internet; \"inherited\" leaves that to an organisation policy the"
              + " configuration does not show.",
          "Set public_access_prevention = \"enforced\" on the google_storage_bucket.",
          List.of(
              "checkov CKV_GCP_114",
              "tfsec google-storage-no-public-access",
              "CIS Google Cloud Platform Foundation Benchmark 5.1"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (BucketInstance bucket : BucketInstance.all(platform)) {
      bucket
          .unsafeSetting(
              INFO,
              SETTING,
              value -> !"enforced".equals(value),
              bucket.address(),
              ", which defaults to \"inherited\"",
              bucket.resource().line())
          .ifPresent(findings::add);
    }
    return findings;
  }
}
