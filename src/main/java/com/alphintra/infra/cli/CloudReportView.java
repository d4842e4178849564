package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.BootstrapReport;
import com.alphintra.infra.cloud.CloudWorkflow;
import com.alphintra.infra.cloud.Environment;
import com.alphintra.infra.cloud.ImagesReport;
import com.alphintra.infra.cloud.KubeconfigReport;
import com.alphintra.infra.cloud.OutputsReport;
import com.alphintra.infra.cloud.PlanReport;
import com.alphintra.infra.cloud.PlanSummary;
import com.alphintra.infra.cloud.ResourceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summaries of the cloud workflow's results, as text and JSON. They hold addresses and counts,
 * never values.
 */
final class CloudReportView {

  private CloudReportView() {}

  static String text(PlanReport report) {
    PlanSummary summary = report.summary();
    String env = report.environment().id();
    StringBuilder out = new StringBuilder();
    String verb =
        switch (report.operation()) {
          case PLAN -> "Plan";
          case APPLY -> report.applied() ? "Applied" : "Nothing to apply";
          case DESTROY -> report.applied() ? "Destroyed" : "Nothing to destroy";
        };
    out.append(verb)
        .append(" for ")
        .append(env)
        .append(": ")
        .append(summary.toAdd())
        .append(" to add, ")
        .append(summary.toChange())
        .append(" to change, ")
        .append(summary.toDestroy())
        .append(" to destroy");
    if (summary.toRead() > 0) {
      out.append(" (").append(summary.toRead()).append(" data sources read)");
    }
    out.append(".\n");
    for (ResourceChange change : summary.changes()) {
      if (!change.isRead()) {
        out.append("  ").append(symbol(change)).append(' ').append(change.address()).append('\n');
      }
    }
    if (report.operation() == PlanReport.Operation.PLAN) {
      out.append("Saved plan: ").append(report.planFile()).append('\n');
      out.append("Apply it with: alphintra cloud apply --env ")
          .append(env)
          .append(report.environment() == Environment.PROD ? " --confirm prod" : "")
          .append('\n');
    }
    report
        .acceptedFindingsReason()
        .ifPresent(
            reason ->
                out.append("Accepted ")
                    .append(report.gate().blocking().size())
                    .append(" check finding(s) at HIGH or above, reason: \"")
                    .append(reason)
                    .append("\"\n"));
    return out.toString();
  }

  static Map<String, Object> json(PlanReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", report.environment().id());
    root.put("operation", report.operation().name().toLowerCase(Locale.ROOT));
    root.put("applied", report.applied());
    root.put("add", report.summary().toAdd());
    root.put("change", report.summary().toChange());
    root.put("destroy", report.summary().toDestroy());
    root.put("read", report.summary().toRead());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (ResourceChange change : report.summary().changes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("address", change.address());
      entry.put("type", change.type());
      entry.put("actions", change.actions());
      changes.add(entry);
    }
    root.put("changes", changes);
    root.put("planFile", report.planFile().toString());
    root.put("blockingFindings", report.gate().blocking());
    root.put("checkNotes", report.gate().notes());
    root.put("acceptedFindingsReason", report.acceptedFindingsReason().orElse(null));
    return root;
  }

  static String text(BootstrapReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Remote state for project ")
        .append(report.projectId())
        .append(": gs://")
        .append(report.bucket())
        .append(" (")
        .append(report.region())
        .append(", versioned, uniform access, public access prevented)\n");
    out.append(
        "Backend settings, per environment (passed by 'alphintra cloud' as -backend-config):\n");
    for (Environment environment : Environment.values()) {
      out.append("  ").append(environment.id()).append(":\n");
      report
          .backendSettings(environment)
          .lines()
          .forEach(line -> out.append("    ").append(line).append('\n'));
    }
    report
        .deployerServiceAccount()
        .ifPresent(
            account ->
                out.append("Deployer service account: ")
                    .append(account)
                    .append(" (GitHub repository variable GCP_DEPLOYER_SERVICE_ACCOUNT)\n"));
    report
        .workloadIdentityProvider()
        .ifPresent(
            provider ->
                out.append("Workload Identity provider: ")
                    .append(provider)
                    .append(" (GitHub repository variable GCP_WORKLOAD_IDENTITY_PROVIDER)\n"));
    return out.toString();
  }

  static Map<String, Object> json(BootstrapReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("project", report.projectId());
    root.put("region", report.region());
    root.put("bucket", report.bucket());
    Map<String, String> backends = new LinkedHashMap<>();
    for (Environment environment : Environment.values()) {
      backends.put(environment.id(), report.backendSettings(environment));
    }
    root.put("backends", backends);
    root.put("deployerServiceAccount", report.deployerServiceAccount().orElse(null));
    root.put("workloadIdentityProvider", report.workloadIdentityProvider().orElse(null));
    return root;
  }

  static String text(KubeconfigReport report) {
    return "Kube context "
        + report.context()
        + " -> cluster "
        + report.cluster()
        + " in "
        + report.location()
        + switch (report.endpoint()) {
          case DNS ->
              " over its DNS endpoint (Google IAM authenticates every request; the IP endpoint stays"
                  + " private)";
          case INTERNAL_IP ->
              " (private endpoint: reach it from inside the VPC, e.g. through IAP or the corporate"
                  + " VPN)";
          case PUBLIC_IP -> "";
        }
        + "\nInstall the platform onto it with: alphintra up --context "
        + report.context()
        + "\n";
  }

  static Map<String, Object> json(KubeconfigReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", report.environment().id());
    root.put("context", report.context());
    root.put("cluster", report.cluster());
    root.put("location", report.location());
    root.put("endpoint", report.endpoint().id());
    root.put("privateEndpoint", report.privateEndpoint());
    return root;
  }

  static String text(OutputsReport report) {
    return CloudWorkflow.describe(report)
        + "\nkubectl kustomize infra/kubernetes/overlays/"
        + report.environment().id()
        + " now renders with them; push the images with: alphintra cloud images --env "
        + report.environment().id()
        + "; then install with: alphintra up --context alphintra-"
        + report.environment().id()
        + " --overlay "
        + report.environment().id()
        + "\n";
  }

  static Map<String, Object> json(OutputsReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", report.environment().id());
    root.put("file", report.file().toString());
    root.put("values", report.values());
    report.state().ifPresent(state -> root.put("stateSerial", state.serial()));
    report.state().ifPresent(state -> root.put("stateLineage", state.lineage()));
    return root;
  }

  static String text(ImagesReport report) {
    Map<ImagesReport.Outcome, Long> counts = new java.util.EnumMap<>(ImagesReport.Outcome.class);
    report.images().forEach(image -> counts.merge(image.outcome(), 1L, Long::sum));
    String env = report.environment().id();
    return "Images of "
        + env
        + " in "
        + report.registry()
        + ": "
        + counts.getOrDefault(ImagesReport.Outcome.PUSHED, 0L)
        + " pushed, "
        + counts.getOrDefault(ImagesReport.Outcome.COPIED, 0L)
        + " copied, "
        + counts.getOrDefault(ImagesReport.Outcome.PRESENT, 0L)
        + " already present\nsample service: "
        + report.sampleService()
        + " (SAMPLE_SERVICE_TAG in infra/kubernetes/overlays/"
        + env
        + "/cloud-outputs.env)\ninstall with: alphintra up --context alphintra-"
        + env
        + " --overlay "
        + env
        + "\n";
  }

  static Map<String, Object> json(ImagesReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("environment", report.environment().id());
    root.put("registry", report.registry());
    root.put("sampleService", report.sampleService());
    List<Map<String, Object>> images = new ArrayList<>();
    for (ImagesReport.ImageResult image : report.images()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("source", image.source());
      entry.put("target", image.target());
      entry.put("outcome", image.outcome().name().toLowerCase(Locale.ROOT));
      images.add(entry);
    }
    root.put("images", images);
    return root;
  }

  private static String symbol(ResourceChange change) {
    if (change.isReplace()) {
      return "-/+";
    }
    if (change.isCreate()) {
      return "+";
    }
    if (change.isDelete()) {
      return "-";
    }
    return "~";
  }
}
