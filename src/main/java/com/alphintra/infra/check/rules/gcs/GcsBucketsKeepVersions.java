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

/** A bucket that holds logs or backups keeps object versions. */
public final class GcsBucketsKeepVersions implements Rule {

  static final String SETTING = "versioning.enabled";

  static final RuleInfo INFO =
      new RuleInfo(
          "gcs-versioning",
          "Cloud Storage buckets that hold logs or backups keep object versions",
          Severity.MEDIUM,
          Target.GCS,
          "Logs and backups are what an incident or a restore needs; without versioning one overwrite or delete,"
              + " by mistake or by an attacker covering tracks, loses them for good.",
          "Set versioning { enabled = true } on the google_storage_bucket (and a lifecycle rule for old"
              + " versions).",
          List.of("checkov CKV_GCP_78", "tfsec google-storage-enable-versioning"));

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
      if (holds.isEmpty() || bucket.generates("versioning")) {
        continue;
      }
      bucket
          .unsafeSetting(
              INFO,
              SETTING,
              Boolean.FALSE::equals,
              bucket.address() + " holds " + holds.get() + " but",
              "",
              bucket.resource().lineOf(SETTING))
          .ifPresent(findings::add);
    }
    return findings;
  }
}
