package com.alphintra.infra.check.rules;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The shape many Terraform rules share, as kube-linter's templates are shared by its checks: one
 * setting of one resource type must be written, and none of its statically known values may be
 * unsafe. A rule states the type, the setting, what leaving it out means and which values are
 * unsafe; this does the walking. An unsafe value is reported where it is written (the environment
 * root's module call, a module's default or literal), a missing setting at the block that should
 * carry it.
 *
 * @param resourceType the resource type, such as {@code google_redis_instance}
 * @param setting the dotted path of the attribute, such as {@code
 *     settings.ip_configuration.ipv4_enabled}
 * @param whenMissing the end of the message when the setting is left out, such as {@code which
 *     defaults to false}
 * @param isUnsafe which known values are a finding; unknown values never are
 */
public record RequiredSetting(
    String resourceType, String setting, String whenMissing, Predicate<Object> isUnsafe) {

  public List<Finding> check(RuleInfo info, Platform platform) {
    return check(info, platform, resource -> true);
  }

  /** As {@link #check(RuleInfo, Platform)}, for the resources {@code applies} accepts only. */
  public List<Finding> check(
      RuleInfo info, Platform platform, Predicate<TerraformResource> applies) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource resource : platform.terraform().resources(resourceType)) {
      if (!applies.test(resource)) {
        continue;
      }
      if (resource.attribute(setting).isEmpty()) {
        findings.add(
            Finding.of(
                info,
                resource.file(),
                resource.lineOf(setting),
                resource.address(),
                resource.address() + " does not set " + setting + ", " + whenMissing));
        continue;
      }
      for (TerraformValue value : platform.terraform().values(resource, setting)) {
        if (value.value() != null && isUnsafe.test(value.value())) {
          findings.add(
              Finding.of(
                  info,
                  value.file(),
                  value.line(),
                  resource.address(),
                  resource.address()
                      + " sets "
                      + setting
                      + " = "
                      + literal(value.value())
                      + value.where()));
        }
      }
    }
    return findings;
  }

  private static String literal(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
