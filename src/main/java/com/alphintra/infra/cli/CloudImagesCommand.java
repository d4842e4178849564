package com.alphintra.infra.cli;

import com.alphintra.infra.cloud.CloudImages;
import com.alphintra.infra.cloud.ImagesReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    header =
        "Push the sample service and mirror third-party images into an environment's registry.",
    description = {
      "Builds the sample service with Jib and pushes it to the environment's Artifact Registry"
          + " (REGISTRY of infra/kubernetes/overlays/ENV/cloud-outputs.env) under a tag that names"
          + " its content, and records TAG@DIGEST there (SAMPLE_SERVICE_TAG) for the overlay. Then"
          + " copies every image of the mirror list in infra/versions.yaml to REGISTRY/mirror/NAME:TAG,"
          + " registry to registry. A tag the registry already holds is skipped (its tags are"
          + " immutable). Authenticates with gcloud's application-default credentials.",
      "",
      "Exit 1 naming the images that failed (the others are still pushed); 3 without"
          + " cloud-outputs.env (run 'alphintra cloud outputs --env ENV') or gcloud credentials."
    })
final class CloudImagesCommand implements Callable<Integer> {

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin EnvironmentOption env;

  CloudImagesCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    CloudConsole console = CloudConsole.of(spec, output);
    CloudImages images = services.cloudImages();
    ImagesReport report = images.push(env.environment, console::line);
    console.report(CloudReportView.text(report), CloudReportView.json(report));
    return ExitCode.OK.code();
  }
}
