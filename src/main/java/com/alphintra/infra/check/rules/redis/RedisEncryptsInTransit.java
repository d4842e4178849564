package com.alphintra.infra.check.rules.redis;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Memorystore speaks TLS only. */
public final class RedisEncryptsInTransit implements Rule {

  static final String SETTING = "transit_encryption_mode";
  static final String ENCRYPTED = "SERVER_AUTHENTICATION";

  static final RuleInfo INFO =
      new RuleInfo(
          "redis-transit-encryption",
          "Memorystore for Redis instances encrypt traffic in transit",
          Severity.HIGH,
          Target.REDIS,
          "Without in-transit encryption the AUTH string and every cached value cross the network in clear text,"
              + " readable by anything that can observe VPC traffic.",
          "Set transit_encryption_mode = \"SERVER_AUTHENTICATION\" on the google_redis_instance and connect with TLS"
              + " using its server CA.",
          List.of(
              "checkov CKV_GCP_97",
              "https://cloud.google.com/memorystore/docs/redis/about-in-transit-encryption"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_redis_instance",
          SETTING,
          "which defaults to \"DISABLED\"",
          value -> value instanceof String mode && !ENCRYPTED.equals(mode));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(INFO, platform);
  }
}
