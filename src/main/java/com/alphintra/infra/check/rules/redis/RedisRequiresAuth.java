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

/** Memorystore asks every client for the AUTH string. */
public final class RedisRequiresAuth implements Rule {

  static final String SETTING = "auth_enabled";

  static final RuleInfo INFO = new RuleInfo("redis-auth", "Memorystore for Redis instances require AUTH",
      Severity.HIGH, Target.REDIS,
      "Without AUTH any workload that can reach the instance's private IP reads and rewrites the cache,"
          + " sessions and rate limits included; AUTH limits it to clients that were given the secret.",
      "Set auth_enabled = true on the google_redis_instance and hand the auth_string to clients through"
          + " Secret Manager.",
      List.of("checkov CKV_GCP_95", "https://cloud.google.com/memorystore/docs/redis/about-redis-auth"));

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
            instance.address() + " does not set " + SETTING + ", which defaults to false"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if (Boolean.FALSE.equals(value.value())) {
          findings.add(Finding.of(INFO, instance.file(), instance.lineOf(SETTING), instance.address(),
              instance.address() + " sets " + SETTING + " = false" + value.where()));
        }
      }
    }
    return findings;
  }
}
