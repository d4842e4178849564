package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.refs.Fields;
import com.alphintra.infra.check.rules.refs.ReferenceFindings;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** No two Gateways claim the same host on the same port of the same gateway workload. */
public final class IstioGatewaysDoNotConflict implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-gateway-no-conflict",
          "No two Gateways claim the same host and port",
          Severity.HIGH,
          Target.ISTIO,
          "When two Gateways on the same gateway workload serve one host on one port, Istio keeps one server and"
              + " drops the other, so which TLS settings and routes apply depends on creation order.",
          "Serve each host and port from one Gateway: merge the servers, or change the host or port of one.",
          List.of(
              "istioctl analyze IST0145 ConflictingGateways",
              "https://istio.io/latest/docs/reference/config/analysis/ist0145/"));

  private record Claim(String selector, int port, String host) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    ReferenceFindings findings = new ReferenceFindings(INFO, platform);
    for (ObjectSet set : platform.objectSets()) {
      Map<Claim, LoadedObject> claimed = new HashMap<>();
      for (LoadedObject gateway : set.view().ofKind("Gateway")) {
        Optional<Map<String, String>> selector =
            Fields.labels(Fields.spec(gateway).get("selector"));
        if (selector.isEmpty()) {
          continue;
        }
        String workload = new java.util.TreeMap<>(selector.get()).toString();
        List<?> servers = Fields.list(Fields.spec(gateway).get("servers"));
        for (int server = 0; server < servers.size(); server++) {
          Map<?, ?> fields = Fields.map(servers.get(server));
          if (!(Fields.map(fields.get("port")).get("number") instanceof Integer port)) {
            continue;
          }
          List<?> hosts = Fields.list(fields.get("hosts"));
          for (int index = 0; index < hosts.size(); index++) {
            Optional<String> host =
                Fields.text(hosts.get(index)).map(text -> text.substring(text.indexOf('/') + 1));
            if (host.isEmpty()) {
              continue;
            }
            LoadedObject first =
                claimed.putIfAbsent(new Claim(workload, port, host.get()), gateway);
            if (first != null && first != gateway) {
              findings.add(
                  set,
                  gateway,
                  "spec.servers[" + server + "].hosts[" + index + "]",
                  gateway.describe()
                      + " claims host "
                      + host.get()
                      + " on port "
                      + port
                      + ", which "
                      + first.describe()
                      + " already claims");
            }
          }
        }
      }
    }
    return findings.list();
  }
}
