package com.alphintra.infra.cli;

import com.alphintra.infra.check.CheckEngine;
import com.alphintra.infra.check.Checker;
import com.alphintra.infra.check.RuleRegistry;
import com.alphintra.infra.cloud.CheckPolicyGate;
import com.alphintra.infra.cloud.CloudImages;
import com.alphintra.infra.cloud.CloudWorkflow;
import com.alphintra.infra.cloud.EnvironmentSettingsReader;
import com.alphintra.infra.dev.DevLoop;
import com.alphintra.infra.doctor.Doctor;
import com.alphintra.infra.doctor.HostProbe;
import com.alphintra.infra.doctor.RequirementsReader;
import com.alphintra.infra.doctor.SystemHostProbe;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.RegistryManifests;
import com.alphintra.infra.image.SampleServiceBuild;
import com.alphintra.infra.local.LocalEnvironment;
import com.alphintra.infra.local.LocalServices;
import com.alphintra.infra.platform.PlatformLoader;
import com.alphintra.infra.workspace.ChartCache;
import com.alphintra.infra.workspace.MirroredImage;
import com.alphintra.infra.workspace.PinnedVersions;
import com.alphintra.infra.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services the commands call, built once in {@link Main}. Tests build one with fakes.
 *
 * @param processes runs external programs
 * @param host reads CPU, memory, disk and port availability of this machine
 * @param workspace the checkout the tool works on, when there is one
 * @param local cluster connections, Helm, the ingress prober and the clock of the local environment
 */
public record Services(
    ProcessRunner processes,
    HostProbe host,
    Supplier<Optional<Workspace>> workspace,
    LocalServices local) {

  /**
   * For commands that never reach a cluster: the local environment gets its production wiring, made
   * lazily.
   */
  public Services(
      ProcessRunner processes, HostProbe host, Supplier<Optional<Workspace>> workspace) {
    this(processes, host, workspace, LocalServices.production());
  }

  /** The property the launcher sets to the checkout it lives in. */
  public static final String HOME_PROPERTY = "alphintra.home";

  public static Services production() {
    Path start = Path.of(System.getProperty(HOME_PROPERTY, System.getProperty("user.dir")));
    return new Services(
        new SystemProcessRunner(),
        new SystemHostProbe(),
        () -> Workspace.find(start),
        LocalServices.production());
  }

  public Workspace requireWorkspace() {
    return workspace
        .get()
        .orElseThrow(
            () ->
                new com.alphintra.infra.error.InputException(
                    "no Alphintra checkout found (no infra/versions.yaml in this folder or above)",
                    "run the command inside the repository, or through its ./alphintra launcher"));
  }

  public Checker checker() {
    return new Checker(
        new PlatformLoader(processes, Optional.of(ChartCache.renderFolder(System.getenv()))),
        new CheckEngine(RuleRegistry.builtIn()));
  }

  /**
   * The Terraform workflow for the checkout, gated by check over its infra/ as {@code check} judges
   * it (the Helm releases from the chart cache).
   */
  public CloudWorkflow cloudWorkflow() {
    Workspace checkout = requireWorkspace();
    return new CloudWorkflow(
        processes,
        doctor(),
        RequirementsReader.read(checkout),
        new CheckPolicyGate(
            checker(),
            checkout.root(),
            checkout.terraform(),
            Optional.of(ChartCache.folder(System.getenv()))),
        new EnvironmentSettingsReader(checkout.terraform().resolve("environments"))::read,
        checkout.terraform().resolve("bootstrap"),
        checkout.localState().resolve("cloud"),
        checkout.kubernetes().resolve("overlays"));
  }

  /**
   * Pushes the sample service and mirrors the third-party images into an environment's registry;
   * layers are cached with the dev loop's, under the checkout's .alphintra/.
   */
  public CloudImages cloudImages() {
    Workspace checkout = requireWorkspace();
    ImageBuilder builder = new ImageBuilder(LocalServices.imageCache(checkout));
    SampleServiceBuild sample = new SampleServiceBuild(checkout, processes, builder);
    return new CloudImages(
        processes,
        builder,
        new RegistryManifests(),
        checkout.kubernetes().resolve("overlays"),
        sample::compile,
        () -> sample.image().request(CloudImages.NODE_PLATFORM),
        () -> sample.image().version(),
        MirroredImage.current(PinnedVersions.read(checkout.versionsFile())));
  }

  public Doctor doctor() {
    return new Doctor(processes, host);
  }

  /**
   * The sample service's dev loop; its image layers are cached under the checkout's .alphintra/.
   */
  public DevLoop devLoop() {
    Workspace checkout = requireWorkspace();
    return new DevLoop(
        checkout,
        processes,
        local.images().apply(LocalServices.imageCache(checkout)),
        local.clusters());
  }

  public LocalEnvironment localEnvironment() {
    return new LocalEnvironment(requireWorkspace(), processes, doctor(), local);
  }
}
