package com.alphintra.infra.check.rules.env;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dev, staging and prod compose the same modules; where a security or reliability setting differs,
 * it only gets stricter towards prod (staging at least as strict as dev, prod at least as strict as
 * staging). {@code alphintra check --env-diff} prints every such setting.
 */
public final class EnvironmentsTightenTowardsProd implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "env-drift-direction",
          "Security and reliability settings never weaken from dev to staging to prod",
          Severity.HIGH,
          Target.ENV,
          "Environments may differ in size and cost, but a prod that is weaker than staging (no deletion protection,"
              + " zonal database, basic cache tier, fewer backups, public endpoint, audit-only Binary Authorization,"
              + " fewer replicas, a missing PodDisruptionBudget) is untested in its weakest state and fails where"
              + " failure costs most.",
          "Make the later environment at least as strict as the earlier one (see alphintra check --env-diff).",
          List.of(
              "checkov CKV_GCP_6 / CKV_GCP_14 / CKV_GCP_79 (the prod side of each setting)",
              "kube-score deployment-has-poddisruptionbudget"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (SettingComparison row : EnvironmentComparison.of(platform)) {
      if (row.direction() != Direction.WRONG) {
        continue;
      }
      Map.Entry<String, SettingValue> previous = null;
      for (Map.Entry<String, SettingValue> entry : row.values().entrySet()) {
        if (previous != null && entry.getValue().strength() < previous.getValue().strength()) {
          SettingValue weaker = entry.getValue();
          findings.add(
              Finding.of(
                  INFO,
                  weaker.file(),
                  weaker.line(),
                  row.setting(),
                  row.setting()
                      + " is "
                      + weaker.shown()
                      + " in "
                      + entry.getKey()
                      + " but "
                      + previous.getValue().shown()
                      + " in "
                      + previous.getKey()
                      + ": "
                      + entry.getKey()
                      + " must be at least as strict as "
                      + previous.getKey()));
        }
        previous = entry;
      }
    }
    return findings;
  }
}
