package com.alphintra.infra.check.rules.net;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** No ingress firewall rule lets the internet reach SSH, RDP, or every port. */
public final class FirewallsDoNotOpenAdminPortsToTheInternet implements Rule {

  static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");
  static final Map<Integer, String> ADMIN_PORTS = Map.of(22, "SSH", 3389, "RDP");

  /** Protocols with ports; {@code allow { protocol = "tcp" }} without ports opens every one. */
  static final Set<String> PORTED = Set.of("tcp", "udp", "sctp", "6", "17", "132");

  static final RuleInfo INFO =
      new RuleInfo(
          "net-firewall-no-public-admin",
          "Firewall rules do not open SSH, RDP or every port to the internet",
          Severity.CRITICAL,
          Target.NET,
          "SSH and RDP open to 0.0.0.0/0 are scanned and brute-forced within minutes of creation, and an allow on"
              + " every port exposes whatever listens on a node; administrative access goes through Identity-Aware"
              + " Proxy (35.235.240.0/20) instead.",
          "Narrow source_ranges of the google_compute_firewall to the ranges that need access (IAP's 35.235.240.0/20"
              + " for SSH) and list only the ports that must be open.",
          List.of(
              "checkov CKV_GCP_2",
              "checkov CKV_GCP_3",
              "checkov CKV2_GCP_12",
              "tfsec google-compute-no-public-ingress",
              "CIS Google Cloud Platform Foundation Benchmark 3.6, 3.7"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource firewall : platform.terraform().resources("google_compute_firewall")) {
      if (!isEnabledIngress(platform, firewall)) {
        continue;
      }
      for (TerraformValue sources : platform.terraform().values(firewall, "source_ranges")) {
        Set<String> open = openRanges(sources.value());
        if (open.isEmpty()) {
          continue;
        }
        String from = " from " + String.join(", ", open) + sources.where();
        for (Block allow : firewall.block().body().blocks("allow")) {
          findings.addAll(check(platform, firewall, allow, from));
        }
      }
    }
    return findings;
  }

  private static List<Finding> check(
      Platform platform, TerraformResource firewall, Block allow, String from) {
    List<Finding> findings = new ArrayList<>();
    Optional<Attribute> protocolAttribute = allow.body().attribute("protocol");
    Optional<Attribute> ports = allow.body().attribute("ports");
    int allowLine = allow.range().start().line();
    if (protocolAttribute.isEmpty()) {
      return findings;
    }
    for (TerraformValue protocolValue :
        platform.terraform().values(firewall, protocolAttribute.get().value())) {
      if (!(protocolValue.value() instanceof String protocol)) {
        continue;
      }
      String name = protocol.toLowerCase(java.util.Locale.ROOT);
      if (name.equals("all")) {
        findings.add(
            Finding.of(
                INFO,
                protocolValue.file(),
                protocolValue.line(),
                firewall.address(),
                firewall.address() + " allows every protocol and port" + from));
      } else if (PORTED.contains(name) && ports.isEmpty()) {
        findings.add(
            Finding.of(
                INFO,
                firewall.file(),
                allowLine,
                firewall.address(),
                firewall.address() + " allows every " + protocol + " port" + from));
      } else if ((name.equals("tcp") || name.equals("6")) && ports.isPresent()) {
        for (TerraformValue portValue :
            platform.terraform().values(firewall, ports.get().value())) {
          for (Map.Entry<Integer, String> admin : ADMIN_PORTS.entrySet()) {
            if (covers(portValue.value(), admin.getKey())) {
              findings.add(
                  Finding.of(
                      INFO,
                      portValue.file(),
                      portValue.line(),
                      firewall.address(),
                      firewall.address()
                          + " allows tcp port "
                          + admin.getKey()
                          + " ("
                          + admin.getValue()
                          + ")"
                          + from
                          + portValue.where()));
            }
          }
        }
      }
    }
    return findings;
  }

  /**
   * Ingress (the default direction) and not disabled, as far as is known; unknown keeps the rule
   * silent.
   */
  private static boolean isEnabledIngress(Platform platform, TerraformResource firewall) {
    if (firewall.attribute("direction").isPresent()
        && platform.terraform().values(firewall, "direction").stream()
            .noneMatch(v -> "INGRESS".equals(v.value()))) {
      return false;
    }
    if (firewall.attribute("disabled").isEmpty()) {
      return true;
    }
    List<TerraformValue> disabled = platform.terraform().values(firewall, "disabled");
    return !disabled.isEmpty() && disabled.stream().allMatch(v -> Boolean.FALSE.equals(v.value()));
  }

  private static Set<String> openRanges(Object value) {
    Set<String> open = new LinkedHashSet<>();
    if (value instanceof List<?> ranges) {
      for (Object range : ranges) {
        if (range instanceof String cidr && ANYWHERE.contains(cidr.trim())) {
          open.add(cidr.trim());
        }
      }
    }
    return open;
  }

  /** Whether a list of ports and ranges ({@code ["22", "8000-9000"]}) includes {@code port}. */
  private static boolean covers(Object value, int port) {
    if (!(value instanceof List<?> entries)) {
      return false;
    }
    for (Object entry : entries) {
      String text =
          entry instanceof BigDecimal number
              ? number.toPlainString()
              : String.valueOf(entry).trim();
      String[] bounds = text.split("-", 2);
      try {
        int low = Integer.parseInt(bounds[0].trim());
        int high = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : low;
        if (low <= port && port <= high) {
          return true;
        }
      } catch (NumberFormatException notAPort) {
        // A value that is not a port or range opens nothing this rule knows of.
      }
    }
    return false;
  }
}
