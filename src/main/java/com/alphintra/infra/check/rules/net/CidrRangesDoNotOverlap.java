package com.alphintra.infra.check.rules.net;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Within an environment, no two planned address ranges overlap: subnets and their secondary (Pod,
 * Service) ranges, the GKE control-plane range, the private services access range, and locally the
 * k3s Pod and Service ranges.
 */
public final class CidrRangesDoNotOverlap implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "net-cidr-no-overlap",
          "Address ranges of an environment do not overlap",
          Severity.HIGH,
          Target.NET,
          "Overlapping ranges make routes ambiguous: Google Cloud refuses overlapping subnet and secondary ranges at"
              + " apply time, and a control-plane or private-services range that overlaps a Pod range silently"
              + " black-holes traffic to Cloud SQL, Memorystore or the API server.",
          "Give each range its own block of the environment's CIDR plan (see infra/terraform/README.md).",
          List.of(
              "Google Cloud VPC: subnet ranges must not overlap",
              "GKE: private cluster control-plane range must not overlap any range of the VPC"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    new NetworkPlan(platform)
        .byEnvironment()
        .forEach(
            (environment, ranges) -> {
              List<PlannedRange> sorted =
                  ranges.stream()
                      .sorted(
                          Comparator.comparingLong((PlannedRange range) -> range.cidr().first())
                              .thenComparing(range -> -range.cidr().size()))
                      .toList();
              PlannedRange widest = null;
              for (PlannedRange range : sorted) {
                if (widest != null
                    && widest.cidr().overlaps(range.cidr())
                    && !sameSetting(widest, range)) {
                  findings.add(
                      Finding.of(
                          INFO,
                          range.file(),
                          range.line(),
                          range.object(),
                          range.description()
                              + " "
                              + range.cidr()
                              + " overlaps "
                              + widest.description()
                              + " "
                              + widest.cidr()
                              + " (in "
                              + environment
                              + ")"));
                }
                if (widest == null || range.cidr().last() > widest.cidr().last()) {
                  widest = range;
                }
              }
            });
    return findings;
  }

  /** One value read by two resources (the same line) is one setting, not two ranges. */
  private static boolean sameSetting(PlannedRange first, PlannedRange second) {
    return first.file().equals(second.file())
        && first.line() == second.line()
        && first.cidr().equals(second.cidr());
  }
}
