package com.alphintra.infra.check.rules.state;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bucket holding Terraform state grants access through IAM only and can never be made public: the
 * state holds every generated password and the Redis AUTH string in clear text.
 */
public final class StateBucketIsNotPublic implements Rule {

  static final String UNIFORM = "uniform_bucket_level_access";
  static final String PREVENTION = "public_access_prevention";

  static final RuleInfo INFO =
      new RuleInfo(
          "state-bucket-not-public",
          "Terraform state buckets use uniform bucket-level access and enforce public access prevention",
          Severity.HIGH,
          Target.STATE,
          "Terraform state holds generated passwords and keys in clear text; object ACLs let a single object be"
              + " shared past IAM, and without public access prevention one allUsers grant publishes it all.",
          "Set uniform_bucket_level_access = true and public_access_prevention = \"enforced\" on the"
              + " google_storage_bucket that holds Terraform state.",
          List.of(
              "checkov CKV_GCP_29",
              "checkov CKV_GCP_114",
              "tfsec google-storage-enable-ubla",
              "CIS Google Cloud Platform Foundation Benchmark 5.2"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource bucket : platform.terraform().resources("google_storage_bucket")) {
      if (!holdsState(platform, bucket)) {
        continue;
      }
      if (bucket.attribute(UNIFORM).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                bucket.file(),
                bucket.line(),
                bucket.address(),
                bucket.address()
                    + " holds Terraform state but does not set "
                    + UNIFORM
                    + ", which defaults to false"));
      }
      for (TerraformValue value : platform.terraform().values(bucket, UNIFORM)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  bucket.address(),
                  bucket.address()
                      + " holds Terraform state but sets "
                      + UNIFORM
                      + " = false"
                      + value.where()));
        }
      }
      if (bucket.attribute(PREVENTION).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                bucket.file(),
                bucket.line(),
                bucket.address(),
                bucket.address()
                    + " holds Terraform state but does not set "
                    + PREVENTION
                    + ", which defaults to \"inherited\""));
      }
      for (TerraformValue value : platform.terraform().values(bucket, PREVENTION)) {
        if (value.value() instanceof String prevention && !prevention.equals("enforced")) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  bucket.address(),
                  bucket.address()
                      + " holds Terraform state but sets "
                      + PREVENTION
                      + " = \""
                      + prevention
                      + "\""
                      + value.where()));
        }
      }
    }
    return findings;
  }

  /** The bootstrap bucket (DESIGN.md), or one whose name or labels say it holds state. */
  public static boolean holdsState(Platform platform, TerraformResource bucket) {
    for (Path part : bucket.directory()) {
      if (part.toString().equals("bootstrap")) {
        return true;
      }
    }
    for (TerraformValue name : platform.terraform().values(bucket, "name")) {
      if (name.value() instanceof String text && mentionsState(text)) {
        return true;
      }
    }
    for (TerraformValue labels : platform.terraform().values(bucket, "labels")) {
      if (labels.value() instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> label : map.entrySet()) {
          if (mentionsState(String.valueOf(label.getKey()))
              || mentionsState(String.valueOf(label.getValue()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean mentionsState(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("tfstate")
        || lower.contains("terraform-state")
        || lower.contains("terraform_state");
  }
}
