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

/** Memorystore takes its address from the platform's private services access range. */
public final class RedisUsesPrivateServiceAccess implements Rule {

  static final String SETTING = "connect_mode";
  static final String PRIVATE = "PRIVATE_SERVICE_ACCESS";

  static final RuleInfo INFO = new RuleInfo("redis-private-service-access",
      "Memorystore for Redis instances connect through private services access", Severity.MEDIUM, Target.REDIS,
      "With DIRECT_PEERING each instance takes a range of its own outside the CIDR plan and a peering of its own;"
          + " private services access puts Redis in the same planned, shared range as Cloud SQL, reachable only"
          + " from the VPC.",
      "Set connect_mode = \"PRIVATE_SERVICE_ACCESS\" and reserved_ip_range to the private services access range on"
          + " the google_redis_instance.",
      List.of("https://cloud.google.com/memorystore/docs/redis/networking"));

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
            instance.address() + " does not set " + SETTING + ", which defaults to \"DIRECT_PEERING\""));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if (value.value() instanceof String mode && !PRIVATE.equals(mode)) {
          findings.add(Finding.of(INFO, instance.file(), instance.lineOf(SETTING), instance.address(),
              instance.address() + " sets " + SETTING + " = \"" + mode + "\"" + value.where()));
        }
      }
    }
    return findings;
  }
}
