package com.alphintra.infra.cloud;

import com.alphintra.infra.cloud.ImagesReport.ImageResult;
import com.alphintra.infra.cloud.ImagesReport.Outcome;
import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.error.OperationFailedException;
import com.alphintra.infra.exec.Command;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.alphintra.infra.image.BuiltImage;
import com.alphintra.infra.image.ContentTag;
import com.alphintra.infra.image.ImageBuilder;
import com.alphintra.infra.image.ImageDestination;
import com.alphintra.infra.image.ImageRequest;
import com.alphintra.infra.image.RegistryCredential;
import com.alphintra.infra.image.RegistryManifests;
import com.alphintra.infra.workspace.MirroredImage;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code alphintra cloud images}: builds the sample service with Jib and pushes it to the
 * environment's Artifact Registry under a content tag, records {@code TAG@DIGEST} in the overlay's
 * {@code cloud-outputs.env} (key {@code SAMPLE_SERVICE_TAG}, which the GKE component's replacements
 * read), and copies every third-party image of the {@code mirror:} list registry to registry. A tag
 * the registry already holds is skipped: its tags are immutable, and the content tag says the
 * content is the same.
 */
public final class CloudImages {

  /** The GKE node pools' platform: the mirrored copies are single-platform images for it. */
  public static final Platform NODE_PLATFORM = new Platform("amd64", "linux");

  static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(30);

  /** Artifact Registry's user name for a Google OAuth 2 access token. */
  static final String TOKEN_USER = "oauth2accesstoken";

  private final ProcessRunner processes;
  private final ImageBuilder images;
  private final RegistryManifests manifests;
  private final Path overlaysDirectory;
  private final Runnable compile;
  private final Supplier<ImageRequest> sampleService;
  private final Supplier<String> sampleVersion;
  private final List<MirroredImage> mirror;

  /**
   * @param compile compiles the sample service (its Maven build); a failure throws
   * @param sampleService the sample service's image request for {@link #NODE_PLATFORM}, read after
   *     compiling
   * @param sampleVersion the version its tags start with (images.sampleService's tag), read when
   *     needed
   * @param mirror the third-party images to copy
   */
  public CloudImages(
      ProcessRunner processes,
      ImageBuilder images,
      RegistryManifests manifests,
      Path overlaysDirectory,
      Runnable compile,
      Supplier<ImageRequest> sampleService,
      Supplier<String> sampleVersion,
      List<MirroredImage> mirror) {
    this.processes = processes;
    this.images = images;
    this.manifests = manifests;
    this.overlaysDirectory = overlaysDirectory;
    this.compile = compile;
    this.sampleService = sampleService;
    this.sampleVersion = sampleVersion;
    this.mirror = List.copyOf(mirror);
  }

  /**
   * Pushes and mirrors; each image's outcome goes to {@code console} as it happens.
   *
   * @throws MissingPrerequisiteException without cloud-outputs.env or gcloud credentials
   * @throws OperationFailedException when the sample service or a mirrored image failed (the others
   *     are still tried)
   */
  public ImagesReport push(Environment environment, Consumer<String> console) {
    Path file = CloudOutputsFile.of(overlaysDirectory, environment);
    CloudOutputs outputs = readOutputs(environment, file);
    String registry = outputs.values().get("REGISTRY");
    if (registry == null || registry.isBlank()) {
      throw new InputException(
          file + " has no REGISTRY",
          file,
          "write it again with 'alphintra cloud outputs --env " + environment.id() + "'");
    }
    Optional<RegistryCredential> credential = credentialFor(registry);

    compile.run();
    ImageRequest request = sampleService.get();
    String target =
        registry + "/sample-service:" + ContentTag.of(request, sampleVersion.get(), NODE_PLATFORM);
    List<ImageResult> results = new ArrayList<>();
    ImageResult sample;
    String sampleDigest;
    Optional<String> present = manifests.digestOf(target, credential);
    if (present.isPresent()) {
      sampleDigest = present.get();
      sample = new ImageResult("services/sample-service", target, Outcome.PRESENT, sampleDigest);
    } else {
      BuiltImage built = images.build(request, new ImageDestination.Registry(target), credential);
      sampleDigest = built.digest();
      sample = new ImageResult("services/sample-service", target, Outcome.PUSHED, sampleDigest);
    }
    console.accept(line(sample));
    results.add(sample);
    String tag = target.substring(target.lastIndexOf(':') + 1) + "@" + sampleDigest;
    recordSampleTag(file, tag);

    for (MirroredImage image : mirror) {
      ImageResult result = copy(image, registry, credential);
      console.accept(line(result));
      results.add(result);
    }
    ImagesReport report =
        new ImagesReport(environment, registry, target + "@" + sampleDigest, results);
    if (report.failed() > 0) {
      throw new OperationFailedException(
          report.failed()
              + " of "
              + mirror.size()
              + " images could not be mirrored: "
              + String.join(
                  ", ",
                  results.stream()
                      .filter(result -> result.outcome() == Outcome.FAILED)
                      .map(ImageResult::source)
                      .toList()),
          "the messages above say why; run the command again once fixed (what is there is skipped)");
    }
    return report;
  }

  /** One line for a person: what became of an image. */
  public static String line(ImageResult result) {
    return switch (result.outcome()) {
      case PUSHED -> "pushed   " + result.target() + "@" + result.detail();
      case COPIED -> "copied   " + result.source() + " -> " + result.target();
      case PRESENT -> "present  " + result.target() + " (skipped)";
      case FAILED ->
          "FAILED   " + result.source() + " -> " + result.target() + ": " + result.detail();
    };
  }

  private ImageResult copy(
      MirroredImage image, String registry, Optional<RegistryCredential> credential) {
    String target = image.target(registry);
    try {
      if (manifests.digestOf(target, credential).isPresent()) {
        return new ImageResult(image.source(), target, Outcome.PRESENT, "");
      }
      BuiltImage copied = images.copy(image.source(), target, NODE_PLATFORM, credential);
      return new ImageResult(image.source(), target, Outcome.COPIED, copied.digest());
    } catch (OperationFailedException e) {
      return new ImageResult(image.source(), target, Outcome.FAILED, e.getMessage());
    }
  }

  private static CloudOutputs readOutputs(Environment environment, Path file) {
    String command = "alphintra cloud outputs --env " + environment.id();
    if (!Files.isRegularFile(file)) {
      throw new MissingPrerequisiteException(
          file + " is missing: the environment's registry is not known",
          "run '" + command + "' (after 'alphintra cloud apply --env " + environment.id() + "')");
    }
    CloudOutputs outputs;
    try {
      outputs = CloudOutputs.read(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), file, command);
    }
    if (outputs.isExample()) {
      throw new MissingPrerequisiteException(
          file + " holds the committed example, not the environment's outputs",
          "run '" + command + "'");
    }
    return outputs;
  }

  /**
   * Artifact Registry takes a Google access token as the password of user {@code
   * oauth2accesstoken}: from gcloud's Application Default Credentials. A registry on this machine's
   * loopback (tests) needs none.
   */
  private Optional<RegistryCredential> credentialFor(String registry) {
    if (ImageBuilder.isLoopbackRegistry(registry + "/probe:1")) {
      return Optional.empty();
    }
    ProcessResult token =
        processes.run(
            Command.of("gcloud", "auth", "application-default", "print-access-token")
                .withTimeout(TOKEN_TIMEOUT));
    if (token.status() == ProcessResult.Status.NOT_FOUND) {
      throw new MissingPrerequisiteException(
          "gcloud is not installed: it gives the access token " + registry + " needs",
          "install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install); 'alphintra"
              + " doctor --target cloud' checks it");
    }
    if (!token.succeeded() || token.stdout().isBlank()) {
      throw new MissingPrerequisiteException(
          "no Google access token for " + registry + ": " + token.describe(),
          "run 'gcloud auth application-default login' (in CI: the google-github-actions/auth"
              + " step)");
    }
    return Optional.of(new RegistryCredential(TOKEN_USER, token.stdout().strip()));
  }

  /** Writes {@code SAMPLE_SERVICE_TAG=TAG@DIGEST} into cloud-outputs.env, keeping the rest. */
  private static void recordSampleTag(Path file, String tag) {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(file));
      String entry = CloudOutputs.SAMPLE_SERVICE_TAG + "=" + tag;
      boolean replaced = false;
      for (int index = 0; index < lines.size(); index++) {
        if (lines.get(index).startsWith(CloudOutputs.SAMPLE_SERVICE_TAG + "=")) {
          lines.set(index, entry);
          replaced = true;
        }
      }
      if (!replaced) {
        lines.add(entry);
      }
      Path partial = file.resolveSibling(CloudOutputsFile.NAME + ".partial");
      Files.writeString(partial, String.join("\n", lines) + "\n");
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
