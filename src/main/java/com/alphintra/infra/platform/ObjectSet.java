package com.alphintra.infra.platform;

import java.util.Optional;

/**
 * Objects that are deployed together, so that references between them must resolve: one overlay as
 * {@code kubectl kustomize} renders it, or (when the tree has no overlay) the files as written.
 *
 * @param overlay the overlay's name; empty for the files as written
 * @param view the objects, indexed
 */
public record ObjectSet(Optional<String> overlay, KubernetesView view) {}
