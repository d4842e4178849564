package com.alphintra.infra.cloud;

/** The kube context {@code cloud kubeconfig} wrote, and how the cluster's API is reached. */
public record KubeconfigReport(
    Environment environment,
    String context,
    String cluster,
    String location,
    boolean privateEndpoint) {}
