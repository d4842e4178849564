package com.alphintra.infra.dev;

/**
 * A Deployment of the platform manifests that runs the sample service image, and the container that
 * does.
 */
public record SampleDeployment(String namespace, String name, String container) {}
