package com.alphintra.infra.check.rules.state;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;

/** The remote-state bucket keeps every version of the state, so a bad apply can be rolled back. */
public final class StateBucketIsVersioned implements Rule {

  static final String SETTING = "versioning.enabled";

  static final RuleInfo INFO =
      new RuleInfo(
          "state-bucket-versioning",
          "The Terraform state bucket keeps object versions",
          Severity.HIGH,
          Target.STATE,
          "Terraform overwrites its state on every apply; without versioning a corrupted or deleted state cannot"
              + " be restored, and the resources it tracked become unmanaged.",
          "Set versioning { enabled = true } on the google_storage_bucket of terraform/bootstrap.",
          List.of(
              "checkov CKV_GCP_78",
              "https://developer.hashicorp.com/terraform/language/backend/gcs"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource bucket : platform.terraform().resources("google_storage_bucket")) {
      if (!isBootstrap(bucket)) {
        continue;
      }
      if (bucket.attribute(SETTING).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                bucket.file(),
                bucket.lineOf(SETTING),
                bucket.address(),
                bucket.address() + " holds Terraform state but does not set " + SETTING));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(bucket, SETTING)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  bucket.address(),
                  bucket.address()
                      + " holds Terraform state but sets "
                      + SETTING
                      + " = false"
                      + value.where()));
        }
      }
    }
    return findings;
  }

  /**
   * The state bucket is the one the bootstrap configuration creates (DESIGN.md, repository layout).
   */
  private static boolean isBootstrap(TerraformResource bucket) {
    for (java.nio.file.Path part : bucket.directory()) {
      if (part.toString().equals("bootstrap")) {
        return true;
      }
    }
    return false;
  }
}
