package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/**
 * Every DestinationRule toward a service of the mesh ejects failing instances (the circuit
 * breaker).
 */
public final class IstioDestinationRulesDetectOutliers implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-dr-outlier-detection",
          "DestinationRules toward in-mesh services set outlier detection",
          Severity.MEDIUM,
          Target.ISTIO,
          "Without outlierDetection an instance that keeps failing (a stuck JVM, a lost database connection) stays in"
              + " the load-balancing pool and receives its share of every request, so one bad pod fails a fixed"
              + " fraction of trades until someone notices.",
          "Set trafficPolicy.outlierDetection (consecutive5xxErrors or consecutiveGatewayErrors, interval,"
              + " baseEjectionTime, maxEjectionPercent) on the DestinationRule.",
          List.of(
              "https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/",
              "https://istio.io/latest/docs/reference/config/networking/destination-rule/#OutlierDetection"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return DestinationRuleSettings.missing(platform, INFO, "outlierDetection", "outlier detection");
  }
}
