package com.alphintra.infra.local;

import java.util.List;
import java.util.Optional;

/**
 * The state of the environment: the Istio version found and every item checked, in a stable order.
 */
public record HealthReport(String context, Optional<String> istioVersion, List<HealthItem> items) {

  public HealthReport {
    items = List.copyOf(items);
  }

  public boolean isHealthy() {
    return !items.isEmpty() && items.stream().allMatch(HealthItem::healthy);
  }

  public List<HealthItem> problems() {
    return items.stream().filter(item -> !item.healthy()).toList();
  }
}
