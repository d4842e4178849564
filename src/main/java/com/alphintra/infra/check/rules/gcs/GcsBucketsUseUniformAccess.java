package com.alphintra.infra.check.rules.gcs;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A bucket that holds logs or backups is governed by IAM alone, not per-object ACLs. */
public final class GcsBucketsUseUniformAccess implements Rule {

  static final String SETTING = "uniform_bucket_level_access";

  static final RuleInfo INFO =
      new RuleInfo(
          "gcs-uniform-access",
          "Cloud Storage buckets that hold logs or backups use uniform bucket-level access",
          Severity.MEDIUM,
          Target.GCS,
          "With fine-grained ACLs any object can carry its own grant that no IAM review sees; uniform access makes"
              + " the bucket's IAM policy the one place that says who reads its logs or backups.",
          "Set uniform_bucket_level_access = true on the google_storage_bucket.",
          List.of("checkov CKV_GCP_29", "tfsec google-storage-enable-ubla"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    Set<String> logSinks = BucketInstance.logSinkBuckets(platform);
    for (BucketInstance bucket : BucketInstance.all(platform)) {
      Optional<String> holds = bucket.holds(logSinks);
      if (holds.isEmpty()) {
        continue;
      }
      bucket
          .unsafeSetting(
              INFO,
              SETTING,
              Boolean.FALSE::equals,
              bucket.address() + " holds " + holds.get() + " but",
              ", which defaults to false",
              bucket.resource().line())
          .ifPresent(findings::add);
    }
    return findings;
  }
}
