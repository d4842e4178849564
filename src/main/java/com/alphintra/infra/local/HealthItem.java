package com.alphintra.infra.local;

/**
 * One thing {@code status} and the verification step look at.
 *
 * @param group what kind of thing: {@code node}, {@code system pod}, {@code mtls}, {@code addon},
 *     {@code workload}, {@code sidecar}, {@code ingress}
 * @param name which one ({@code alphintra/Deployment/trading-engine})
 * @param healthy whether it is as it should be
 * @param detail what was seen ({@code 1/1 available}, {@code STRICT})
 */
public record HealthItem(String group, String name, boolean healthy, String detail) {}
