package com.alphintra.infra.repository;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.platform.AcceptedFinding;
import java.util.List;
import java.util.Optional;

/**
 * Findings of our Kubernetes rules on objects the upstream charts render that we accept: the list
 * {@code alphintra check} honours, infra/kubernetes/helm-accepted-findings.yaml. Everything else
 * the rules find on a rendered chart fails {@link HelmReleasesRenderTest}: fix it through the
 * values when the chart lets us.
 */
final class RenderedFindings {

  static final List<AcceptedFinding> ACCEPTED = AcceptedFinding.of(InfraTree.repositoryRoot());

  private RenderedFindings() {}

  static Optional<AcceptedFinding> acceptance(Finding finding) {
    return ACCEPTED.stream()
        .filter(accepted -> accepted.covers(finding.rule(), finding.object()))
        .findFirst();
  }
}
