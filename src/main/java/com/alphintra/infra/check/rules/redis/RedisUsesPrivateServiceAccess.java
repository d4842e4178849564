package com.alphintra.infra.check.rules.redis;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.RequiredSetting;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Memorystore takes its address from the platform's private services access range. */
public final class RedisUsesPrivateServiceAccess implements Rule {

  static final String SETTING = "connect_mode";
  static final String PRIVATE = "PRIVATE_SERVICE_ACCESS";

  static final RuleInfo INFO =
      new RuleInfo(
          "redis-private-service-access",
          "Memorystore for Redis instances connect through private services access",
          Severity.MEDIUM,
          Target.REDIS,
          "With DIRECT_PEERING each instance takes a range of its own outside the CIDR plan and a peering of its own;"
              + " private services access puts Redis in the same planned, shared range as Cloud SQL, reachable only"
              + " from the VPC.",
          "Set connect_mode = \"PRIVATE_SERVICE_ACCESS\" and reserved_ip_range to the private services access range on"
              + " the google_redis_instance.",
          List.of("https://cloud.google.com/memorystore/docs/redis/networking"));

  private static final RequiredSetting REQUIRED =
      new RequiredSetting(
          "google_redis_instance",
          SETTING,
          "which defaults to \"DIRECT_PEERING\"",
          value -> value instanceof String mode && !PRIVATE.equals(mode));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return REQUIRED.check(INFO, platform);
  }
}
