package com.alphintra.infra.check.rules.redis;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Memorystore asks every client for the AUTH string. */
public final class RedisRequiresAuth implements Rule {

  static final String SETTING = "auth_enabled";

  static final RuleInfo INFO =
      new RuleInfo(
          "redis-auth",
          "Memorystore for Redis instances require AUTH",
          Severity.HIGH,
          Target.REDIS,
          "Without AUTH any workload that can reach the instance's private IP reads and rewrites the cache,"
              + " sessions and rate limits included; AUTH limits it to clients that were given the secret.",
          "Set auth_enabled = true on the google_redis_instance and hand the auth_string to clients through"
              + " Secret Manager.",
          List.of(
              "checkov CKV_GCP_95",
              "https://cloud.google.com/memorystore/docs/redis/about-redis-auth"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_redis_instance", SETTING, "which defaults to false", Boolean.FALSE::equals);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(INFO, platform);
  }
}
