package com.alphintra.infra.check.rules.redis;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;

/** In prod, Memorystore runs with a replica in another zone and fails over to it. */
public final class RedisIsHighlyAvailableInProd implements Rule {

  static final String SETTING = "tier";
  static final String PROD = "prod";

  static final RuleInfo INFO =
      new RuleInfo(
          "redis-ha-prod",
          "Memorystore for Redis instances in prod use the STANDARD_HA tier",
          Severity.MEDIUM,
          Target.REDIS,
          "A BASIC instance has no replica: a zone outage or a maintenance event empties the cache and stops every"
              + " service that depends on it until it is back.",
          "Set tier = \"STANDARD_HA\" on the google_redis_instance in prod.",
          List.of(
              "https://cloud.google.com/memorystore/docs/redis/high-availability-for-memorystore-for-redis"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance : platform.terraform().resources("google_redis_instance")) {
      boolean inProd =
          platform.terraform().contexts(instance).stream()
              .map(EvaluationContext::name)
              .anyMatch(PROD::equals);
      if (!inProd) {
        continue;
      }
      if (instance.attribute(SETTING).isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                instance.file(),
                instance.line(),
                instance.address(),
                instance.address()
                    + " does not set "
                    + SETTING
                    + ", which defaults to \"BASIC\" (in prod)"));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(instance, SETTING)) {
        if (value.value() instanceof String tier
            && !tier.equals("STANDARD_HA")
            && value.contexts().contains(PROD)) {
          findings.add(
              Finding.of(
                  INFO,
                  value.file(),
                  value.line(),
                  instance.address(),
                  instance.address() + " sets " + SETTING + " = \"" + tier + "\" in prod"));
        }
      }
    }
    return findings;
  }
}
