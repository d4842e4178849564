package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/** Every HTTP route of every VirtualService bounds how long a request may take. */
public final class IstioRoutesHaveTimeouts implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-vs-timeout",
          "Every VirtualService HTTP route sets a timeout",
          Severity.MEDIUM,
          Target.ISTIO,
          "Istio sets no request timeout by default: a hung backend holds the caller's connection and thread for as"
              + " long as the caller waits, and slowness spreads up the call graph until the edge times out, long after"
              + " the trade mattered.",
          "Set timeout on the route (such as timeout: 3s), shorter than the caller's own timeout.",
          List.of(
              "https://istio.io/latest/docs/tasks/traffic-management/request-timeouts/",
              "https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject service : platform.deployed().ofKind("VirtualService")) {
      for (HttpRoute route : HttpRoute.of(service)) {
        if (!Raw.has(route.fields(), "timeout")) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  service,
                  (route.path("")),
                  service.describe(),
                  route.describe()
                      + " sets no timeout, so a hung backend holds the caller indefinitely"));
        }
      }
    }
    return findings;
  }
}
