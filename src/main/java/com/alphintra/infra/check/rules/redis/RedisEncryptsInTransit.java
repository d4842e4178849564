package com.alphintra.infra.check.rules.redis;

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

/** Memorystore speaks TLS only. */
public final class RedisEncryptsInTransit implements Rule {

  static final String SETTING = "transit_encryption_mode";
  static final String ENCRYPTED = "SERVER_AUTHENTICATION";

  static final RuleInfo INFO = new RuleInfo("redis-transit-encryption",
      "Memorystore for Redis instances encrypt traffic in transit", Severity.HIGH, Target.REDIS,
      "Without in-transit encryption the AUTH string and every cached value cross the network in clear text,"
          + " readable by anything that can observe VPC traffic.",
      "Set transit_encryption_mode = \"SERVER_AUTHENTICATION\" on the google_redis_instance and connect with TLS"
          + " using its server CA.",
      List.of("checkov CKV_GCP_97", "https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance : platform.terraform().resources("google_redis_instance")) {
      if (instance.attribute(SETTING).isEmpty()) {
        findings.add(Finding.of(INFO, instance.file(), instance.line(), instance.address(),
            instance.address() + " does not set " + SETTING + ", which defaults to \"DISABLED\""));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if (value.value() instanceof String mode && !ENCRYPTED.equals(mode)) {
          findings.add(Finding.of(INFO, instance.file(), instance.lineOf(SETTING), instance.address(),
              instance.address() + " sets " + SETTING + " = \"" + mode + "\"" + value.where()));
        }
      }
    }
    return findings;
  }
}
