package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.Platform;
import java.util.List;

/** Every DestinationRule toward a service of the mesh caps connections and pending requests. */
public final class IstioDestinationRulesLimitConnections implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-dr-connection-pool",
          "DestinationRules toward in-mesh services set connection-pool limits",
          Severity.LOW,
          Target.ISTIO,
          "Envoy's defaults (1024 connections, 1024 pending requests, no connect timeout) let a slow service pile up"
              + " queued work in every caller until they run out of memory or threads; explicit limits make the caller"
              + " fail fast and keep the slowdown local.",
          "Set trafficPolicy.connectionPool (tcp.maxConnections and connectTimeout; http.http1MaxPendingRequests and"
              + " http2MaxRequests for HTTP services) on the DestinationRule.",
          List.of(
              "https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/",
              "https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    return DestinationRuleSettings.missing(
        platform, INFO, "connectionPool", "connection-pool limits");
  }
}
